using System.Collections.Generic;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Scenario;

/// <summary>A validated scenario (docs/design.md §7). Built only by <see cref="ScenarioParser"/>.</summary>
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
public sealed record PlugEvent(long AtMs, HeadphoneLoad Load, double? SensitivityGiven, string? UnitGiven) : ScenarioEvent(AtMs)
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

public sealed record FaultEvent(long AtMs, FaultSpec Fault) : ScenarioEvent(AtMs)
{
    public override void ApplyTo(ISimulatedBoard board) => board.InjectFault(Fault);
}

/// <summary>Known names of the scenario vocabulary; the validator lists them in its errors.</summary>
public static class ScenarioVocabulary
{
    /// <summary>docs/design.md §7's six kinds, then the simulated board's extras (Board/FaultKind, SimulatedBoard.InjectFault).</summary>
    public static readonly string[] FaultKinds = ["nack", "stuckBus", "chipReset", "bitFlip", "adcSpike", "powerCycle", "partialTransfer", "stall"];
    public static readonly string[] Devices = ["volume", "expander", "board", "sense"];

    /// <summary>The devices a fault kind can hit; the first is the default when `device` is omitted.</summary>
    public static string[] DevicesFor(string kind) => kind switch
    {
        "adcSpike" => ["sense"],
        "stall" => ["board"],
        "powerCycle" => ["volume", "expander", "board"],
        _ => ["volume", "expander"],
    };
    public static readonly string[] Units = ["dB/mW", "dB/V"];
    public static readonly string[] VolumeChips = ["DS1882", "PT2258"];

    /// <summary>
    /// Fault kinds that are I2C or chip-state faults: rules S5/S6 say the relay opens within one supervision period.
    /// Not an ADC spike (the sense result is filtered) nor a stalled loop (the watchdog's job, rule S8).
    /// </summary>
    public static bool OpensRelay(string kind) => kind is not ("adcSpike" or "stall");

    /// <summary>
    /// A PT2258 is write-only (docs/design.md §6): a reset or a flipped read bit on it cannot be seen; rule S6 has the
    /// controller refresh it every supervision period instead, so such faults need not open the relay.
    /// </summary>
    public static bool Detectable(FaultSpec fault, string volumeChip) =>
        !(volumeChip == "PT2258" && fault.Device == "volume" && fault.Kind is ("chipReset" or "bitFlip"));
}
