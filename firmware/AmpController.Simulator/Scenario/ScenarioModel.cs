using System.Collections.Generic;
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Scenario;

/// <summary>A validated scenario (docs/design.md §7). Built only by <see cref="ScenarioLoader"/>.</summary>
public sealed record ScenarioSpec(
    string Name,
    string? Description,
    int Seed,
    long DurationMs,
    BoardConfig Board,
    IReadOnlyList<ScenarioEvent> Events,
    IReadOnlyList<Expectation> Expect);

/// <summary>One timed action on the board. Events are sorted by time (the parser rejects unsorted files).</summary>
public abstract record ScenarioEvent(long AtMs)
{
    public abstract void ApplyTo(ISimulatedBoard board);
}

/// <summary>The plug as the simulator sees it: true sensitivity in dB/V plus what the file said, for the narration.</summary>
public sealed record PlugEvent(long AtMs, HeadphoneLoad Load, double? SensitivityGiven, SensitivityUnit? UnitGiven) : ScenarioEvent(AtMs)
{
    public override void ApplyTo(ISimulatedBoard board) => board.Plug(Load);
}

public sealed record UnplugEvent(long AtMs) : ScenarioEvent(AtMs)
{
    public override void ApplyTo(ISimulatedBoard board) => board.Unplug();
}

public sealed record EncoderEvent(long AtMs, int Detents) : ScenarioEvent(AtMs)
{
    public override void ApplyTo(ISimulatedBoard board) => board.TurnEncoder(Detents);
}

public sealed record MuteEvent(long AtMs) : ScenarioEvent(AtMs)
{
    public override void ApplyTo(ISimulatedBoard board) => board.PressMute();
}

/// <summary>The knob pushed and held (docs/design.md §7 "button"): under 1500 ms a mute toggle, from 1500 ms the S12 long press.</summary>
public sealed record ButtonPressEvent(long AtMs, int HoldMs) : ScenarioEvent(AtMs)
{
    public override void ApplyTo(ISimulatedBoard board) => board.PressButton(HoldMs);
}

/// <summary>The source goes silent or plays again (extension of docs/design.md §7; the programme plays by default).</summary>
public sealed record ProgrammeEvent(long AtMs, bool Silent) : ScenarioEvent(AtMs)
{
    public override void ApplyTo(ISimulatedBoard board) => board.SetProgrammeSilent(Silent);
}

public sealed record FaultEvent(long AtMs, FaultSpec Fault) : ScenarioEvent(AtMs)
{
    public override void ApplyTo(ISimulatedBoard board) => board.InjectFault(Fault);
}

/// <summary>Which fault hits what, and which faults the board can see (used by the loader and the expectations).</summary>
public static class ScenarioVocabulary
{
    /// <summary>The devices a fault kind can hit; the first is the default when `device` is omitted.</summary>
    public static FaultDevice[] DevicesFor(BoardFaultKind kind) => kind switch
    {
        BoardFaultKind.AdcSpike => [FaultDevice.Sense],
        BoardFaultKind.Stall or BoardFaultKind.RuntimeHang => [FaultDevice.Board],
        BoardFaultKind.PowerCycle => [FaultDevice.Volume, FaultDevice.Expander, FaultDevice.Board],
        _ => [FaultDevice.Volume, FaultDevice.Expander],
    };

    /// <summary>
    /// Fault kinds that are I2C or chip-state faults: rules S5/S6 say the relay opens within one supervision period.
    /// Not an ADC spike (the sense result is filtered) nor a stalled loop (the watchdog's job, rule S8).
    /// </summary>
    public static bool OpensRelay(BoardFaultKind kind) => kind is not (BoardFaultKind.AdcSpike or BoardFaultKind.Stall);

    /// <summary>
    /// A PT2258 is write-only (docs/design.md §6): a flipped read bit on it cannot be seen (nothing is read, nothing is
    /// corrupted), so it need not open the relay. A reset of it can: the board's supply supervisor reports it (issue 19).
    /// </summary>
    public static bool Detectable(FaultSpec fault, VolumeChipChoice volumeChip) =>
        !(volumeChip == VolumeChipChoice.Pt2258 && fault.Device == FaultDevice.Volume && fault.Kind == BoardFaultKind.BitFlip);
}
