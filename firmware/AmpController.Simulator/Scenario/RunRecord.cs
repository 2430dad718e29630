using System;
using System.Collections.Generic;
using System.Linq;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Scenario;

/// <summary>
/// What a scenario run produced: the trace samples (one per change of the real board state and at least every
/// 100 ms), so the state in force at any time is the last sample at or before it.
/// </summary>
public sealed class RunRecord(ScenarioSpec scenario)
{
    public ScenarioSpec Scenario { get; } = scenario;
    public List<BoardSnapshot> Samples { get; } = [];

    public BoardSnapshot At(long tMs)
    {
        int index = LastIndexAtOrBefore(tMs);
        return index >= 0 ? Samples[index] : Samples.Count > 0 ? Samples[0] : default;
    }

    /// <summary>Time of the first moment at or after tMs when the predicate holds (including the state in force at tMs).</summary>
    public long? FirstAtOrAfter(long tMs, Func<BoardSnapshot, bool> predicate)
    {
        int start = Math.Max(0, LastIndexAtOrBefore(tMs));
        for (int i = start; i < Samples.Count; i++)
            if (predicate(Samples[i])) return Math.Max(tMs, Samples[i].TMs);
        return null;
    }

    /// <summary>
    /// Time of the first recorded change or sample strictly after tMs where the predicate holds. An event at tMs
    /// takes effect in the tick that ends at tMs + 10, so the state in force at tMs is still the state before it.
    /// </summary>
    public long? FirstAfter(long tMs, Func<BoardSnapshot, bool> predicate)
    {
        for (int i = LastIndexAtOrBefore(tMs) + 1; i < Samples.Count; i++)
            if (predicate(Samples[i])) return Samples[i].TMs;
        return null;
    }

    /// <summary>
    /// The end of the window in which the board's reaction can be attributed to this event: the time of the next
    /// later event (which takes effect only after its tick), or the end of the scenario.
    /// </summary>
    public long ReactionWindowEnd(ScenarioEvent e) =>
        Scenario.Events.FirstOrDefault(x => x.AtMs > e.AtMs)?.AtMs ?? Scenario.DurationMs;

    /// <summary>True when a later plug or unplug happens after the event but before the deadline (the check does not apply).</summary>
    public bool InterruptedBefore(ScenarioEvent e, long deadline) =>
        Scenario.Events.SkipWhile(x => !ReferenceEquals(x, e)).Skip(1)
            .Any(x => x.AtMs <= deadline && x is UnplugEvent or PlugEvent);

    public double? MaxSplDbA => Samples.Where(s => s.SplDbA is not null).Select(s => s.SplDbA).Max();

    int LastIndexAtOrBefore(long tMs)
    {
        int lo = 0, hi = Samples.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (Samples[mid].TMs <= tMs) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
