using System;
using System.Linq;
using AmpController.Core.Acoustics;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Soak;

/// <summary>
/// The BoardChecker's view of stored profiles (issue 19, docs/design.md §4 S12). A profile's cap may be in force only
/// after a long press made since the last insertion, fault and reboot. While one is confirmed, the level is judged with
/// the sensitivity the listener confirmed (S4, S2 hold for it); when the listener confirmed the profile of a different,
/// more sensitive headphone, the true level may exceed the limit: that is S12's acknowledged residual risk, measured
/// here (<see cref="WorstOverLimitDb"/>), never hidden. Without a confirmation the true level is judged as always.
/// </summary>
public sealed class ProfileJudge
{
    private readonly SimulatedBoard _board;
    private long _resetMs;
    private int _boots;
    private int _faults;
    /// <summary>The load the listener had in the jack when the confirmation came (or that took its place unseen).</summary>
    private HeadphoneLoad? _confirmedOn;
    private bool _unseenSwap;
    private string? _lastInForce;

    public ProfileJudge(SimulatedBoard board)
    {
        _board = board;
        _boots = board.Boots;
    }

    /// <summary>Ticks with a confirmed profile in force, and with a wrongly confirmed one (more sensitive headphone).</summary>
    public int ConfirmedTicks { get; private set; }

    /// <summary>The confirmed profile's sensitivity in dB/V at this tick (null: none in force).</summary>
    public double? InForceDbPerV { get; private set; }
    public int WrongConfirmedTicks { get; private set; }

    /// <summary>How far the TRUE level went over the limit because the listener confirmed another headphone's profile.</summary>
    public double WorstOverLimitDb { get; private set; }

    /// <summary>The push button's real pin, read at each tick as the controller reads it, in both readings of an ambiguous release.</summary>
    public ButtonReadings Button { get; } = new();

    public void ObserveButton(bool pressed, long nowMs) => Button.Observe(pressed, nowMs);

    /// <summary>An insertion, completion or removal: any confirmation must be asked again.</summary>
    public void NewHeadphone(long nowMs) => _resetMs = nowMs;

    /// <summary>
    /// A load swapped behind an adapter (no jack event) while a profile was confirmed, whose |Z| the load watch cannot
    /// tell from the old one (docs/safety.md, S7 load watch: a change within ±30 % is not seen). It plays as the
    /// confirmed headphone: the same S12 residual as a confirmation on the wrong headphone, judged and measured alike.
    /// </summary>
    public bool SwappedUnseen(HeadphoneLoad load)
    {
        if (_confirmedOn == null) return false;
        _confirmedOn = load;
        _unseenSwap = true;
        return true;
    }

    /// <summary>Ticks in which a swapped load, unseen by the watch, played under the confirmed profile.</summary>
    public int SwappedUnseenTicks { get; private set; }

    /// <summary>
    /// The level S4 and S2 are judged with at this tick, and whether the true level must stay under the limit too.
    /// Reports an S12 violation (a confirmation without a long press since the last reset) through <paramref name="fail"/>.
    /// </summary>
    public (double? Judged, bool TrueMustHold) Judge(BoardSnapshot s, Action<string> fail)
    {
        if (_board.Boots != _boots || _board.Controller.FaultCount != _faults)
        {
            _boots = _board.Boots;
            _faults = _board.Controller.FaultCount;
            _resetMs = s.TMs;
        }
        // With the relay open nothing of a profile is in force (a hung loop, S8, may not have seen a removal yet).
        InForceDbPerV = null;
        if (s.Profile is null)
        {
            _confirmedOn = null;
            _unseenSwap = false;
        }
        // The firmware has opened the relay (a fault forgot the profile) but K1 has not released yet: on the device
        // profile a pin write after a blocking transfer lands later, or only the hardware watchdog opens K1 (issue 13).
        // Until the contacts open the attenuator still holds what the confirmed profile allowed: judged as before.
        bool lingering = s.Profile is null && s.RelayClosed && !_board.Controller.RelayClosed && _lastInForce != null;
        string? inForce = lingering ? _lastInForce : s.Profile;
        _lastInForce = s.RelayClosed ? inForce : null;
        if (inForce is not string name || !s.RelayClosed || _board.Load is null) return (s.SplDbA, true);
        _confirmedOn ??= _board.Load;
        // Right under either reading of an ambiguous release (ButtonReadings): the latest long press of either.
        if (!lingering && !_board.Stalled && Button.LatestLongPressMs < _resetMs)
            fail($"profile '{name}' in force without a long press since the last insertion, fault or reboot");
        ConfirmedTicks++;
        // The profile as the listener stored it (in tenths, BoardFlash): the one the firmware confirmed.
        double dbPerV = _board.StoredSettings.FindProfile(name)!.ToPolicyProfile().DbPerV;
        InForceDbPerV = dbPerV;
        var load = _board.Load!;
        var asConfirmed = load with { SensitivityDbPerV = dbPerV, DbPerMw = null };
        double? judged = BoardAcoustics.LouderEar(asConfirmed, s.GainDb, _board.VolumeChip.AttenuationDb(0), _board.VolumeChip.AttenuationDb(1));
        // Only the headphone the listener confirmed it on (or one that took its place unseen) may be the wrong one: a
        // load swapped in and seen by the watch is judged by its true level (BoardChecker, SwapJudge).
        bool moreSensitive = load.EarDbPerV(load.LeftOhm) > dbPerV + 1e-9 || load.RightOhm > 2 && load.EarDbPerV(load.RightOhm) > dbPerV + 1e-9;
        bool wrong = moreSensitive && ReferenceEquals(load, _confirmedOn);
        if (!wrong) return (judged, true);
        if (_unseenSwap) SwappedUnseenTicks++;
        WrongConfirmedTicks++;
        if (s.SplDbA is double spl) WorstOverLimitDb = Math.Max(WorstOverLimitDb, spl - _board.StoredSettings.EffectiveLimitDbA);
        return (judged, false);
    }
}
