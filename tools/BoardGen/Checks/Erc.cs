using System.Collections.Generic;
using System.Linq;
using BoardGen.Model;

namespace BoardGen.Checks;

/// <summary>
/// Electrical rules on one variant, after KiCad's ERC: every pin on a net or marked not connected (a no_connect pin is
/// never on a net), no pin on two nets, no net with a single pin, at most one driving output per net, every input
/// driven by something that is not an input, power pins only on supply nets, every supply net driven by a power
/// output or a power flag, and every part in the parts list with a footprint and a manufacturer part number.
/// </summary>
public static class Erc
{
    static readonly PinKind[] Drivers = { PinKind.Output, PinKind.PowerOut };

    public static List<Finding> Run(Board board)
    {
        var f = new List<Finding>();
        foreach (string e in board.ReadErrors) f.Add(new Finding("read", e));
        var seen = new Dictionary<Node, Net>();
        foreach (var net in board.Nets.Values)
        {
            foreach (var node in net.Nodes)
            {
                if (seen.TryGetValue(node, out var other)) f.Add(new Finding("pin-on-two-nets", $"{node} is on {other.Name} and {net.Name}"));
                else seen[node] = net;
                if (node.Pin.Kind == PinKind.NoConnect) f.Add(new Finding("no-connect-pin-used", $"{node} is a no-connect pin but sits on {net.Name}"));
                if (board.NoConnects.Contains(node)) f.Add(new Finding("nc-pin-used", $"{node} is marked not connected but sits on {net.Name}"));
            }
            if (net.Nodes.Count == 1) f.Add(new Finding("single-pin-net", $"net {net.Name} has only {net.Nodes[0]}"));
            var drivers = net.Nodes.Where(n => Drivers.Contains(n.Pin.Kind)).ToList();
            if (drivers.Count > 1) f.Add(new Finding("two-outputs", $"net {net.Name} is driven by {string.Join(" and ", drivers)}"));
            if (net.Nodes.Any(n => n.Pin.Kind == PinKind.OpenCollector) && net.Nodes.Any(n => n.Pin.Kind == PinKind.Output))
                f.Add(new Finding("two-outputs", $"net {net.Name} mixes a push-pull output with an open-drain output"));
            if (net.Nodes.Any(n => n.Pin.Kind == PinKind.Input) && net.Nodes.All(n => n.Pin.Kind is PinKind.Input or PinKind.PowerIn))
                f.Add(new Finding("input-not-driven", $"net {net.Name} has inputs only: {string.Join(", ", net.Nodes)}"));
            bool powerIn = net.Nodes.Any(n => n.Pin.Kind == PinKind.PowerIn);
            bool powerOut = net.Nodes.Any(n => n.Pin.Kind == PinKind.PowerOut);
            if ((powerIn || powerOut) && !net.IsSupply)
                f.Add(new Finding("power-pin-off-supply", $"net {net.Name} carries power pins ({string.Join(", ", net.Nodes.Where(n => n.Pin.Kind is PinKind.PowerIn or PinKind.PowerOut))}) but is not a supply net"));
            if (net.IsSupply && !powerOut && !net.HasPowerFlag)
                f.Add(new Finding("supply-not-driven", $"supply net {net.Name} has no power output and no power flag"));
            if (net.IsSupply && powerOut && net.HasPowerFlag)
                f.Add(new Finding("supply-flag-and-output", $"supply net {net.Name} has a power output and a power flag"));
        }
        foreach (var part in board.Parts.Values)
        {
            foreach (var pin in part.Type.Pins)
            {
                var node = new Node(part, pin);
                if (!seen.ContainsKey(node) && !board.NoConnects.Contains(node) && pin.Kind != PinKind.NoConnect)
                    f.Add(new Finding("pin-unconnected", $"{node} is on no net and not marked not connected ({part.Source})"));
            }
            if (string.IsNullOrEmpty(part.Type.Footprint)) f.Add(new Finding("no-footprint", $"{part.Ref} ({part.Type.Id}) has no footprint"));
            if (part.Type.InBom && (string.IsNullOrWhiteSpace(part.Mpn) || string.IsNullOrWhiteSpace(part.Manufacturer)))
                f.Add(new Finding("no-mpn", $"{part.Ref} ({part.Type.Id} {part.Value}) has no manufacturer part number"));
        }
        return f;
    }
}
