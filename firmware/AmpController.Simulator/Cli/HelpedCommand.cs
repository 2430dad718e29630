using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;

namespace AmpController.Simulator.Cli;

/// <summary>
/// A System.CommandLine command with the help this project wants on every command: a usage line, what it does, its
/// arguments and options (from the parser's own symbols), examples, and the exit codes.
/// </summary>
public sealed class HelpedCommand(string name, string summary) : Command(name, summary)
{
    public required string Usage { get; init; }
    public string Details { get; init; } = "";
    public required string[] Examples { get; init; }
    /// <summary>What 0, 1 and 2 mean for this command (docs/design.md §7).</summary>
    public required (int Code, string Meaning)[] ExitCodes { get; init; }

    public void WriteHelp(TextWriter o)
    {
        o.WriteLine($"ampsim {Name} - {Description}");
        o.WriteLine();
        o.WriteLine(Usage);
        if (Details.Length > 0)
        {
            o.WriteLine();
            o.WriteLine(Details.TrimEnd());
        }
        var arguments = Arguments.Select(a => ($"<{a.Name}>", a.Description ?? "")).ToList();
        if (arguments.Count > 0) Section(o, "Arguments:", arguments);
        var options = Options.Select(opt => (Label(opt), opt.Description ?? "")).Append(("-h, --help", "Show this help")).ToList();
        Section(o, "Options:", options);
        o.WriteLine();
        o.WriteLine("Examples:");
        foreach (var example in Examples) o.WriteLine("  " + example);
        Section(o, "Exit codes:", ExitCodes.Select(e => (e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Meaning)).ToList());
    }

    static string Label(Option option)
    {
        var names = option.Aliases.Where(a => a.Length == 2 && a[0] == '-').Append(option.Name).Distinct();
        bool takesValue = option.Arity.MaximumNumberOfValues > 0 && option.ValueType != typeof(bool);
        return string.Join(", ", names) + (takesValue ? $" <{option.HelpName ?? "VALUE"}>" : "");
    }

    /// <summary>Two columns; a long second column continues under itself.</summary>
    internal static void Section(TextWriter o, string title, IReadOnlyList<(string Left, string Right)> rows)
    {
        o.WriteLine();
        o.WriteLine(title);
        int width = rows.Max(r => r.Left.Length) + 2;
        foreach (var (left, right) in rows)
        {
            var lines = right.Split('\n');
            o.WriteLine($"  {left.PadRight(width)}{lines[0].TrimEnd()}");
            foreach (var more in lines.Skip(1)) o.WriteLine($"  {new string(' ', width)}{more.Trim()}");
        }
    }
}
