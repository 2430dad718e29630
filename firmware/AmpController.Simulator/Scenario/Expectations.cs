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
/// One `expect` entry (docs/scenarios.md). Checked after the run against the recorded trace, which holds every
/// change of the real board state, so "in force at t" is exact. Check returns null when met, else why not.
/// </summary>
public abstract record Expectation(string Path)
{
    public abstract string Describe();

    public abstract string? Check(RunRecord run);

    protected string Fail(string detail) => $"expectation {Path} ({Describe()}) failed: {detail}";

    protected static string Db(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
}

/// <summary>The programme level in the headphone never exceeds the value (rule S4).</summary>
public sealed record MaxSplExpectation(string Path, double MaxSplDbA) : Expectation(Path)
{
    public override string Describe() => $"maxSplDbA {Db(MaxSplDbA)}";

    public override string? Check(RunRecord run)
    {
        foreach (var s in run.Samples)
            if (s.SplDbA is double spl && spl > MaxSplDbA + 1e-9)
                return Fail($"at {s.TMs} ms splDbA was {Db(spl)} dBA (state {s.State})");
        return null;
    }
}

/// <summary>
/// After every I2C or chip fault injected while playing, the relay is open within the time (rules S5, S6), and
/// before the scenario's next event. Faults the board cannot see are skipped (<see cref="ScenarioVocabulary.Detectable"/>).
/// </summary>
public sealed record RelayOpenExpectation(string Path, long WithinMs) : Expectation(Path)
{
    public override string Describe() => $"relayOpenWithinMs {WithinMs}";

    public override string? Check(RunRecord run)
    {
        foreach (var fault in run.Scenario.Events.OfType<FaultEvent>())
        {
            if (!ScenarioVocabulary.OpensRelay(fault.Fault.Kind) || !run.At(fault.AtMs).RelayClosed) continue;
            if (!ScenarioVocabulary.Detectable(fault.Fault, run.Scenario.Board.VolumeChip)) continue;
            long? opened = run.FirstAfter(fault.AtMs, s => !s.RelayClosed);
            long windowEnd = run.ReactionWindowEnd(fault);
            if (opened is null || opened > windowEnd)
                return Fail($"{fault.Fault.Kind.Name()} fault at {fault.AtMs} ms: relay still closed at {windowEnd} ms");
            if (opened - fault.AtMs > WithinMs)
                return Fail($"{fault.Fault.Kind.Name()} fault at {fault.AtMs} ms: relay opened only after {opened - fault.AtMs} ms");
        }
        return null;
    }
}

/// <summary>After every full insertion, music (relay closed, level defined) within the time (issue 8 target 300 ms).</summary>
public sealed record MusicExpectation(string Path, long WithinMs) : Expectation(Path)
{
    public override string Describe() => $"musicWithinMs {WithinMs}";

    public override string? Check(RunRecord run)
    {
        foreach (var plug in run.Scenario.Events.OfType<PlugEvent>().Where(p => !p.Load.HalfInserted))
        {
            long deadline = plug.AtMs + WithinMs;
            if (run.InterruptedBefore(plug, deadline)) continue;
            long? music = run.FirstAfter(plug.AtMs, IsMusic);
            if (music is null || music > deadline)
                return Fail($"plug at {plug.AtMs} ms: " +
                            (music is null ? "music never started" : $"music only after {music - plug.AtMs} ms"));
        }
        return null;
    }

    internal static bool IsMusic(BoardSnapshot s) => s.RelayClosed && s.SplDbA is not null && !s.Muted;
}

/// <summary>
/// After every fault that opened the relay while playing, music returns within the time after the fault ends
/// (liveness: issue 8 asks for music within 1 s once faults stop).
/// </summary>
public sealed record RecoverExpectation(string Path, long WithinMs) : Expectation(Path)
{
    public override string Describe() => $"recoverWithinMs {WithinMs}";

    public override string? Check(RunRecord run)
    {
        foreach (var fault in run.Scenario.Events.OfType<FaultEvent>())
        {
            if (!run.At(fault.AtMs).RelayClosed) continue;
            long end = fault.AtMs + fault.Fault.DurationMs;
            long deadline = end + WithinMs;
            if (run.InterruptedBefore(fault, deadline)) continue;
            if (run.FirstAfter(fault.AtMs, s => !s.RelayClosed) is not long opened || opened > run.ReactionWindowEnd(fault))
                continue; // the fault was absorbed without cutting the output
            long? music = run.FirstAfter(opened, MusicExpectation.IsMusic);
            if (music is null || music > deadline)
                return Fail($"{fault.Fault.Kind.Name()} fault at {fault.AtMs} ms: " +
                            (music is null ? "music never came back" : $"music back only {music - end} ms after the fault ended"));
        }
        return null;
    }
}

/// <summary>The output relay stays open throughout [FromMs, ToMs] (e.g. a shorted plug stays muted, rule S7).</summary>
public sealed record SilentExpectation(string Path, long FromMs, long ToMs) : Expectation(Path)
{
    public override string Describe() => $"silentBetween {FromMs}..{ToMs} ms";

    public override string? Check(RunRecord run)
    {
        long? closed = run.FirstAtOrAfter(FromMs, s => s.RelayClosed);
        return closed is long t && t <= ToMs ? Fail($"relay closed at {t} ms") : null;
    }
}

/// <summary>
/// No sound reaches the headphone throughout [FromMs, ToMs]: the relay is open or the attenuator muted (trace splDbA
/// null), e.g. the listener's mute surviving a reboot (issue 19).
/// </summary>
public sealed record QuietExpectation(string Path, long FromMs, long ToMs) : Expectation(Path)
{
    public override string Describe() => $"quietBetween {FromMs}..{ToMs} ms";

    public override string? Check(RunRecord run)
    {
        if (run.At(FromMs).SplDbA is double atStart) return Fail($"{Level(atStart)} at {FromMs} ms");
        long? loud = run.FirstAtOrAfter(FromMs, s => s.SplDbA is not null);
        return loud is long t && t <= ToMs ? Fail($"{Level(run.At(t).SplDbA!.Value)} at {t} ms") : null;
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

    public override string? Check(RunRecord run)
    {
        var s = run.At(AtMs);
        if (State is not null && s.State != State) return Fail($"at {AtMs} ms state was {s.State}");
        if (RelayClosed is not null && s.RelayClosed != RelayClosed) return Fail($"at {AtMs} ms relayClosed was {(s.RelayClosed ? "true" : "false")}");
        if (GainDb is not null && System.Math.Abs(s.GainDb - GainDb.Value) > 1e-9) return Fail($"at {AtMs} ms gainDb was {Db(s.GainDb)}");
        return null;
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
