using System.Collections.Generic;

namespace AmpController.Simulator.Cli;

/// <summary>
/// Minimal parser for `ampsim COMMAND [positional] [--flag] [--option VALUE]`; anything unexpected is a
/// <see cref="UsageException"/> (exit 2).
/// </summary>
public sealed class OptionReader
{
    readonly List<string> _positional = [];
    readonly Dictionary<string, string?> _options = [];

    public OptionReader(string[] args, string[] flags, string[] valueOptions, int maxPositional)
    {
        for (int i = 0; i < args.Length; i++)
        {
            string a = args[i];
            if (a.StartsWith("--"))
            {
                if (System.Array.IndexOf(flags, a) >= 0) _options[a] = null;
                else if (System.Array.IndexOf(valueOptions, a) >= 0)
                {
                    if (i + 1 >= args.Length || args[i + 1].StartsWith("--"))
                        throw new UsageException($"option {a} needs a value");
                    _options[a] = args[++i];
                }
                else throw new UsageException($"unknown option '{a}'");
            }
            else if (_positional.Count < maxPositional) _positional.Add(a);
            else throw new UsageException($"unexpected argument '{a}'");
        }
    }

    public IReadOnlyList<string> Positional => _positional;

    public bool Flag(string name) => _options.ContainsKey(name);

    public string? Value(string name) => _options.TryGetValue(name, out var v) ? v : null;

    public long Integer(string name, long fallback, long min, long max)
    {
        string? text = Value(name);
        if (text is null) return fallback;
        if (!long.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long value) || value < min || value > max)
            throw new UsageException($"option {name}: expected a whole number {min}..{max}, got '{text}'");
        return value;
    }
}
