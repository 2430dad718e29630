using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace BoardGen.Checks;

/// <summary>
/// A SPICE netlist with subcircuits, flattened the way a board has parts: top-level elements as they are, and each
/// instance of a channel subcircuit (named in the sheet's cir-subckt lines with the designator digit of its parts)
/// expanded into elements whose names carry that digit (R436 inside XLWR becomes R536; a name without the template's
/// digit becomes INSTANCE.NAME, XLWR.VZA1). Other subcircuits (device models such as an op-amp) stay one element.
/// Parameters ({rs}) are resolved from .param lines.
/// </summary>
public static class CirNetlist
{
    public sealed record Element(string Name, string Local, char Kind, List<string> Nodes, string Value);

    sealed record Subckt(List<string> Ports, List<string> Body);

    public static List<Element> Read(string path, IReadOnlyDictionary<string, char> channelInstances)
    {
        var lines = new List<string>();
        foreach (string raw in File.ReadAllLines(path).Skip(1)) // SPICE: the first line is the title
        {
            string t = raw.Trim();
            if (t.StartsWith('+') && lines.Count > 0) { lines[^1] += " " + t[1..]; continue; }
            if (t.StartsWith(".control", StringComparison.OrdinalIgnoreCase) || t.Equals(".end", StringComparison.OrdinalIgnoreCase)) break;
            if (t.Length > 0 && !t.StartsWith('*')) lines.Add(t);
        }
        var prm = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var subckts = new Dictionary<string, Subckt>(StringComparer.OrdinalIgnoreCase);
        var top = new List<string>();
        Subckt? current = null;
        foreach (string line in lines)
        {
            var w = Words(line);
            string head = w[0].ToLowerInvariant();
            if (head == ".param") foreach (var kv in w.Skip(1).Select(x => x.Split('=', 2)).Where(x => x.Length == 2)) prm[kv[0]] = kv[1];
            else if (head == ".subckt") subckts[w[1]] = current = new Subckt(w.Skip(2).Select(n => n.ToLowerInvariant()).ToList(), new List<string>());
            else if (head == ".ends") current = null;
            else if (head.StartsWith('.')) continue;
            else (current?.Body ?? top).Add(line);
        }
        var elements = new List<Element>();
        foreach (string line in top)
        {
            var w = Words(line);
            string name = w[0].ToUpperInvariant();
            if (name[0] == 'X' && channelInstances.TryGetValue(name, out char digit) && subckts.TryGetValue(w[^1], out var sub))
                elements.AddRange(Expand(name, digit, w.Skip(1).Take(w.Count - 2).Select(n => n.ToLowerInvariant()).ToList(), sub, prm));
            else if (Parse(line, prm) is { } e) elements.Add(e);
        }
        return elements;
    }

    static IEnumerable<Element> Expand(string instance, char digit, List<string> actual, Subckt sub, Dictionary<string, string> prm)
    {
        var body = sub.Body.Select(l => Parse(l, prm)).Where(e => e != null).Select(e => e!).ToList();
        char template = body.Select(e => FirstDigit(e.Name)).Where(d => d != '\0').GroupBy(d => d).OrderByDescending(g => g.Count()).First().Key;
        string Node(string n) => n == "0" ? "0" : sub.Ports.IndexOf(n) is int i and >= 0 ? actual[i] : instance.ToLowerInvariant() + "." + n;
        foreach (var e in body)
        {
            int at = e.Name.IndexOf(template);
            bool channelName = FirstDigit(e.Name) == template;
            string name = channelName ? e.Name[..at] + digit + e.Name[(at + 1)..] : instance + "." + e.Name;
            yield return e with { Name = name, Local = e.Name, Nodes = e.Nodes.Select(Node).ToList() };
        }
    }

    static char FirstDigit(string s) => s.FirstOrDefault(char.IsDigit);

    static Element? Parse(string line, Dictionary<string, string> prm)
    {
        var w = Words(line);
        string name = w[0].ToUpperInvariant();
        char kind = name[0];
        int nodes = kind switch { 'E' or 'G' => 4, 'R' or 'C' or 'L' or 'D' or 'V' or 'I' or 'B' => 2, 'X' => w.Count - 2, _ => 0 };
        if (nodes <= 0 || w.Count < nodes + 2) return null;
        string value = string.Join(' ', w.Skip(1 + nodes));
        if (value.StartsWith('{') && value.EndsWith('}') && prm.TryGetValue(value[1..^1], out var v)) value = v;
        return new Element(name, name, kind, w.Skip(1).Take(nodes).Select(n => n.ToLowerInvariant()).ToList(), value);
    }

    static List<string> Words(string line) => line.Split(' ', '\t').Where(x => x.Length > 0).ToList();

    public static double? Number(string value) => Model.Values.Parse(value.Split(' ')[0]);

    public static string Format(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
