using System.Collections.Generic;
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Scenario.Json;

// The scenario file as written (docs/design.md §7, docs/scenarios.md): System.Text.Json fills these with unknown
// fields disallowed; ScenarioLoader checks ranges and cross-field rules and builds the ScenarioSpec. Property names
// are the camelCase JSON names; every integer is a long so that a range error can say which range.

internal sealed class ScenarioJson
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public long? Seed { get; init; }
    public required long DurationMs { get; init; }
    public BoardJson? Board { get; init; }
    public SettingsJson? Settings { get; init; }
    public List<ProfileJson>? Profiles { get; init; }
    public required List<EventJson> Events { get; init; }
    public List<ExpectJson>? Expect { get; init; }
}

internal sealed class BoardJson
{
    public required VolumeChipChoice VolumeChip { get; init; }
}

internal sealed class SettingsJson
{
    public double? LimitDbA { get; init; }
    public double? SafeDefaultDbA { get; init; }
    public double? AckLimitDbA { get; init; }
}

internal sealed class ProfileJson
{
    public required string Name { get; init; }
    public required double ImpedanceOhm { get; init; }
    public required double Sensitivity { get; init; }
    public required SensitivityUnit Unit { get; init; }
}

/// <summary>One event: `atMs` and exactly one action (the loader counts them).</summary>
internal sealed class EventJson
{
    public required long AtMs { get; init; }
    public PlugJson? Plug { get; init; }
    public NoData? Unplug { get; init; }
    public long? Encoder { get; init; }
    public NoData? Mute { get; init; }
    public ButtonJson? Button { get; init; }
    public FaultJson? Fault { get; init; }
    public ProgrammeJson? Programme { get; init; }
}

/// <summary>Extension (issue 19): the source goes silent or plays again.</summary>
internal sealed class ProgrammeJson
{
    public required bool Silent { get; init; }
}

/// <summary>The knob pushed and held (docs/design.md §7): `{"holdMs": N}`.</summary>
internal sealed class ButtonJson
{
    public required long HoldMs { get; init; }
}

internal sealed class PlugJson
{
    public required double LeftOhm { get; init; }
    public required double RightOhm { get; init; }
    public double? Sensitivity { get; init; }
    public SensitivityUnit? Unit { get; init; }
    public bool? HalfInserted { get; init; }
    public double? ImpedanceMinPerDc { get; init; }
    public double? ImpedanceMaxPerDc { get; init; }
}

internal sealed class FaultJson
{
    public required BoardFaultKind Kind { get; init; }
    public FaultDevice? Device { get; init; }
    public long? Count { get; init; }
    public long? DurationMs { get; init; }
}

/// <summary>An action without data: `{}` (as docs/design.md §7 writes it) or `true` (NoDataConverter).</summary>
internal sealed class NoData;

/// <summary>One `expect` entry: one or more kinds.</summary>
internal sealed class ExpectJson
{
    public double? MaxSplDbA { get; init; }
    public long? RelayOpenWithinMs { get; init; }
    public long? MusicWithinMs { get; init; }
    public long? RecoverWithinMs { get; init; }
    public SilentJson? SilentBetween { get; init; }
    public SilentJson? QuietBetween { get; init; }
    public StateAtJson? StateAt { get; init; }
    public LoadSwapJson? LoadSwap { get; init; }
}

/// <summary>Extension (issue 19): above the limit only right after a swap, and for at most withinMs.</summary>
internal sealed class LoadSwapJson
{
    public required double MaxSplDbA { get; init; }
    public required long WithinMs { get; init; }
}

internal sealed class SilentJson
{
    public required long FromMs { get; init; }
    public required long ToMs { get; init; }
}

internal sealed class StateAtJson
{
    public required long AtMs { get; init; }
    public string? State { get; init; }
    public bool? RelayClosed { get; init; }
    public double? GainDb { get; init; }
}
