using System;
using System.CommandLine;
using System.Globalization;

namespace AmpController.Simulator.Cli;

/// <summary>
/// Options whose values are checked while parsing, with the one-line messages `ampsim` has always given
/// (e.g. "option --ticks: expected a whole number 1..1000000000, got 'lots'").
/// </summary>
public static class CliOptions
{
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    public static Option<string?> Text(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };

    /// <summary>An option parsed by <paramref name="parse"/>, which throws a <see cref="UsageException"/> for a bad value.</summary>
    public static Option<T> Parsed<T>(string name, string helpName, string description, Func<string, T> parse) =>
        new(name)
        {
            HelpName = helpName,
            Description = description,
            CustomParser = result =>
            {
                if (result.Tokens.Count != 1) return default!; // no value, or given twice: AmpSimCli words these
                try { return parse(result.Tokens[0].Value); }
                catch (UsageException e)
                {
                    result.AddError(e.Message);
                    return default!;
                }
            },
        };

    public static Option<long?> WholeNumber(string name, string helpName, string description, long min, long max) =>
        Parsed<long?>(name, helpName, description, text =>
            long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max
                ? value
                : throw new UsageException($"option {name}: expected a whole number {min}..{max}, got '{text}'"));

    /// <summary>A finite decimal number (invariant culture: 32.5, 1e3); NaN and infinities are refused.</summary>
    public static bool TryFinite(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
