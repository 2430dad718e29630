using System.Collections.Generic;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Scenario;

/// <summary>
/// Checks one expectation while the run goes (issue 18 item 5): it sees every recorded sample once, in time order,
/// and keeps only what is still open (pending faults, plugs), never the list of samples, so a week-long run needs no
/// more memory than a short one. Finish gives null when met, else why not.
/// </summary>
public abstract class ExpectationChecker
{
    public abstract void Observe(BoardSnapshot s);

    public abstract string? Finish();
}

/// <summary>
/// For an expectation written only against the whole record (<see cref="Expectation.Check"/>): keeps the samples and
/// checks at the end. Correct, but its memory grows with the run; the built-in kinds all stream.
/// </summary>
public sealed class BufferingChecker(Expectation expectation, ScenarioSpec scenario) : ExpectationChecker
{
    readonly RunRecord _record = new(scenario, keepSamples: true, checkLive: false);

    public override void Observe(BoardSnapshot s) => _record.Add(s);

    public override string? Finish() => expectation.Check(_record);
}

/// <summary>
/// Event-only facts the checkers need, computed once per run in O(events): when the reaction window after an event
/// ends, and whether a later plug or unplug interrupts a deadline.
/// </summary>
public sealed class EventTimeline
{
    readonly IReadOnlyList<ScenarioEvent> _events;
    readonly long _durationMs;
    readonly int[] _nextPlugOrUnplug;

    public EventTimeline(ScenarioSpec scenario)
    {
        _events = scenario.Events;
        _durationMs = scenario.DurationMs;
        _nextPlugOrUnplug = new int[_events.Count];
        int next = _events.Count;
        for (int i = _events.Count - 1; i >= 0; i--)
        {
            _nextPlugOrUnplug[i] = next;
            if (_events[i] is PlugEvent or UnplugEvent) next = i;
        }
    }

    public IReadOnlyList<ScenarioEvent> Events => _events;

    /// <summary>
    /// The end of the window in which the board's reaction can be attributed to event i: the time of the next later
    /// event (which takes effect only after its tick), or the end of the scenario.
    /// </summary>
    public long ReactionWindowEnd(int i)
    {
        long at = _events[i].AtMs;
        int lo = i + 1, hi = _events.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (_events[mid].AtMs > at) hi = mid; else lo = mid + 1;
        }
        return lo < _events.Count ? _events[lo].AtMs : _durationMs;
    }

    /// <summary>True when a later plug or unplug happens after event i but at or before the deadline.</summary>
    public bool InterruptedBefore(int i, long deadline)
    {
        int j = _nextPlugOrUnplug[i];
        return j < _events.Count && _events[j].AtMs <= deadline;
    }
}
