using System.Collections.Generic;
using AmpController.Core.Acoustics;
using AmpController.Core.Devices;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Vocabulary;

/// <summary>The spellings of the scenario and command-line vocabulary (docs/design.md §7, docs/scenarios.md).</summary>
public static class Names
{
    public static readonly EnumNames<BoardFaultKind> FaultKinds = EnumNames<BoardFaultKind>.CamelCase("fault kind");
    public static readonly EnumNames<FaultDevice> Devices = EnumNames<FaultDevice>.CamelCase("device");
    public static readonly EnumNames<SensitivityUnit> Units = new("unit", SensitivityUnits.Name, ignoreCase: true);

    public static readonly EnumNames<VolumeChipChoice> VolumeChips = new("volume chip",
        c => VolumeChipKind.Of(c).Name);

    /// <summary>"a, b, c": the allowed names in an error message.</summary>
    public static string List(IEnumerable<string> names) => string.Join(", ", names);

    public static string Name(this BoardFaultKind kind) => FaultKinds.Name(kind);
    public static string Name(this FaultDevice device) => Devices.Name(device);
    public static string Name(this SensitivityUnit unit) => SensitivityUnits.Name(unit);
    public static string Name(this VolumeChipChoice chip) => VolumeChips.Name(chip);
}
