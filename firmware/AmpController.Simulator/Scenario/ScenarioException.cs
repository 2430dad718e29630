using System;
using System.Text;

namespace AmpController.Simulator.Scenario;

/// <summary>
/// Bad scenario input: the message starts with the JSON path, e.g. `$.events[2].fault.kind: unknown fault kind 'foo' ...`;
/// a problem with the file itself (a folder, unreadable) has no path. The message is always one line (docs/design.md §7:
/// exit 2 with a one-line error): control characters the file put in a name or a value are written as JSON escapes
/// (found by fuzzing, issue 18: a field named "\nit" split the error over two lines).
/// </summary>
public sealed class ScenarioException(string path, string problem)
    : Exception(OneLine(path.Length == 0 ? problem : $"{path}: {problem}"))
{
    public string Path { get; } = path;

    static string OneLine(string text)
    {
        if (!NeedsEscaping(text)) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (char c in text)
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) || c is '\u2028' or '\u2029' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        return sb.ToString();
    }

    static bool NeedsEscaping(string text)
    {
        foreach (char c in text)
            if (char.IsControl(c) || c is '\u2028' or '\u2029') return true;
        return false;
    }
}
