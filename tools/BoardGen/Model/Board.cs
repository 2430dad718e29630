using System;
using System.Collections.Generic;
using System.Linq;

namespace BoardGen.Model;

/// <summary>KiCad's pin electrical types (KiCad 6 symbol format, "pin TYPE STYLE").</summary>
public enum PinKind { Input, Output, Bidirectional, TriState, Passive, Free, Unspecified, PowerIn, PowerOut, OpenCollector, OpenEmitter, NoConnect }

public static class PinKinds
{
    static readonly Dictionary<string, PinKind> ByName = new()
    {
        ["input"] = PinKind.Input, ["output"] = PinKind.Output, ["bidirectional"] = PinKind.Bidirectional,
        ["tri_state"] = PinKind.TriState, ["passive"] = PinKind.Passive, ["free"] = PinKind.Free,
        ["unspecified"] = PinKind.Unspecified, ["power_in"] = PinKind.PowerIn, ["power_out"] = PinKind.PowerOut,
        ["open_collector"] = PinKind.OpenCollector, ["open_emitter"] = PinKind.OpenEmitter, ["no_connect"] = PinKind.NoConnect,
    };

    public static bool TryParse(string s, out PinKind kind) => ByName.TryGetValue(s, out kind);
    public static string KiCadName(PinKind kind) => ByName.First(p => p.Value == kind).Key;
}

public sealed record PinDef(string Number, string Name, PinKind Kind);

/// <summary>A part type of hardware/board/library.txt: footprint, symbol, package, manufacturer, MPN rule and pins.</summary>
public sealed class PartType
{
    public required string Id { get; init; }
    public required Dictionary<string, string> Attrs { get; init; }
    public List<PinDef> Pins { get; } = new();
    public Dictionary<string, string> MpnByValue { get; } = new();
    public string Footprint => Attrs.GetValueOrDefault("fp", "");
    public string Symbol => Attrs.GetValueOrDefault("sym", "");
    public string Package => Attrs.GetValueOrDefault("pkg", "");
    public string? Spice => Attrs.GetValueOrDefault("spice");
    public bool InBom => Attrs.GetValueOrDefault("bom", "yes") != "no";

    /// <summary>The pin with this number, or the only pin with this name; null when none or ambiguous.</summary>
    public PinDef? FindPin(string numberOrName)
    {
        var byNumber = Pins.FirstOrDefault(p => p.Number == numberOrName);
        if (byNumber != null) return byNumber;
        var byName = Pins.Where(p => p.Name == numberOrName).ToList();
        return byName.Count == 1 ? byName[0] : null;
    }
}

/// <summary>One part placed on a sheet.</summary>
public sealed class Part
{
    public required string Ref { get; init; }
    public required PartType Type { get; init; }
    public required string Value { get; init; }
    public required string Role { get; init; }
    public required string Sheet { get; init; }
    public required Dictionary<string, string> Attrs { get; init; }
    public required string Source { get; init; }
    public string Manufacturer => Attrs.GetValueOrDefault("mfr") ?? Type.Attrs.GetValueOrDefault("mfr", "");
    public string Mpn => Attrs.GetValueOrDefault("mpn") ?? Values.MpnFor(Type, Value);
    /// <summary>Instance names in the sheet's .cir that this part is (spice=RA or spice=DL1,DL2).</summary>
    public IReadOnlyList<string> SpiceNames => Attrs.TryGetValue("spice", out var s) ? s.Split(',') : Array.Empty<string>();
}

public sealed record Node(Part Part, PinDef Pin)
{
    public override string ToString() => $"{Part.Ref}.{Pin.Name} (pin {Pin.Number})";
}

public sealed class Net
{
    public required string Name { get; init; }
    public List<Node> Nodes { get; } = new();
    public Dictionary<string, string> Attrs { get; } = new();
    public HashSet<string> Sheets { get; } = new();
    public bool IsSupply { get; set; }
    public bool HasPowerFlag { get; set; }
}

public sealed class Sheet
{
    public required string Id { get; init; }
    public required string Title { get; init; }
    public string About { get; set; } = "";
    public List<Part> Parts { get; } = new();
    /// <summary>cir-model lines: .cir element names that are not parts of this sheet, with the reason.</summary>
    public Dictionary<string, string> CirModel { get; } = new();
    /// <summary>cir-node lines: .cir node fixed to a net.</summary>
    public Dictionary<string, string> CirNodes { get; } = new();
    /// <summary>cir-subckt lines: an instance of the .cir's channel subcircuit and the designator digit of its parts.</summary>
    public Dictionary<string, char> CirSubckts { get; } = new();
    /// <summary>unused-pin lines: BoardPins constants this board leaves unconnected, with the reason.</summary>
    public Dictionary<string, string> UnusedPins { get; } = new();
}

/// <summary>One variant of the board (all its sheets merged): parts by reference, nets by name, not-connected pins.</summary>
public sealed class Board
{
    public required string Name { get; init; }
    public required string Title { get; init; }
    public required string Variant { get; init; }
    public required bool IsDefault { get; init; }
    public List<Sheet> Sheets { get; } = new();
    public Dictionary<string, Part> Parts { get; } = new();
    public Dictionary<string, Net> Nets { get; } = new();
    public HashSet<Node> NoConnects { get; } = new();
    /// <summary>Problems found while reading (unknown part, unknown pin, duplicate reference): each is a finding.</summary>
    public List<string> ReadErrors { get; } = new();

    public Net? NetOf(Part part, PinDef pin) => Nets.Values.FirstOrDefault(n => n.Nodes.Any(x => x.Part == part && x.Pin == pin));

    public Dictionary<(string Ref, string Pin), Net> PinIndex()
    {
        var index = new Dictionary<(string, string), Net>();
        foreach (var net in Nets.Values)
            foreach (var node in net.Nodes) index[(node.Part.Ref, node.Pin.Number)] = net;
        return index;
    }
}
