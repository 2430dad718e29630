using System.Collections.Generic;
using System.Linq;
using BoardGen.Model;

namespace BoardGen.Checks;

/// <summary>Small questions about the connected circuit that several checks ask.</summary>
public static class Circuit
{
    public static bool IsResistor(Part p) => p.Type.Spice == "R";

    /// <summary>The other pin's net of a two-pin part on <paramref name="net"/>, or null.</summary>
    public static Net? Across(Board board, Part part, Net net)
    {
        var index = board.PinIndex();
        var nets = part.Type.Pins.Select(p => index.GetValueOrDefault((part.Ref, p.Number))).ToList();
        if (nets.Count != 2) return null;
        return nets[0] == net ? nets[1] : nets[1] == net ? nets[0] : null;
    }

    /// <summary>A resistor from <paramref name="net"/> to the net named <paramref name="target"/>, directly or through up
    /// to <paramref name="hops"/> series resistors (each to a net that is not a supply).</summary>
    public static bool HasResistorTo(Board board, Net net, string target, int hops)
    {
        foreach (var r in net.Nodes.Select(n => n.Part).Where(IsResistor).Distinct())
        {
            var other = Across(board, r, net);
            if (other == null) continue;
            if (other.Name == target) return true;
            if (hops > 0 && !other.IsSupply && HasResistorTo(board, other, target, hops - 1)) return true;
        }
        return false;
    }

    /// <summary>Nets reachable from <paramref name="net"/> through up to <paramref name="hops"/> series resistors.</summary>
    public static HashSet<Net> ThroughResistors(Board board, Net net, int hops)
    {
        var found = new HashSet<Net> { net };
        if (hops == 0) return found;
        foreach (var r in net.Nodes.Select(n => n.Part).Where(IsResistor).Distinct())
        {
            var other = Across(board, r, net);
            if (other != null && !other.IsSupply) found.UnionWith(ThroughResistors(board, other, hops - 1));
        }
        return found;
    }

    public static Net? PinNet(Board board, Part part, string pin)
    {
        var def = part.Type.FindPin(pin);
        return def == null ? null : board.NetOf(part, def);
    }

    /// <summary>N-channel MOSFETs in series from <paramref name="top"/> (a drain net) down to GND, in order; a 0 Ω link
    /// counts as a wire. Empty when the chain does not reach GND.</summary>
    public static List<Part> LowSideChain(Board board, Net top)
    {
        var chain = new List<Part>();
        var net = top;
        for (int i = 0; i < 5 && net.Name != "GND"; i++)
        {
            var link = net.Nodes.Select(n => n.Part).FirstOrDefault(p => IsResistor(p) && Values.Parse(p.Value) == 0);
            if (link != null && Across(board, link, net) is { } linked) { net = linked; continue; }
            var fet = net.Nodes.Where(n => n.Part.Type.Id.StartsWith("NMOS") && n.Pin.Name == "D").Select(n => n.Part).FirstOrDefault();
            if (fet == null) return new List<Part>();
            chain.Add(fet);
            net = PinNet(board, fet, "S")!;
            if (net == null) return new List<Part>();
        }
        return net.Name == "GND" ? chain : new List<Part>();
    }
}
