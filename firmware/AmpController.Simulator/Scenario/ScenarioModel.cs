using System.Collections.Generic;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Scenario;

/// <summary>A validated scenario (design.md §7). Built only by <see cref="ScenarioParser"/>.</summary>
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
    public static readonly string[] FaultKinds = ["nack", "stuckBus", "chipReset", "bitFlip", "adcSpike", "powerCycle"];
    public static readonly string[] Devices = ["volume", "expander"];
    public static readonly string[] Units = ["dB/mW", "dB/V"];
    public static readonly string[] VolumeChips = ["DS1882", "PT2258"];

    /// <summary>Fault kinds that are I2C or chip-state faults: rule S5/S6 says the relay opens within one supervision period.</summary>
    public static bool OpensRelay(string kind) => kind != "adcSpike";
}
