using System;
using AmpController.Core.Control;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Soak;

/// <summary>
/// The BoardChecker's view of the acknowledged tier (S12) and the sound dose (S13), issue 16. The tier is legitimate
/// only after a long press on the real button pin (<see cref="ButtonReadings"/>, debounced as the controller reads it,
/// under either reading of an ambiguous release) that began within 10 s after the warning was shown (the trace's ackWarning or LED 1 of the real
/// expander lit outside the tier), with no insertion, removal, fault or reboot since; the warning itself must follow a
/// turn up (the listener turned past the cap). While it is legitimate and the controller says it is in the tier, the
/// ceiling is the tier's limit (<see cref="LimitDbA"/>); otherwise the default limit holds, and a tier claimed without
/// that press is an S12 violation. A tier that ends (20 h, 100 % dose) brings the level down within one supervision
/// period. Across power cuts and watchdog reboots the dose never falls below what was stored last.
/// </summary>
public sealed class TierJudge
{
    /// <summary>The output path brings the level down (at once, or through mute for another gain) within this.</summary>
    public const int TierEndToDefaultMs = ControllerTiming.SupervisionPeriodMs * 2;
    /// <summary>A warning follows the turn that met the cap while its pulses arrive or soon after (the ramp may still be under way).</summary>
    public const int TurnToWarningMs = 1000;
    private const double DoseTolerancePercent = 1e-9;
    /// <summary>The record rounds each hour up to a whole ppm (DoseMeter.Export): a restored window may exceed the last one by that.</summary>
    private const double RoundUpPercent = (AmpController.Core.Dose.DoseState.ClosedHours + 1) * 1e-4;

    private readonly SimulatedBoard _board;
    private long _legitPressMs = long.MinValue / 2;
    private long _seenSplitMs = long.MinValue, _seenMergedMs = long.MinValue;
    private long _resetMs;
    private long _lastTurnUpMs = long.MinValue / 2;
    private bool _warning;
    private bool _wasAcknowledged;
    private long _tierEndedMs = long.MinValue / 2;
    private int _boots, _faults, _doseWrites;
    private double _storedDosePercent, _lastDosePercent;

    public TierJudge(SimulatedBoard board)
    {
        _board = board;
        _boots = board.Boots;
    }

    /// <summary>Long presses that unlocked the tier as S12 allows, and ticks played in it.</summary>
    public int Unlocks { get; private set; }
    public long TierTicks { get; private set; }
    /// <summary>The loudest real level in the tier, and the most dose a power cut lost (percent of the allowance).</summary>
    public double LoudestInTierDbA { get; private set; } = double.NegativeInfinity;
    public double MostDoseLostPercent { get; private set; }
    public int PowerCutsJudged { get; private set; }

    /// <summary>The ceiling at this tick: the tier's limit while it is legitimately in force, else the default limit.</summary>
    public double LimitDbA { get; private set; }

    /// <summary>An insertion, completion, removal or a seen swap: the tier must be asked again.</summary>
    public void NewHeadphone(long nowMs) => _resetMs = nowMs;

    /// <summary>A turn of the knob (the encoder's pulses then run for a while): up may meet the cap, down may not.</summary>
    public void Turned(int detents, long nowMs)
    {
        _turningUp = detents > 0;
        if (_turningUp) _lastTurnUpMs = nowMs;
    }

    private bool _turningUp;
    private bool _legitInForce, _faultEndedLegitTier;
    private long _caughtUpMs = long.MaxValue;

    /// <summary>Judges one tick; <paramref name="fail"/> gets the rule and what broke it.</summary>
    public void Judge(BoardSnapshot s, ButtonReadings button, Action<string, string> fail)
    {
        long now = s.TMs;
        JudgeDose(s, fail);
        if (_board.Boots != _boots || _board.Controller.FaultCount != _faults)
        {
            // The controller's state shows a stuck bus's fault at once, but on the device the firmware is still blocked
            // in the transfer that met it (up to the 1 s I2C timeout, Runtime/DeviceRuntime): its relay write lands when
            // the call returns, and the hardware watchdog opens K1 first (S8, about 31 ms). Until the world has caught
            // up with that call, and one tick more for K1 to release (4 ms max), the level the tier legitimately allowed
            // stays the ceiling; the relay's own deadlines (S5, S8) still hold.
            _faultEndedLegitTier = _board.Boots == _boots && _legitInForce;
            _caughtUpMs = long.MaxValue;
            _boots = _board.Boots;
            _faults = _board.Controller.FaultCount;
            _resetMs = now;
        }
        if (s.State == "measuring") _resetMs = now; // a re-measure (load watch, new settings) ends the tier
        bool acknowledged = s.Tier == "acknowledged";
        bool led = !_board.PoweredOff && (_board.Expander.LedMask & Controller.TierLedMask) != 0;
        if (_turningUp && !_board.EncoderIdle) _lastTurnUpMs = now; // its pulses still arrive
        if (s.AckWarning && !_warning && now - _lastTurnUpMs > TurnToWarningMs)
            fail("S12", "the warning at the cap came without a turn up");
        _warning = s.AckWarning;
        if (s.AckWarning || (led && !acknowledged)) ShowWarning(now);
        // Legitimate under either reading of an ambiguous release (a joined press begins earlier, a split one later).
        SeeLongPress(button.Split.LastLongPressMs, ref _seenSplitMs);
        SeeLongPress(button.Merged.LastLongPressMs, ref _seenMergedMs);
        bool legit = _legitPressMs > _resetMs;
        // Judged while K1 is closed: on the device profile a removal opens K1 in hardware at once and the firmware
        // forgets the tier at its next tick (10-20 ms later); with the relay open nothing of the tier reaches the ear.
        if (acknowledged && !legit && !_board.Stalled && s.RelayClosed)
            fail("S12", "acknowledged tier without a long press begun within 10 s after the warning since the last insertion, fault or reboot");
        if (_wasAcknowledged && !acknowledged) _tierEndedMs = now;
        if (acknowledged && !_wasAcknowledged && legit) Unlocks++;
        _wasAcknowledged = acknowledged;
        if (_faultEndedLegitTier && _caughtUpMs == long.MaxValue && _board.Runtime.CanRunManaged) _caughtUpMs = now;
        bool faultCatchingUp = _faultEndedLegitTier && now - ControllerTiming.TickMs <= _caughtUpMs;
        bool ending = (legit && now - _tierEndedMs <= TierEndToDefaultMs) || faultCatchingUp;
        LimitDbA = (legit && acknowledged) || ending ? _board.StoredSettings.AckLimitDbA : _board.StoredSettings.EffectiveLimitDbA;
        _legitInForce = legit && acknowledged;
        if (acknowledged && s.RelayClosed && !s.Muted)
        {
            TierTicks++;
            if (s.SplDbA is double spl) LoudestInTierDbA = Math.Max(LoudestInTierDbA, spl);
            if (s.DosePercent >= 100 + 1 && !_board.Stalled) fail("S13", $"acknowledged tier at {s.DosePercent:F1} % dose");
        }
    }

    private void SeeLongPress(long pressMs, ref long seenMs)
    {
        if (pressMs == seenMs) return;
        seenMs = pressMs;
        if (WarningShownBefore(pressMs)) _legitPressMs = Math.Max(_legitPressMs, pressMs);
    }

    /// <summary>Intervals of ticks in which the warning was shown (start, end), the last 30 s.</summary>
    private readonly System.Collections.Generic.List<(long Start, long End)> _warnings = new();

    private void ShowWarning(long now)
    {
        int last = _warnings.Count - 1;
        if (last >= 0 && now - _warnings[last].End <= ControllerTiming.TickMs) _warnings[last] = (_warnings[last].Start, now);
        else _warnings.Add((now, now));
        _warnings.RemoveAll(w => now - w.End > 3 * Controller.AckWarningWindowMs);
    }

    /// <summary>
    /// The press began within 10 s after the warning was shown: some shown tick lies in [press − 10 s, press + the
    /// debounce slack] (the pin's debounced start and the controller's may differ by a debounce time and a tick).
    /// </summary>
    private bool WarningShownBefore(long pressMs)
    {
        long slack = ControllerTiming.ButtonDebounceMs + ControllerTiming.TickMs;
        foreach (var (start, end) in _warnings)
            if (start <= pressMs + slack && end >= pressMs - Controller.AckWarningWindowMs) return true;
        return false;
    }

    private void JudgeDose(BoardSnapshot s, Action<string, string> fail)
    {
        if (_board.Boots != _boots)
        {
            // A power cut or a watchdog reboot: the dose comes back from flash, never below the last stored record.
            PowerCutsJudged++;
            if (s.DosePercent < _storedDosePercent - DoseTolerancePercent)
                fail("S13", $"dose {s.DosePercent:F6} % after a reboot, below the {_storedDosePercent:F6} % stored before it");
            if (s.DosePercent > _lastDosePercent + RoundUpPercent)
                fail("S13", $"dose {s.DosePercent:F6} % after a reboot, above the {_lastDosePercent:F6} % before it");
            MostDoseLostPercent = Math.Max(MostDoseLostPercent, _lastDosePercent - s.DosePercent);
            _doseWrites = _board.DoseStore.Writes;
        }
        if (_board.DoseStore.Writes != _doseWrites)
        {
            _doseWrites = _board.DoseStore.Writes;
            _storedDosePercent = _lastDosePercent; // written between ticks after the last tick's dose
        }
        if (!_board.PoweredOff) _lastDosePercent = s.DosePercent;
    }
}
