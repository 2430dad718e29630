using System;
using AmpController.Core.Control;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Soak;

/// <summary>
/// The BoardChecker's view of a load swapped behind an adapter or extension cable (no jack event; docs/design.md §4 S7,
/// issue 19 item 3). Until the load watch sees the new load in the music, the old load's gain and cap play into it:
/// physics, not a bug, so S4 is judged here by what reaches the ear. A tick counts as over the limit when the programme
/// level (S4's definition) is above the limit AND the music actually playing puts the ear above it (a quiet passage or
/// a silence hides nothing from the ear, and the watch cannot see a load without current). The over-limit time per swap
/// must stay within <see cref="OverLimitBoundMs"/>. A swap the watch misses or cuts later (issue 19 finding, docs/safety.md
/// "Issue 19 properties") is counted in <see cref="Missed"/> with its case, and then held to the bound that remains:
/// the level with the sensitivity the decision in force assumed (worst case, or the confirmed profile's) stays at or
/// under the limit — the listener hears the limit plus the new load's excess sensitivity over that assumption. The window ends when the controller measures the load again (the
/// watch fired, a reboot) or at a jack event; a fault's recovery does not measure again, so a load swapped while the
/// relay was open for a fault stays in the window when the relay closes again. Swap-specific bounds of the watch
/// itself are LoadWatchSwapPropertyTests'.
/// </summary>
public sealed class SwapJudge(SimulatedBoard board)
{
    /// <summary>The limit in force (the acknowledged tier's while it legitimately is, S12); the board's limit when unset.</summary>
    public Func<double>? Limit { get; init; }

    /// <summary>
    /// docs/safety.md, S7 load watch: the relay opens within 30 ms of the programme revealing a swapped load; measured
    /// worst case 50 ms after the level at the ear passed the limit (the load watch's swap properties).
    /// </summary>
    public const int OverLimitBoundMs = 50;

    private const double Tolerance = 1e-9;
    private bool _open;
    private bool _leftMeasuring;
    private long _overMs;

    public int Swaps { get; private set; }

    /// <summary>Swaps above the limit at the ear for longer than <see cref="OverLimitBoundMs"/> (missed or cut late).</summary>
    public int Missed { get; private set; }

    /// <summary>When the first missed swap passed the bound (board time, -1: none): the soak reports it to replay.</summary>
    public long FirstMissedAtMs { get; private set; } = -1;

    /// <summary>Swaps whose new load was above the limit at the ear at some tick before the relay opened.</summary>
    public int DangerousSwaps { get; private set; }

    /// <summary>The longest time a swapped load spent above the limit at the ear, and the most it was over.</summary>
    public long WorstOverLimitMs { get; private set; }
    public double WorstOverLimitDb { get; private set; }

    /// <summary>A plug went in or out: the controller measures again anyway, the swap window ends.</summary>
    public void JackEvent() => _open = false;

    /// <summary>
    /// Whether the load watch may not see this swap: |Z| within ±30 % of the measured one is issue 19's threshold
    /// (docs/safety.md, S7 load watch); with a margin for its learned baseline following |Z| along the music (0.6–1.45).
    /// </summary>
    public static bool WatchBlind(HeadphoneLoad from, HeadphoneLoad to)
    {
        double ratio = Math.Min(to.LeftOhm, to.RightOhm) / Math.Min(from.LeftOhm, from.RightOhm);
        return ratio > 0.6 && ratio < 1.45;
    }

    /// <summary>
    /// The load was just swapped (call after plugging it). The new load meets the old decision at once: if that is over
    /// the limit at the ear, the level rose at the swap and stays until the next tick's check, so that tick counts.
    /// <paramref name="residual"/>: a confirmed profile's S12 residual (ProfileJudge.SwappedUnseen), not judged here.
    /// </summary>
    public void Swapped(bool residual)
    {
        Swaps++;
        _open = true;
        _overMs = 0;
        _leftMeasuring = false;
        if (!residual) CountIfOver(board.Snapshot(), null, _ => { });
    }

    /// <summary>
    /// Whether this tick is inside a swap window (the old load's decision playing into the new load); then the true level
    /// is judged here and a breach reported through <paramref name="fail"/>. <paramref name="trueMustHold"/> false: the
    /// listener confirmed a profile of a less sensitive headphone (ProfileJudge's S12 residual), the true level is not
    /// held to the limit.
    /// </summary>
    public bool Judge(BoardSnapshot s, bool trueMustHold, double? confirmedDbPerV, Action<string> fail)
    {
        if (!_open) return false;
        // Measured again: a measurement that STARTS after the swap (one under way may have read the old load).
        bool measuring = board.Controller.State is ControllerState.Debounce or ControllerState.Measuring;
        if (measuring && _leftMeasuring)
        {
            _open = false;
            return false;
        }
        if (!measuring) _leftMeasuring = true;
        if (!s.RelayClosed) return false; // nothing plays; the old decision may come back with a fault's recovery
        if (trueMustHold) CountIfOver(s, confirmedDbPerV, fail);
        return true;
    }

    private void CountIfOver(BoardSnapshot s, double? confirmedDbPerV, Action<string> fail)
    {
        double limit = Limit?.Invoke() ?? board.StoredSettings.EffectiveLimitDbA;
        if (!s.RelayClosed || s.SplDbA is not double spl || spl <= limit + Tolerance
            || spl + board.LoadWatch.Programme.LevelDb <= limit + Tolerance) return;
        if (_overMs == 0) DangerousSwaps++;
        _overMs += ControllerTiming.TickMs;
        WorstOverLimitMs = Math.Max(WorstOverLimitMs, _overMs);
        WorstOverLimitDb = Math.Max(WorstOverLimitDb, spl - limit);
        if (_overMs <= OverLimitBoundMs) return;
        if (_overMs - ControllerTiming.TickMs <= OverLimitBoundMs)
        {
            Missed++;
            if (FirstMissedAtMs < 0) FirstMissedAtMs = s.TMs;
        }
        double assumed = confirmedDbPerV ?? board.Policy.LastDecision?.AssumedSensitivityDbPerV ?? double.NaN;
        var asAssumed = board.Load! with { SensitivityDbPerV = assumed, DbPerMw = null };
        double? decided = BoardAcoustics.LouderEar(asAssumed, s.GainDb, board.VolumeChip.AttenuationDb(0), board.VolumeChip.AttenuationDb(1));
        if (!(decided <= limit + Tolerance))
            fail($"a swapped load above the limit for {_overMs} ms, and {decided:F2} dBA with the sensitivity the decision assumed ({assumed:F1} dB/V)");
    }
}
