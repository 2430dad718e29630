using System;
using System.Collections.Generic;
using System.Linq;
using BoardGen.Model;

namespace BoardGen.Checks;

/// <summary>
/// The loadwatch sheet against hardware/load-watch.cir, both channels: every part that names .cir elements (spice=)
/// has them, with the same value (resistors, capacitors, diode models, the INA188's gain from its RG resistor); every
/// element of the flattened .cir is a part or listed as a model of something else (cir-model); and the wiring agrees:
/// each element stands for definite pins of its part (R/C either way round, a BAV199/BAT54S's two diodes, the
/// library's cirpins for ICs), and following them from the fixed nodes (cir-node) every .cir node lands on exactly one
/// net and every element's pins sit on its nodes' nets. Last, U408 shares the three sense pins as BoardPins.cs says:
/// select on the output relay's drive, sense network on NC, load-watch pin on NO, the ESP32 pin on COM.
/// </summary>
public static class LoadWatchCheck
{
    public const string Sheet = "loadwatch";

    // BoardPins.cs (LoadWatchZLeftGpio's comment): the signals U408 puts on the sense pins while the output relay is closed.
    static readonly (string Fw, string SenseNet, string CirNode)[] Shared =
    {
        ("SenseLeftGpio", "SENSE_ADC_L", "lpinl"), ("SenseRightGpio", "SENSE_ADC_R", "zpinr"), ("SenseSourceGpio", "SENSE_ADC_S", "lpinr"),
    };

    sealed record Use(CirNetlist.Element Element, Part Part, List<PinDef> Pins, bool Ordered);

    public static List<Finding> Run(Board board, string cirPath)
    {
        var f = new List<Finding>();
        var sheet = board.Sheets.FirstOrDefault(s => s.Id == Sheet);
        if (sheet == null) { f.Add(new Finding("lw-missing", "no loadwatch sheet")); return f; }
        var elements = CirNetlist.Read(cirPath, sheet.CirSubckts).ToDictionary(e => e.Name);
        var uses = new List<Use>();
        var owned = new HashSet<string>();
        foreach (var part in sheet.Parts)
            for (int i = 0; i < part.SpiceNames.Count; i++)
            {
                string name = part.SpiceNames[i].ToUpperInvariant();
                owned.Add(name);
                if (!elements.TryGetValue(name, out var e)) { f.Add(new Finding("lw-missing", $"{part.Ref} is {name} in the .cir, which has no such element")); continue; }
                CompareValue(board, part, e, f);
                var pins = PinsOf(part, e, i, out bool ordered);
                if (pins == null || pins.Count != e.Nodes.Count) { f.Add(new Finding("lw-unmapped", $"{part.Ref} ({part.Type.Id}) has no pins for the .cir's {e.Name} ({e.Nodes.Count} nodes)")); continue; }
                uses.Add(new Use(e, part, pins, ordered));
            }
        CirCheck.AccountFor(sheet, elements.Values.ToDictionary(e => e.Name, e => $"{string.Join(" ", e.Nodes)} {e.Value}"), owned.Contains, "lw", f);
        var map = CompareWiring(board, sheet, uses, f);
        CheckSharedPins(board, map, f);
        return f;
    }

    static void CompareValue(Board board, Part part, CirNetlist.Element e, List<Finding> f)
    {
        string? kind = part.Type.Spice;
        if (kind is "R" or "C" && e.Kind is 'R' or 'C')
        {
            double? want = Values.Parse(part.Value), got = CirNetlist.Number(e.Value);
            if (want == null || got == null || Math.Abs(want.Value - got.Value) > 1e-9 * Math.Abs(want.Value))
                f.Add(new Finding("lw-value", $"{part.Ref} = {part.Value}, the .cir's {e.Name} = {e.Value}"));
        }
        else if (e.Kind == 'D')
        {
            if (!part.Value.StartsWith(e.Value.Split(' ')[0], StringComparison.OrdinalIgnoreCase)) f.Add(new Finding("lw-value", $"{part.Ref} is {part.Value}, the .cir's {e.Name} uses model {e.Value}"));
        }
        else if (e.Kind == 'E' && part.Type.Attrs.TryGetValue("gain-kohm", out var k))
        {
            // instrumentation amplifier: G = 1 + k / RG, RG the resistor between the two RG pins
            var rg1 = Circuit.PinNet(board, part, "RG1");
            var rg = rg1?.Nodes.Select(n => n.Part).FirstOrDefault(p => Circuit.IsResistor(p) && Circuit.Across(board, p, rg1) == Circuit.PinNet(board, part, "RG8"));
            double? gain = rg == null ? null : 1 + Values.Parse(k)!.Value * 1e3 / Values.Parse(rg.Value)!.Value;
            double? want = CirNetlist.Number(e.Value);
            if (gain == null || want == null || Math.Abs(gain.Value - want.Value) > 0.005 * want.Value)
                f.Add(new Finding("lw-value", $"{part.Ref}: gain {(gain == null ? "without an RG resistor" : CirNetlist.Format(gain.Value))}, the .cir's {e.Name} has {e.Value}"));
        }
        else if (kind is "R" or "C") f.Add(new Finding("lw-value", $"{part.Ref} ({part.Type.Id}) cannot be compared with the .cir's {e.Name}"));
    }

    /// <summary>The part pins an element stands for, in the element's node order; ordered = false for R and C.</summary>
    static List<PinDef>? PinsOf(Part part, CirNetlist.Element e, int index, out bool ordered)
    {
        ordered = true;
        string[] names;
        if (part.Type.Spice is "R" or "C") { ordered = false; names = new[] { "1", "2" }; }
        else if (part.Type.Spice?.StartsWith("DPAIR") == true) names = index == 0 ? new[] { "A1", "K1A2" } : new[] { "K1A2", "K2" };
        else
        {
            var table = part.Type.Attrs.GetValueOrDefault("cirpins", "").Split(';', StringSplitOptions.RemoveEmptyEntries)
                .Select(x => x.Split(':', 2)).ToDictionary(x => x[0], x => x[1].Split(','));
            string local = e.Local.TrimStart('X', 'E', 'B');
            string unit = e.Kind is 'X' or 'B' && char.IsLetter(local[^1]) ? local[^1].ToString() : "";
            if (!table.TryGetValue(e.Local, out names!) && !table.TryGetValue(unit, out names!) && !table.TryGetValue(e.Kind.ToString(), out names!)) return null;
        }
        var pins = names.Select(n => part.Type.FindPin(n)).ToList();
        return pins.Any(p => p == null) ? null : pins.Select(p => p!).ToList();
    }

    static Dictionary<string, string> CompareWiring(Board board, Sheet sheet, List<Use> uses, List<Finding> f)
    {
        var map = sheet.CirNodes.ToDictionary(kv => kv.Key.ToLowerInvariant(), kv => kv.Value);
        string? NetOf(Use u, int i) => board.NetOf(u.Part, u.Pins[i])?.Name;
        for (bool progress = true; progress;)
        {
            progress = false;
            foreach (var u in uses)
            {
                if (u.Ordered)
                {
                    for (int i = 0; i < u.Pins.Count; i++)
                        if (!map.ContainsKey(u.Element.Nodes[i]) && NetOf(u, i) is { } net) { map[u.Element.Nodes[i]] = net; progress = true; }
                    continue;
                }
                var (a, b) = (u.Element.Nodes[0], u.Element.Nodes[1]);
                var nets = new[] { NetOf(u, 0), NetOf(u, 1) };
                if (map.ContainsKey(a) == map.ContainsKey(b)) continue;
                var (known, open) = map.ContainsKey(a) ? (a, b) : (b, a);
                int at = Array.IndexOf(nets, map[known]);
                if (at >= 0 && nets[1 - at] is { } other) { map[open] = other; progress = true; }
            }
        }
        foreach (var u in uses)
        {
            var nets = Enumerable.Range(0, u.Pins.Count).Select(i => NetOf(u, i) ?? "(no net)").ToList();
            var open = u.Element.Nodes.Where(n => !map.ContainsKey(n)).ToList();
            if (open.Count > 0) { f.Add(new Finding("lw-topology", $"{u.Part.Ref}: the .cir's {u.Element.Name} node(s) {string.Join(", ", open)} cannot be placed on the board's nets")); continue; }
            var want = u.Element.Nodes.Select(n => map[n]).ToList();
            bool same = u.Ordered ? want.SequenceEqual(nets) : want.ToHashSet().SetEquals(nets);
            if (!same)
                f.Add(new Finding("lw-topology", $"{u.Part.Ref} pins {string.Join(",", u.Pins.Select(p => p.Number))} are on {string.Join(", ", nets)}, but the .cir's {u.Element.Name} joins {string.Join(", ", u.Element.Nodes.Select(n => $"{n}={map[n]}"))}"));
        }
        foreach (var dup in map.GroupBy(kv => kv.Value).Where(g => g.Count() > 1))
            f.Add(new Finding("lw-topology", $".cir nodes {string.Join(", ", dup.Select(kv => kv.Key))} all land on net {dup.Key}"));
        return map;
    }

    static void CheckSharedPins(Board board, Dictionary<string, string> map, List<Finding> f)
    {
        var nets = board.Nets.Values.ToList();
        string? Fw(string fw) => nets.FirstOrDefault(n => n.Attrs.GetValueOrDefault("fw") == fw)?.Name;
        if (map.GetValueOrDefault("zpinl") is not { } zl || zl != Fw("LoadWatchZLeftGpio"))
            f.Add(new Finding("lw-pins", $"the left |Z| pin (.cir zpinl) is on {map.GetValueOrDefault("zpinl") ?? "no net"}, not on the LoadWatchZLeftGpio pin ({Fw("LoadWatchZLeftGpio") ?? "none"})"));
        var switches = board.Parts.Values.Where(p => p.Type.Id == "SWITCH_TS3A5018").ToList();
        if (switches.Count != 1) { f.Add(new Finding("lw-pins", $"expected one TS3A5018 sharing the sense pins, found {switches.Count}")); return; }
        var u = switches[0];
        if (Circuit.PinNet(board, u, "IN")?.Name != Fw("OutputRelay")) f.Add(new Finding("lw-pins", $"{u.Ref}'s select IN is not on the output relay's drive ({Fw("OutputRelay")})"));
        foreach (var (fw, senseNet, node) in Shared)
        {
            string? com = Fw(fw);
            int ch = Enumerable.Range(1, 4).FirstOrDefault(i => Circuit.PinNet(board, u, "COM" + i)?.Name == com && com != null);
            if (ch == 0) { f.Add(new Finding("lw-pins", $"{fw}'s pin (net {com ?? "none"}) is on no COM pin of {u.Ref}")); continue; }
            if (Circuit.PinNet(board, u, "NC" + ch)?.Name != senseNet) f.Add(new Finding("lw-pins", $"{u.Ref}.NC{ch} (relay open) is not on the sense network {senseNet}"));
            if (Circuit.PinNet(board, u, "NO" + ch)?.Name is not { } no || no != map.GetValueOrDefault(node)) f.Add(new Finding("lw-pins", $"{u.Ref}.NO{ch} (relay closed) is not on the load watch's {node} ({map.GetValueOrDefault(node) ?? "unmapped"})"));
        }
    }
}
