using System.Collections.Generic;
using System.Linq;
using BoardGen.Model;

namespace BoardGen.Checks;

/// <summary>
/// The relays' hardware safety structure (docs/design.md sections 2 and 3a, rules S1, S2, S8): every relay coil is
/// switched on its low side by N-MOSFETs of which at least one has its gate pulled down (off while the ESP32 boots and
/// while the expander's pins are inputs), and every coil has a flyback path; the output relay K1 additionally has the
/// jack's detect contact gating a switch in series with its coil, a jack-out latch gating another (and, where there is a volume-chip supply supervisor,
/// its output gating another), and its coil supply switched by a P-MOSFET that only the fed hardware watchdog turns on
/// (the watchdog cleared by the ESP32's EN, fed by a pulled-down pin).
/// </summary>
public static class SafetyCheck
{
    public static List<Finding> Run(Board board)
    {
        var f = new List<Finding>();
        foreach (var relay in board.Parts.Values.Where(p => p.Type.Id.StartsWith("RELAY")).OrderBy(p => p.Ref))
        {
            var low = Circuit.PinNet(board, relay, "COIL-");
            var high = Circuit.PinNet(board, relay, "COIL+");
            if (low == null || high == null) { f.Add(new Finding("relay-coil", $"{relay.Ref}: coil not connected")); continue; }
            var chain = Circuit.LowSideChain(board, low);
            if (chain.Count == 0) { f.Add(new Finding("relay-driver", $"{relay.Ref}: coil low side {low.Name} does not reach GND through N-MOSFETs")); continue; }
            if (!chain.Any(q => Circuit.HasResistorTo(board, Circuit.PinNet(board, q, "G")!, "GND", 1)))
                f.Add(new Finding("relay-boot-pull-down", $"{relay.Ref}: no switch in its coil path ({string.Join(", ", chain.Select(q => q.Ref))}) has a gate pull-down: the relay is not held off while the ESP32 boots"));
            if (!HasFlyback(board, low, high)) f.Add(new Finding("relay-flyback", $"{relay.Ref}: no flyback diode from {low.Name} to {high.Name}"));
        }
        CheckOutputRelay(board, f);
        return f;
    }

    static bool HasFlyback(Board board, Net low, Net high)
    {
        foreach (var d in low.Nodes.Where(n => n.Part.Type.Id == "D_1N4148W" && n.Pin.Name == "A").Select(n => n.Part))
        {
            var k = Circuit.PinNet(board, d, "K");
            if (k == high) return true;
            if (k != null && k.Nodes.Any(n => n.Part.Type.Id.StartsWith("D_BZX") && n.Pin.Name == "K" && Circuit.PinNet(board, n.Part, "A") == high)) return true;
        }
        return false;
    }

    /// <summary>
    /// S2/S7: a switch in K1's coil path is gated by a flip-flop that the jack's detect contact clears (CLR) and that only
    /// BoardPins.OutputRelay's rising edge sets (CLK, D high): a plug pulled and put back between two control ticks
    /// leaves K1 open until the firmware has seen the removal and closes the relay again.
    /// </summary>
    static void CheckJackLatch(Board board, List<Net> gates, Net? detect, List<Finding> f)
    {
        var latch = gates.SelectMany(g => g.Nodes).FirstOrDefault(n => n.Part.Type.Id.StartsWith("FF") && n.Pin.Name == "Q")?.Part;
        if (latch == null) { f.Add(new Finding("jack-latch", "no switch in K1's coil path is gated by a jack-out latch: a replug between two ticks would close K1 again onto the old level")); return; }
        var clear = Circuit.PinNet(board, latch, "~CLR");
        if (detect == null || clear == null || !Circuit.ThroughResistors(board, clear, 1).Contains(detect))
            f.Add(new Finding("jack-latch", $"{latch.Ref}'s CLR is not the jack's detect contact: a removal does not clear it"));
        if (Circuit.PinNet(board, latch, "CLK")?.Attrs.GetValueOrDefault("fw") != "OutputRelay")
            f.Add(new Finding("jack-latch", $"{latch.Ref}'s clock is not BoardPins.OutputRelay: only the firmware closing K1 again may set it"));
        if (Circuit.PinNet(board, latch, "D")?.Name != "+3V3" || Circuit.PinNet(board, latch, "~PRE")?.Name != "+3V3")
            f.Add(new Finding("jack-latch", $"{latch.Ref}'s D and PRE are not tied high"));
    }

    static void CheckOutputRelay(Board board, List<Finding> f)
    {
        var k1 = board.Parts.GetValueOrDefault("K1");
        if (k1 == null) { f.Add(new Finding("output-relay", "no output relay K1")); return; }
        var low = Circuit.PinNet(board, k1, "COIL-");
        var high = Circuit.PinNet(board, k1, "COIL+");
        if (low == null || high == null) return;
        var chain = Circuit.LowSideChain(board, low);
        var gates = chain.Select(q => Circuit.PinNet(board, q, "G")!).ToList();
        var jack = board.Parts.Values.FirstOrDefault(p => p.Type.Id.StartsWith("JACK"));
        var detect = jack == null ? null : Circuit.PinNet(board, jack, "SN");
        if (detect == null || !gates.Any(g => Circuit.ThroughResistors(board, g, 1).Contains(detect)))
            f.Add(new Finding("jack-interlock", "no switch in K1's coil path is gated by the jack's detect contact"));
        foreach (var supervisor in board.Parts.Values.Where(p => p.Type.Id.StartsWith("SUPERVISOR")))
            if (!gates.Contains(Circuit.PinNet(board, supervisor, "~RESET")!))
                f.Add(new Finding("supervisor-interlock", $"no switch in K1's coil path is gated by {supervisor.Ref}'s output: a volume-chip supply dip would not open K1 in hardware"));
        CheckJackLatch(board, gates, detect, f);
        var driven = gates.SelectMany(g => Circuit.ThroughResistors(board, g, 1)).FirstOrDefault(n => n.Attrs.GetValueOrDefault("fw") == "OutputRelay");
        if (driven == null) f.Add(new Finding("output-relay", "no switch in K1's coil path is driven by BoardPins.OutputRelay"));

        var pfet = high.Nodes.Where(n => n.Part.Type.Id.StartsWith("PMOS") && n.Pin.Name == "D").Select(n => n.Part).FirstOrDefault();
        if (pfet == null) { f.Add(new Finding("watchdog", $"K1's coil supply {high.Name} is not switched by a P-MOSFET")); return; }
        var source = Circuit.PinNet(board, pfet, "S")!;
        var gate = Circuit.PinNet(board, pfet, "G")!;
        if (!Circuit.HasResistorTo(board, gate, source.Name, 0)) f.Add(new Finding("watchdog", $"{pfet.Ref}'s gate is not pulled up to its source: the coil supply is not off by default"));
        var pull = gate.Nodes.Where(n => n.Part.Type.Id.StartsWith("NMOS") && n.Pin.Name == "D").Select(n => n.Part).FirstOrDefault();
        var q = pull == null ? null : Circuit.PinNet(board, pull, "G");
        var mono = q?.Nodes.FirstOrDefault(n => n.Part.Type.Id.StartsWith("MONO") && n.Pin.Name == "Q")?.Part;
        if (mono == null) { f.Add(new Finding("watchdog", $"{pfet.Ref} is not turned on by a monostable's output")); return; }
        var feed = Circuit.PinNet(board, mono, "B");
        if (feed?.Attrs.GetValueOrDefault("fw") != "WatchdogFeed") f.Add(new Finding("watchdog", $"{mono.Ref}'s trigger is not the WatchdogFeed pin"));
        else if (!Circuit.HasResistorTo(board, feed, "GND", 0)) f.Add(new Finding("watchdog", "the watchdog feed has no pull-down: a floating pin could feed it while the ESP32 boots"));
        if (Circuit.PinNet(board, mono, "~CLR")?.Name != "ESP_EN") f.Add(new Finding("watchdog", $"{mono.Ref}'s CLR is not the ESP32's EN: it is not cleared while the ESP32 is in reset"));
        if (Circuit.PinNet(board, mono, "~A")?.Name != "GND") f.Add(new Finding("watchdog", $"{mono.Ref}'s A input is not grounded: rising edges on B would not trigger it"));
    }
}
