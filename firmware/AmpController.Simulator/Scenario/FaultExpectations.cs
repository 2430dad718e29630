using System.Collections.Generic;
using System.Linq;
using AmpController.Simulator.Board;
using AmpController.Simulator.Vocabulary;

namespace AmpController.Simulator.Scenario;

/// <summary>
/// After every I2C or chip fault injected while playing, the relay is open within the time (rules S5, S6), and
/// before the scenario's next event. Faults the board cannot see are skipped (<see cref="ScenarioVocabulary.Detectable"/>).
/// </summary>
public sealed record RelayOpenExpectation(string Path, long WithinMs) : Expectation(Path)
{
    public override string Describe() => $"relayOpenWithinMs {WithinMs}";

    public override ExpectationChecker Start(ScenarioSpec scenario) => new Checker(this, scenario);

    sealed class Checker(RelayOpenExpectation e, ScenarioSpec scenario) : FaultChecker(scenario)
    {
        protected override bool Watches(int index, FaultEvent f) =>
            ScenarioVocabulary.OpensRelay(f.Fault.Kind) && ScenarioVocabulary.Detectable(f.Fault, Scenario.Board.VolumeChip);

        protected override bool Opened(Pending p, long openedMs)
        {
            if (openedMs > p.WindowEnd) NeverOpened(p);
            else if (openedMs - p.Fault.AtMs > e.WithinMs)
                Failed(p.Index, e.Fail($"{p.Fault.Fault.Kind.Name()} fault at {p.Fault.AtMs} ms: relay opened only after {openedMs - p.Fault.AtMs} ms"));
            return false;
        }

        protected override void NeverOpened(Pending p) =>
            Failed(p.Index, e.Fail($"{p.Fault.Fault.Kind.Name()} fault at {p.Fault.AtMs} ms: relay still closed at {p.WindowEnd} ms"));
    }
}

/// <summary>
/// Shared by the fault expectations. A watched fault is armed at the first sample after it if the relay was closed
/// at its time (in the sample in force then), then waits for the first later sample with the relay open, and then,
/// if the kind asks for it, for later samples (the music's return).
/// </summary>
public abstract class FaultChecker(ScenarioSpec scenario) : ExpectationChecker
{
    protected sealed class Pending(int index, FaultEvent fault, long windowEnd)
    {
        public int Index { get; } = index;
        public FaultEvent Fault { get; } = fault;
        public long WindowEnd { get; } = windowEnd;
        public long OpenedMs { get; set; } = -1;
    }

    protected ScenarioSpec Scenario { get; } = scenario;
    protected EventTimeline Timeline { get; } = new(scenario);
    readonly List<Pending> _pending = new();
    int _next;
    BoardSnapshot? _inForce;
    int _failedIndex = int.MaxValue;
    string? _failure;

    protected abstract bool Watches(int index, FaultEvent f);

    /// <summary>The relay opened at openedMs; true to go on watching later samples (<see cref="AfterOpening"/>).</summary>
    protected abstract bool Opened(Pending p, long openedMs);

    /// <summary>The run ended (or its reaction window passed) with the relay still closed.</summary>
    protected virtual void NeverOpened(Pending p) { }

    /// <summary>A sample after the relay opened; true when the fault is settled.</summary>
    protected virtual bool AfterOpening(Pending p, BoardSnapshot s) => true;

    /// <summary>The run ended while the fault still waited after the opening.</summary>
    protected virtual void Unresolved(Pending p) { }

    /// <summary>Keeps the failure of the earliest fault in the scenario, as a check over the whole record would.</summary>
    protected void Failed(int index, string failure)
    {
        if (index >= _failedIndex) return;
        _failedIndex = index;
        _failure = failure;
    }

    public override void Observe(BoardSnapshot s)
    {
        Arm(s.TMs, _inForce ?? s);
        for (int i = _pending.Count - 1; i >= 0; i--)
        {
            var p = _pending[i];
            bool settled;
            if (p.OpenedMs >= 0) settled = AfterOpening(p, s);
            else if (s.RelayClosed) settled = false;
            else
            {
                p.OpenedMs = s.TMs;
                settled = !Opened(p, s.TMs);
            }
            if (settled) _pending.RemoveAt(i);
        }
        _inForce = s;
    }

    public override string? Finish()
    {
        if (_inForce is { } last) Arm(long.MaxValue, last); // faults at or after the last sample: its state is in force
        foreach (var p in _pending)
            if (p.OpenedMs < 0) NeverOpened(p); else Unresolved(p);
        _pending.Clear();
        return _failure;
    }

    /// <summary>Arms the watched faults before tMs, judged on the sample in force at their time.</summary>
    void Arm(long tMs, BoardSnapshot inForce)
    {
        var events = Scenario.Events;
        for (; _next < events.Count && events[_next].AtMs < tMs; _next++)
            if (events[_next] is FaultEvent f && Watches(_next, f) && inForce.RelayClosed)
                _pending.Add(new Pending(_next, f, Timeline.ReactionWindowEnd(_next)));
    }
}

/// <summary>
/// After every fault that opened the relay while playing, music returns within the time after the fault ends
/// (liveness: issue 8 asks for music within 1 s once faults stop).
/// </summary>
public sealed record RecoverExpectation(string Path, long WithinMs) : Expectation(Path)
{
    public override string Describe() => $"recoverWithinMs {WithinMs}";

    public override ExpectationChecker Start(ScenarioSpec scenario) => new Checker(this, scenario);

    sealed class Checker(RecoverExpectation e, ScenarioSpec scenario) : FaultChecker(scenario)
    {
        long End(Pending p) => p.Fault.AtMs + p.Fault.Fault.DurationMs;

        protected override bool Watches(int index, FaultEvent f) =>
            !Timeline.InterruptedBefore(index, f.AtMs + f.Fault.DurationMs + e.WithinMs);

        // An opening after the reaction window was not caused by the fault: it was absorbed without cutting the output.
        protected override bool Opened(Pending p, long openedMs) => openedMs <= p.WindowEnd;

        protected override bool AfterOpening(Pending p, BoardSnapshot s)
        {
            if (!MusicExpectation.IsMusic(s)) return false;
            if (s.TMs > End(p) + e.WithinMs)
                Failed(p.Index, e.Fail($"{p.Fault.Fault.Kind.Name()} fault at {p.Fault.AtMs} ms: music back only {s.TMs - End(p)} ms after the fault ended"));
            return true;
        }

        protected override void Unresolved(Pending p) =>
            Failed(p.Index, e.Fail($"{p.Fault.Fault.Kind.Name()} fault at {p.Fault.AtMs} ms: music never came back"));
    }
}
