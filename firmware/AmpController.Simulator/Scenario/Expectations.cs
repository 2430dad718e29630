using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
using AmpController.Simulator.Vocabulary;

namespace AmpController.Simulator.Scenario;

/// <summary>
/// One `expect` entry (docs/scenarios.md). Checked while the run goes by a <see cref="ExpectationChecker"/> that sees
/// every recorded sample (every change of the real board state, so "in force at t" is exact) without keeping them.
/// Check replays a recorded run through the same checker: null when met, else why not. A kind may instead override
/// only Check (it is then checked at the end, from kept samples: <see cref="BufferingChecker"/>).
/// </summary>
public abstract record Expectation(string Path)
{
    public abstract string Describe();

    public virtual ExpectationChecker Start(ScenarioSpec scenario) => new BufferingChecker(this, scenario);

    public virtual string? Check(RunRecord run)
    {
        var checker = Start(run.Scenario);
        foreach (var s in run.Samples) checker.Observe(s);
        return checker.Finish();
    }

    protected string Fail(string detail) => $"expectation {Path} ({Describe()}) failed: {detail}";

    protected static string Db(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>The programme level in the headphone never exceeds the value (rule S4).</summary>
public sealed record MaxSplExpectation(string Path, double MaxSplDbA) : Expectation(Path)
{
    public override string Describe() => $"maxSplDbA {Db(MaxSplDbA)}";

    public override ExpectationChecker Start(ScenarioSpec scenario) => new Checker(this);

    sealed class Checker(MaxSplExpectation e) : ExpectationChecker
    {
        string? _failure;

        public override void Observe(BoardSnapshot s)
        {
            if (_failure is null && s.SplDbA is double spl && spl > e.MaxSplDbA + 1e-9)
                _failure = e.Fail($"at {s.TMs} ms splDbA was {Db(spl)} dBA (state {s.State})");
        }

        public override string? Finish() => _failure;
    }
}

/// <summary>After every full insertion, music (relay closed, level defined) within the time (issue 8 target 300 ms).</summary>
public sealed record MusicExpectation(string Path, long WithinMs) : Expectation(Path)
{
    public override string Describe() => $"musicWithinMs {WithinMs}";

    public override ExpectationChecker Start(ScenarioSpec scenario) => new Checker(this, scenario);

    internal static bool IsMusic(BoardSnapshot s) => s.RelayClosed && s.SplDbA is not null && !s.Muted;

    sealed class Checker(MusicExpectation e, ScenarioSpec scenario) : ExpectationChecker
    {
        readonly EventTimeline _timeline = new(scenario);
        readonly List<int> _waiting = new();
        int _next;
        string? _failure;
        int _failedIndex = int.MaxValue;

        public override void Observe(BoardSnapshot s)
        {
            var events = scenario.Events;
            for (; _next < events.Count && events[_next].AtMs < s.TMs; _next++)
                if (events[_next] is PlugEvent { Load.HalfInserted: false } plug
                    && !_timeline.InterruptedBefore(_next, plug.AtMs + e.WithinMs)) _waiting.Add(_next);
            if (!IsMusic(s)) return;
            foreach (int i in _waiting)
                if (s.TMs > events[i].AtMs + e.WithinMs) Fail(i, $"music only after {s.TMs - events[i].AtMs} ms");
            _waiting.Clear();
        }

        public override string? Finish()
        {
            Observe(new BoardSnapshot(long.MaxValue, "", false, 0, 0, true, null, null, null)); // plugs after the last sample
            foreach (int i in _waiting) Fail(i, "music never started");
            return _failure;
        }

        void Fail(int index, string detail)
        {
            if (index >= _failedIndex) return;
            _failedIndex = index;
            _failure = e.Fail($"plug at {scenario.Events[index].AtMs} ms: {detail}");
        }
    }
}


/// <summary>The output relay stays open throughout [FromMs, ToMs] (e.g. a shorted plug stays muted, rule S7).</summary>
public sealed record SilentExpectation(string Path, long FromMs, long ToMs) : Expectation(Path)
{
    public override string Describe() => $"silentBetween {FromMs}..{ToMs} ms";

    public override ExpectationChecker Start(ScenarioSpec scenario) => new Checker(this);

    /// <summary>The first closing at or after FromMs (the state in force at FromMs counts at FromMs) must be after ToMs.</summary>
    sealed class Checker(SilentExpectation e) : ExpectationChecker
    {
        BoardSnapshot? _inForce;
        long? _closedAt;

        public override void Observe(BoardSnapshot s)
        {
            if (_closedAt is not null) return;
            if (s.TMs <= e.FromMs) { _inForce = s; return; }
            if (_inForce is { RelayClosed: true } before) _closedAt = System.Math.Max(e.FromMs, before.TMs);
            else if (s.RelayClosed) _closedAt = s.TMs;
            _inForce = null;
        }

        public override string? Finish()
        {
            if (_closedAt is null && _inForce is { RelayClosed: true } last) _closedAt = System.Math.Max(e.FromMs, last.TMs);
            return _closedAt is long t && t <= e.ToMs ? e.Fail($"relay closed at {t} ms") : null;
        }
    }
}

/// <summary>
/// No sound reaches the headphone throughout [FromMs, ToMs]: the relay is open or the attenuator muted (trace splDbA
/// null), e.g. the listener's mute surviving a reboot (issue 19).
/// </summary>
public sealed record QuietExpectation(string Path, long FromMs, long ToMs) : Expectation(Path)
{
    public override string Describe() => $"quietBetween {FromMs}..{ToMs} ms";

    public override ExpectationChecker Start(ScenarioSpec scenario) => new Checker(this);

    /// <summary>The first sound at or after FromMs (the state in force at FromMs counts at FromMs) must be after ToMs.</summary>
    sealed class Checker(QuietExpectation e) : ExpectationChecker
    {
        BoardSnapshot? _inForce;
        (long T, double DbA)? _loud;

        public override void Observe(BoardSnapshot s)
        {
            if (_loud is not null) return;
            if (s.TMs <= e.FromMs) { _inForce = s; return; }
            if (_inForce is { SplDbA: double before }) _loud = (e.FromMs, before);
            else if (s.SplDbA is double now) _loud = (s.TMs, now);
            _inForce = null;
        }

        public override string? Finish()
        {
            if (_loud is null && _inForce is { SplDbA: double last }) _loud = (e.FromMs, last);
            return _loud is var (t, dbA) && t <= e.ToMs ? e.Fail($"{Level(dbA)} at {t} ms") : null;
        }
    }

    private static string Level(double dbA) => dbA.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " dBA";
}

/// <summary>The real board state in force at a time: any of state name, relay, gain.</summary>
public sealed record StateAtExpectation(string Path, long AtMs, string? State, bool? RelayClosed, double? GainDb) : Expectation(Path)
{
    public override string Describe() =>
        $"stateAt {AtMs} ms" + (State is null ? "" : $" state {State}") +
        (RelayClosed is null ? "" : $" relayClosed {(RelayClosed.Value ? "true" : "false")}") +
        (GainDb is null ? "" : $" gainDb {Db(GainDb.Value)}");

    public override ExpectationChecker Start(ScenarioSpec scenario) => new Checker(this);

    string? Judge(BoardSnapshot s)
    {
        if (State is not null && s.State != State) return Fail($"at {AtMs} ms state was {s.State}");
        if (RelayClosed is not null && s.RelayClosed != RelayClosed) return Fail($"at {AtMs} ms relayClosed was {(s.RelayClosed ? "true" : "false")}");
        if (GainDb is not null && System.Math.Abs(s.GainDb - GainDb.Value) > 1e-9) return Fail($"at {AtMs} ms gainDb was {Db(s.GainDb)}");
        return null;
    }

    /// <summary>The state in force at AtMs is the last sample at or before it (the first sample if none is).</summary>
    sealed class Checker(StateAtExpectation e) : ExpectationChecker
    {
        BoardSnapshot? _inForce;
        bool _judged;
        string? _failure;

        public override void Observe(BoardSnapshot s)
        {
            if (_judged) return;
            if (s.TMs <= e.AtMs) { _inForce = s; return; }
            _failure = e.Judge(_inForce ?? s);
            _judged = true;
        }

        public override string? Finish()
        {
            if (!_judged) _failure = e.Judge(_inForce ?? default);
            _judged = true;
            return _failure;
        }
    }
}

/// <summary>
/// Rule S7's load watch (issue 19): the level stays at or below MaxSplDbA except right after a swap — a `plug` while a
/// plug is already in, so no jack event — where one stretch above the limit may last at most WithinMs, counted from
/// when it started or, if the source was silent then, from the music's return (silence reaches no ear). A stretch
/// lasts until the next recorded sample at or below the limit, so the whole time the output stayed loud is counted.
/// </summary>
public sealed record LoadSwapExpectation(string Path, double MaxSplDbA, long WithinMs) : Expectation(Path)
{
    public override string Describe() => $"loadSwap maxSplDbA {Db(MaxSplDbA)} withinMs {WithinMs}";

    public override string? Check(RunRecord run)
    {
        var samples = run.Samples;
        int i = 0;
        while (i < samples.Count)
        {
            if (!Over(samples[i])) { i++; continue; }
            int start = i;
            double loudest = 0;
            while (i < samples.Count && Over(samples[i])) loudest = System.Math.Max(loudest, samples[i++].SplDbA!.Value);
            long from = samples[start].TMs;
            long until = i < samples.Count ? samples[i].TMs : run.Scenario.DurationMs;
            var (swapped, revealed) = RevealTime(run, from);
            if (!swapped)
                return Fail($"at {from} ms splDbA was {Db(loudest)} dBA (state {samples[start].State}) with no swap before it");
            if (revealed is null) continue; // the source stays silent: nothing reaches the ear
            long counted = System.Math.Max(from, revealed.Value);
            if (until - counted > WithinMs)
                return Fail($"above the limit (up to {Db(loudest)} dBA) from {counted} ms until {until} ms: {until - counted} ms");
        }
        return null;
    }

    bool Over(BoardSnapshot s) => s.SplDbA is double spl && spl > MaxSplDbA + 1e-9;

    /// <summary>
    /// When the latest swap at or before tMs was revealed: the swap itself if the programme played then, else the
    /// music's next return (possibly after tMs; null if it never returns: silence is silent). Null too without a swap.
    /// </summary>
    static (bool Swapped, long? Revealed) RevealTime(RunRecord run, long tMs)
    {
        bool plugged = false, silent = false;
        long? swap = null;
        bool silentAtSwap = false;
        foreach (var e in run.Scenario.Events)
        {
            if (e.AtMs > tMs) break;
            switch (e)
            {
                case PlugEvent p:
                    if (plugged && !p.Load.HalfInserted) { swap = e.AtMs; silentAtSwap = silent; }
                    else if (!plugged) swap = null;
                    plugged = true;
                    break;
                case UnplugEvent:
                    plugged = false; swap = null;
                    break;
                case ProgrammeEvent pe:
                    silent = pe.Silent;
                    if (swap != null && silentAtSwap && !pe.Silent) return (true, e.AtMs);
                    break;
            }
        }
        if (swap == null) return (false, null);
        if (!silentAtSwap) return (true, swap);
        foreach (var e in run.Scenario.Events)
            if (e.AtMs > tMs && e is ProgrammeEvent { Silent: false }) return (true, e.AtMs);
        return (true, null);
    }
}
