using System;
using System.Collections.Generic;
using AmpController.Core.Control;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
using K = AmpController.Simulator.Board.BoardFaultKind;
using D = AmpController.Simulator.Board.FaultDevice;

namespace AmpController.Simulator.Soak;

/// <summary>A safety rule broken on the simulated hardware: the rule, the time and what was seen.</summary>
public sealed class SafetyViolation(string rule, long tMs, string message) : Exception(message)
{
    public string Rule { get; } = rule;
    public long TMs { get; } = tMs;
}

/// <summary>
/// Plays operations (<see cref="BoardOp"/>) on a fresh <see cref="SimulatedBoard"/> and checks the safety rules after
/// EVERY tick on the simulated hardware's real state (chip registers, gain relays, relay pin, true headphone
/// sensitivity), never on what the controller believes. Throws <see cref="SafetyViolation"/> with the time, the rule
/// and the recent history. Shared by the property tests (a generated script) and `ampsim soak` (a stream of random
/// operations for hours): one checker, never two copies.
/// </summary>
public sealed partial class BoardChecker
{
    private const double Tolerance = 1e-9;
    /// <summary>S5/S6: one supervision period; the rule allows 100 ms.</summary>
    private const int FaultToRelayOpenMs = 100;
    /// <summary>Issue 8 target: removal to relay open.</summary>
    private const int RemovalToRelayOpenMs = 10;
    /// <summary>Issue 19: a PT2258 supply event opens the relay at the next 1 ms input sample, so within one tick.</summary>
    private const int SupplyEventToRelayOpenMs = ControllerTiming.TickMs;
    private const int LivenessMs = 1000;
    /// <summary>A time-limited fault shorter than this may end before the next transfer (supervision every 50 ms).</summary>
    private const int ShortestSeenMs = ControllerTiming.SupervisionPeriodMs + ControllerTiming.TickMs;

    private const int HistoryKept = 8;

    private readonly SimulatedBoard _board;
    private readonly List<FaultObligation> _mustOpenBy = new();
    private readonly Queue<(long TMs, object What, string State)> _history = new();
    private readonly ProfileJudge _profiles;
    private readonly TierJudge _tier;
    private readonly SwapJudge _swaps;
    private string _loadKind = "none";
    private bool _half;
    private bool _atSafeLevel;
    private long _unpoweredUntilMs;

    public BoardChecker(BoardConfig config) : this(new SimulatedBoard(config)) { }

    public BoardChecker(SimulatedBoard board)
    {
        _board = board;
        _profiles = new ProfileJudge(board);
        _tier = new TierJudge(board);
        _swaps = new SwapJudge(board) { Limit = () => _tier.LimitDbA };
    }

    public SimulatedBoard Board => _board;
    public ProfileJudge Profiles => _profiles;
    public SwapJudge Swaps => _swaps;
    /// <summary>S12/S13 (issue 16): the acknowledged tier's legitimacy and ceiling, the dose across power cuts.</summary>
    public TierJudge Tier => _tier;
    public double MaxSplSeen { get; private set; } = double.NegativeInfinity;
    public long Ticks { get; private set; }
    /// <summary>Ticks with the relay closed and the attenuator playing: how much of the run the rules were judged on music.</summary>
    public long PlayingTicks { get; private set; }
    /// <summary>The loudest level seen relative to the limit (≤ 0 when S4 held): how close the run came to the cap.</summary>
    public double HighestAboveLimitDb { get; private set; } = double.NegativeInfinity;

    /// <summary>Plays the operations, then stops the faults and checks that music comes back (liveness).</summary>
    public void Run(IEnumerable<BoardOp> ops)
    {
        foreach (BoardOp op in ops) Play(op);
        StopFaultsAndCheckLiveness();
    }

    /// <summary>Ticks the op's delay (each tick checked), then applies it.</summary>
    public void Play(BoardOp op)
    {
        for (int i = 0; i < op.DelayTicks; i++) Tick();
        Apply(op);
    }

    private void Apply(BoardOp op)
    {
        Note(op);
        switch (op)
        {
            case InsertOp ins:
                if (_loadKind != "none") { Apply(new RemoveOp(0)); Tick(); }
                _board.Plug(ins.Load);
                _profiles.NewHeadphone(_board.NowMs);
                _tier.NewHeadphone(_board.NowMs);
                _swaps.JackEvent();
                _loadKind = ins.What;
                _half = ins.Load.HalfInserted;
                _atSafeLevel = _board.EncoderIdle; // S2: every insertion starts at or below the safe default (unless a turn is still under way)
                break;
            case CompleteOp when _loadKind != "none" && _half:
                _board.Plug(_board.Load! with { HalfInserted = false });
                _profiles.NewHeadphone(_board.NowMs);
                _tier.NewHeadphone(_board.NowMs);
                _swaps.JackEvent();
                _half = false;
                _atSafeLevel = _board.EncoderIdle;
                break;
            case RemoveOp when _loadKind != "none":
                _board.Unplug();
                _profiles.NewHeadphone(_board.NowMs);
                _tier.NewHeadphone(_board.NowMs);
                _swaps.JackEvent();
                _loadKind = "none";
                if (_board.Relay.Closed) _mustOpenBy.Add(new FaultObligation(_board.NowMs + RemovalToRelayOpenMs, false));
                break;
            case SwapOp swap when _loadKind != "none" && !_half:
                // Behind an adapter: the plug stays in, the jack switch never moves (S7: the load watch re-measures).
                bool residual = SwapJudge.WatchBlind(_board.Load!, swap.Load) && _profiles.SwappedUnseen(swap.Load);
                _board.Plug(swap.Load);
                _swaps.Swapped(residual);
                _loadKind = swap.What;
                _atSafeLevel = false; // S2 is about insertions; a swap keeps the user's level until the load watch re-measures
                break;
            case PressOp press:
                _board.PressButton(press.HoldMs);
                break;
            case LeaveSafeModeOp:
                _board.Controller.LeaveSafeMode(); // `safemode off` typed on the console (S8)
                break;
            case TurnOp turn:
                _board.TurnEncoder(turn.Detents);
                if (turn.Detents > 0) _atSafeLevel = false;
                _tier.Turned(turn.Detents, _board.NowMs);
                break;
            case MuteOp:
                _board.PressMute();
                break;
            case FaultOp f:
                _board.InjectFault(f.Fault);
                if (f.Fault is { Kind: K.PowerCycle } && f.Fault.Device != D.Board)
                    _unpoweredUntilMs = Math.Max(_unpoweredUntilMs, _board.NowMs + f.Fault.DurationMs);
                bool noChange = f.Fault.Device == D.Volume && _board.VolumeChip is SimDs1882
                    && (f.Fault.Kind == K.ChipReset || f.Fault.Kind == K.PowerCycle && f.Fault.DurationMs <= ShortestSeenMs) && _board.VolumeChip.Muted; // a DS1882 resets to mute: nothing changes
                // A time-limited fault that starts while the loop hangs may be over before the loop looks again.
                bool mayExpireUnseen = _board.Stalled && f.Fault.DurationMs > 0;
                // The simulated bus has one stuck-until time: a new stuck-bus fault replaces an earlier one's duration.
                if (f.Fault.Kind == K.StuckBus) _mustOpenBy.RemoveAll(o => o.StuckBus);
                if (SupplyEvent(f.Fault))
                {
                    // Issue 19: the PT2258's supply supervisor reports it; the 1 ms input sample opens the relay.
                    if (_board.Relay.Closed) _mustOpenBy.Add(new FaultObligation(_board.NowMs + SupplyEventToRelayOpenMs, false));
                }
                else if (_board.Relay.Closed && MustOpenRelay(f.Fault) && !noChange && !mayExpireUnseen)
                    _mustOpenBy.Add(new FaultObligation(_board.NowMs + FaultToRelayOpenMs, Absorbable(f.Fault), f.Fault.Kind == K.StuckBus,
                        f.Fault.Kind == K.StuckBus && f.Fault.DurationMs > 0 ? _board.NowMs + f.Fault.DurationMs : 0, _board.Bus.StuckAnswers));
                break;
        }
    }

    /// <summary>
    /// Faults the controller can see must open the relay (S5, S6). Not: sense spikes and stalls (no I2C fault), and a
    /// bit flip on the write-only PT2258 (nothing is read from it, so nothing is corrupted).
    /// </summary>
    private bool MustOpenRelay(FaultSpec f) => f.Kind switch
    {
        K.AdcSpike or K.Stall => false,
        K.PowerCycle when f.Device == D.Board => false, // the relay drops with the MCU's power: checked every tick
        K.BitFlip => f.Device != D.Volume || _board.VolumeChip is SimDs1882,
        // A stuck bus that frees itself before the next transfer (supervision reads every 50 ms) is never seen.
        K.StuckBus => f.DurationMs == 0 || f.DurationMs > ShortestSeenMs,
        _ => true,
    };

    /// <summary>
    /// A DS1882 that reset itself (wipers back at mute) while the controller was writing new levels anyway (ramp,
    /// encoder) gets its state rewritten before the next readback: the reset left nothing to detect and did no harm
    /// (a muted chip is silent). Seen on the real chip as: un-muted again at a later tick without the relay opening.
    /// </summary>
    /// <summary>A reset or power cycle of a PT2258: a dip of its supply, which the board's supervisor reports.</summary>
    private bool SupplyEvent(FaultSpec f) =>
        _board.Supervisor != null && f.Device == D.Volume && f.Kind is K.ChipReset or K.PowerCycle;

    private bool Absorbable(FaultSpec f) =>
        f.Device == D.Volume && f.Kind is K.ChipReset or K.PowerCycle;

    /// <summary>One control tick of the board, then every rule checked on its real state.</summary>
    public void Tick()
    {
        _board.Tick();
        Ticks++;
        Check();
    }

    private void Check()
    {
        BoardSnapshot s = _board.Snapshot();
        long now = s.TMs;
        _profiles.ObserveButton(_board.MuteButton.Level, now);
        var (judged, trueMustHold) = _profiles.Judge(s, what => Violation("S12", what));
        _tier.Judge(s, _profiles.Button, (rule, what) => Violation(rule, what));
        double limit = _tier.LimitDbA; // S4, or the acknowledged tier's ceiling while it is legitimately in force (S12)
        // A load swapped behind an adapter plays with the old load's cap until the load watch sees it (S7): judged
        // there by the level at the ear with the music actually playing and the watch's bound (SwapJudge).
        bool swapWindow = _swaps.Judge(s, trueMustHold, _profiles.InForceDbPerV, what => Violation("S4/S7", what));
        if (s.RelayClosed && !s.Muted) PlayingTicks++;
        if (s.SplDbA is double spl && trueMustHold && !swapWindow)
        {
            MaxSplSeen = Math.Max(MaxSplSeen, spl);
            if (!s.Muted) HighestAboveLimitDb = Math.Max(HighestAboveLimitDb, spl - limit);
            if (spl > limit + Tolerance) Violation("S4", $"{spl:F2} dBA above the {limit} dBA limit in force ({s.Tier} tier)");
        }
        if (judged is double level && (!swapWindow || s.Profile != null))
        {
            if (level > limit + Tolerance) Violation("S4", $"{level:F2} dBA above the {limit} dBA limit in force with the sensitivity in force");
            if (_atSafeLevel && level > _board.StoredSettings.SafeDefaultDbA + Tolerance)
                Violation("S2", $"{level:F2} dBA above the safe default before any turn up");
        }
        if (_board.Observer.GainChangesWhileUnsafe != 0) Violation("S3", "gain relays switched with the relay closed or the attenuator playing");
        if (_board.Observer.RelayClosingsUnmuted != 0) Violation("S1/S2", "relay closed onto an attenuator that was not muted");
        if (_board.Controller.UnlistedTransitions != 0) Violation("S5", "the controller changed phase outside its transition table");
        if (_board.Observer.GainChangesBeforeRelayReleased != 0) Violation("S3", "gain relays switched before the output relay had released");
        if (_board.Observer.RelayClosingsBeforeGainSettled != 0) Violation("S3", "output relay closed before the gain relays had settled");
        if (!s.RelayClosed) _mustOpenBy.Clear();
        else if (!s.Muted) _mustOpenBy.RemoveAll(o => o.Absorbable);
        if (_board.Stalled) // a hung loop sees nothing: the period starts when it runs again (S8 covers the hang)
            foreach (var o in _mustOpenBy) o.Deadline += ControllerTiming.TickMs;
        // A stuck bus that freed itself before any transfer met it (soak seed 14: during a hung loop) was never seen,
        // so there is nothing to answer; one transfer answered "bus stuck" and the relay must open (StuckBusDuringHangTests).
        _mustOpenBy.RemoveAll(o => o.FaultEndMs > 0 && now > o.FaultEndMs && _board.Bus.StuckAnswers == o.StuckAnswersAtStart);
        foreach (var o in _mustOpenBy)
            if (now > o.Deadline) Violation("S5/S6/S2", $"relay still closed {now - o.Deadline} ms after its deadline");
        if (_board.Stalled) return; // a hung loop leaves the relay as it was: S8 (watchdog) covers the hang
        // S7 (issue 19, "when in doubt, mute"): short, open and line input never close the relay, with or without
        // spikes or faults during the reading (a disturbed reading is "uncertain" at worst, which stays muted too);
        // a mono plug plays at the lowest gain only. A load swapped in behind an adapter is SwapJudge's.
        if (s.RelayClosed && !_half && !swapWindow && _loadKind is "short" or "open" or "line")
            Violation("S7", $"relay closed on a {_loadKind} load");
        if (s.RelayClosed && !_half && !swapWindow && _loadKind is "mono" && s.GainDb != -20)
            Violation("S7", $"gain {s.GainDb} dB on a mono plug");
        if (s.RelayClosed && !_half && !swapWindow && _board.Policy.LastDecision != null && _board.Policy.Input.Class == LoadClass.Uncertain)
            Violation("S7", "relay closed on an uncertain reading");
        if (s.RelayClosed && _board.PoweredOff) Violation("S1", "relay closed with the board unpowered");
    }

    /// <summary>Throws the violation; the message (built only now) carries the hardware state and the recent history.</summary>
    private void Violation(string rule, string what)
    {
        BoardSnapshot s = _board.Snapshot();
        throw new SafetyViolation(rule, _board.NowMs, $"{rule} violated at {_board.NowMs} ms: {what}\n" +
            $"hardware: {s.State}, relay {(s.RelayClosed ? "closed" : "open")}, gain {s.GainDb} dB, attenuation {s.AttenuationDb} dB" +
            $"{(s.Muted ? " (muted)" : "")}, cap {s.CapDb}, confirmed profile '{_board.Controller.ConfirmedProfile}'; load {_board.Load}\nrecent: " +
            string.Join(" | ", System.Linq.Enumerable.Select(_history, h => $"{h.TMs}: {h.What} [{h.State}]")));
    }

    /// <summary>Kept as objects and written out only for a violation: the soak notes millions of operations.</summary>
    private void Note(object what)
    {
        if (_history.Count == HistoryKept) _history.Dequeue();
        _history.Enqueue((_board.NowMs, what, _board.Controller.StateName));
    }
}
