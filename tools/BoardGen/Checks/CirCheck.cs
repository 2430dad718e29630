using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using BoardGen.Model;

namespace BoardGen.Checks;

/// <summary>
/// The sense sheet against hardware/sense-frontend.cir: every part that names a .cir instance (spice=) has that
/// instance with the same value (resistors, capacitors, the analog switch's on-resistance, the diode model); every
/// component line of the .cir is a part or is listed as a model of something else (cir-model); and the connections
/// agree: following the shared parts from a few fixed nodes (cir-node), every .cir node lands on exactly one net and
/// every shared part joins the same nodes as in the .cir.
/// </summary>
public static class CirCheck
{
    public sealed record Element(string Name, List<string> Nodes, string Value);

    /// <summary>Component lines of a SPICE netlist up to .control/.end (comments, dot-lines and continuations handled).</summary>
    public static List<Element> ReadCir(string path)
    {
        var elements = new List<Element>();
        var lines = new List<string>();
        foreach (string raw in File.ReadAllLines(path))
        {
            string t = raw.Trim();
            if (t.StartsWith('+') && lines.Count > 0) { lines[^1] += " " + t[1..]; continue; }
            if (t.StartsWith(".control", StringComparison.OrdinalIgnoreCase) || t.Equals(".end", StringComparison.OrdinalIgnoreCase)) break;
            lines.Add(t);
        }
        foreach (string line in lines.Skip(1)) // SPICE: the first line is the title
        {
            if (line.Length == 0 || line.StartsWith('*') || line.StartsWith('.')) continue;
            var w = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            int nodes = char.ToUpperInvariant(w[0][0]) switch { 'E' or 'G' => 4, 'R' or 'C' or 'L' or 'D' or 'V' or 'I' or 'B' => 2, _ => 0 };
            if (nodes == 0 || w.Length < nodes + 2) continue;
            elements.Add(new Element(w[0].ToUpperInvariant(), w.Skip(1).Take(nodes).Select(n => n.ToLowerInvariant()).ToList(), string.Join(' ', w.Skip(1 + nodes))));
        }
        return elements;
    }

    public static List<Finding> Run(Board board, string cirPath)
    {
        var f = new List<Finding>();
        var sheet = board.Sheets.FirstOrDefault(s => s.Id == "sense");
        if (sheet == null) { f.Add(new Finding("cir", "no sense sheet")); return f; }
        var elements = ReadCir(cirPath).ToDictionary(e => e.Name);
        var owner = new Dictionary<string, Part>();
        foreach (var part in sheet.Parts)
            foreach (string name in part.SpiceNames.Select(n => n.ToUpperInvariant()))
            {
                owner[name] = part;
                if (!elements.TryGetValue(name, out var e)) { f.Add(new Finding("cir-missing", $"{part.Ref} is {name} in the .cir, which has no such instance")); continue; }
                CompareValue(part, e, f);
            }
        AccountFor(sheet, elements.Values.ToDictionary(e => e.Name, e => $"{string.Join(" ", e.Nodes)} {e.Value}"), owner.ContainsKey, "cir", f);
        CompareTopology(board, sheet, elements, owner, f);
        return f;
    }

    /// <summary>Every element of a .cir (name -> its nodes and value, for the message) is a part of the sheet or listed as
    /// a model of something else (cir-model), not both; every cir-model name is in the .cir. Rules PREFIX-unmapped and
    /// PREFIX-missing.</summary>
    public static void AccountFor(Sheet sheet, Dictionary<string, string> elements, Func<string, bool> isPart, string prefix, List<Finding> f)
    {
        var modelled = sheet.CirModel.Keys.Select(k => k.ToUpperInvariant()).ToHashSet();
        foreach (var (name, text) in elements)
        {
            bool part = isPart(name), model = modelled.Contains(name);
            if (!part && !model) f.Add(new Finding(prefix + "-unmapped", $".cir element {name} ({text}) is no part of the {sheet.Id} sheet and not listed as cir-model"));
            if (part && model) f.Add(new Finding(prefix + "-unmapped", $".cir element {name} is both a part and cir-model"));
        }
        foreach (string m in modelled.Where(m => !elements.ContainsKey(m))) f.Add(new Finding(prefix + "-missing", $"cir-model {m} is not in the .cir"));
    }

    static void CompareValue(Part part, Element e, List<Finding> f)
    {
        char kind = e.Name[0];
        if (part.Type.Spice is "R" or "C" && (kind is 'R' or 'C'))
        {
            double? want = Values.Parse(part.Value), got = Values.Parse(e.Value.Split(' ')[0]);
            if (want == null || got == null || Math.Abs(want.Value - got.Value) > 1e-9 * Math.Abs(want.Value))
                f.Add(new Finding("cir-value", $"{part.Ref} = {part.Value}, the .cir's {e.Name} = {e.Value}"));
        }
        else if (part.Type.Attrs.TryGetValue("ron", out var ron) && kind == 'R')
        {
            if (Values.Parse(ron) != Values.Parse(e.Value.Split(' ')[0])) f.Add(new Finding("cir-value", $"{part.Ref} on-resistance {ron}, the .cir's {e.Name} = {e.Value}"));
        }
        else if (kind == 'D')
        {
            if (!part.Value.StartsWith(e.Value.Split(' ')[0], StringComparison.OrdinalIgnoreCase)) f.Add(new Finding("cir-value", $"{part.Ref} is {part.Value}, the .cir's {e.Name} uses model {e.Value}"));
        }
        else if (kind is not ('E' or 'B')) f.Add(new Finding("cir-value", $"{part.Ref} ({part.Type.Id}) cannot be compared with the .cir's {e.Name}"));
    }

    static void CompareTopology(Board board, Sheet sheet, Dictionary<string, Element> elements, Dictionary<string, Part> owner, List<Finding> f)
    {
        var map = sheet.CirNodes.ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value);
        var groups = new List<(Part Part, HashSet<string> Nodes, HashSet<string> Nets)>();
        foreach (var part in owner.Values.Distinct())
        {
            string kind = part.Type.Spice ?? "";
            if (!(kind is "R" or "C" || kind.StartsWith("DPAIR") || kind.StartsWith("SWITCH"))) continue;
            var pins = kind.StartsWith("SWITCH") ? part.Type.Pins.Where(p => p.Name is "NO" or "COM") : part.Type.Pins;
            var nets = pins.Select(p => board.NetOf(part, p)?.Name ?? "?").ToHashSet();
            var nodes = part.SpiceNames.Select(n => n.ToUpperInvariant()).Where(elements.ContainsKey).SelectMany(n => elements[n].Nodes).ToHashSet();
            groups.Add((part, nodes, nets));
        }
        for (bool progress = true; progress;)
        {
            progress = false;
            foreach (var (part, nodes, nets) in groups)
            {
                var open = nodes.Where(n => !map.ContainsKey(n)).ToList();
                var free = nets.Except(nodes.Where(map.ContainsKey).Select(n => map[n])).ToList();
                if (open.Count == 1 && free.Count == 1 && !map.ContainsValue(free[0])) { map[open[0]] = free[0]; progress = true; }
            }
        }
        foreach (var (part, nodes, nets) in groups)
        {
            var open = nodes.Where(n => !map.ContainsKey(n)).ToList();
            if (open.Count > 0) { f.Add(new Finding("cir-topology", $"{part.Ref}: .cir node(s) {string.Join(", ", open)} cannot be placed on the board's nets")); continue; }
            var mapped = nodes.Select(n => map[n]).ToHashSet();
            if (!mapped.SetEquals(nets))
                f.Add(new Finding("cir-topology", $"{part.Ref} joins {string.Join(", ", nets.OrderBy(x => x))} on the board, but its .cir instance(s) join {string.Join(", ", nodes.OrderBy(x => x).Select(n => $"{n}={map[n]}"))}"));
        }
        foreach (var dup in map.GroupBy(kv => kv.Value).Where(g => g.Count() > 1))
            f.Add(new Finding("cir-topology", $".cir nodes {string.Join(", ", dup.Select(kv => kv.Key))} all land on net {dup.Key}"));
    }
}
