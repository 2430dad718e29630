using System;
using AmpController.Core.Acoustics;
using AmpController.Core.Control;
using AmpController.Core.Dose;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>
/// Issue 16 on the simulated board (real controller, drivers and chips): the acknowledged tier (S12) and the sound dose
/// (S13). Levels come from the simulated chips; the ceiling is judged at the sensitivity the controller assumes (the
/// worst case for the impedance) and the real level with the headphone's true sensitivity.
/// </summary>
[TestClass]
public class AcknowledgedTierTests
{
    static readonly HeadphoneLoad Hd600 = new(290, 291, 97);

    static SimulatedBoard AtTheCap(HeadphoneLoad load, double ackLimit = 100)
    {
        var board = new SimulatedBoard(new BoardConfig(AckLimitDbA: ackLimit));
        board.Plug(load);
        Assert.IsTrue(SimulatedBoardTests.TicksUntil(board, s => s.State == "playing" && !s.Muted, 3000) >= 0, "never played");
        board.TurnEncoder(120);
        ProfileOfferTests.Run(board, 2000);
        return board;
    }

    /// <summary>The programme level at the real chip state with the sensitivity the controller assumes.</summary>
    static double AssumedLevel(SimulatedBoard board)
    {
        var s = board.Snapshot();
        var d = board.Policy.LastDecision!;
        return VolumeCap.ProgrammeLevelDbA(board.Profile, d.AssumedSensitivityDbPerV, (int)s.GainDb, (int)s.AttenuationDb);
    }

    [TestMethod]
    public void S12_turning_up_at_the_cap_warns_and_the_long_press_unlocks_the_tier_up_to_its_ceiling()
    {
        var board = AtTheCap(Hd600);
        var d = board.Policy.LastDecision!;
        Assert.IsTrue(d.HasAck);
        var before = board.Snapshot();
        Assert.AreEqual("default", before.Tier);
        Assert.IsTrue(before.AckWarning, "the turn past the cap warned");
        Assert.IsTrue(AssumedLevel(board) <= PolicyLimits.DefaultLimitDbA);
        // LED 1 blinks at 4 Hz while the warning stands.
        int on = 0, off = 0;
        for (int t = 0; t < 500; t += ControllerTiming.TickMs)
        {
            board.Tick();
            if ((board.Expander.LedMask & Controller.TierLedMask) != 0) on++; else off++;
        }
        Assert.IsTrue(on >= 15 && off >= 15, $"on {on}, off {off}");
        board.PressButton(2000);
        ProfileOfferTests.Run(board, 2500);
        var s = board.Snapshot();
        Assert.AreEqual("acknowledged", s.Tier);
        Assert.AreEqual(d.AckCapDb, s.CapDb);
        Assert.AreNotEqual(0, board.Expander.LedMask & Controller.TierLedMask, "LED 1 on in the tier");
        board.TurnEncoder(120);
        ProfileOfferTests.Run(board, 3000);
        s = board.Snapshot();
        Assert.AreEqual(d.AckGainDb, (int)s.GainDb, "the tier's gain (through S3)");
        Assert.AreEqual(d.AckCapDb, (int)s.AttenuationDb, "the knob reaches the tier's ceiling");
        Assert.IsTrue(AssumedLevel(board) <= 100.0 + 1e-9 && AssumedLevel(board) > PolicyLimits.DefaultLimitDbA, AssumedLevel(board).ToString());
        Assert.IsTrue(s.SplDbA > before.SplDbA + 10, $"real level {before.SplDbA} -> {s.SplDbA} dBA");
        // Removal ends it; the next insertion starts in the default tier.
        board.Unplug();
        ProfileOfferTests.Run(board, 100);
        Assert.AreEqual("default", board.Snapshot().Tier);
        board.Plug(Hd600);
        Assert.IsTrue(SimulatedBoardTests.TicksUntil(board, x => x.State == "playing" && !x.Muted, 3000) >= 0);
        Assert.AreEqual("default", board.Snapshot().Tier);
        Assert.AreEqual(d.CapDb, board.Snapshot().CapDb);
    }

    [TestMethod]
    public void S12_a_long_press_without_the_warning_or_before_it_unlocks_nothing()
    {
        var board = new SimulatedBoard(new BoardConfig());
        board.Plug(Hd600);
        Assert.IsTrue(SimulatedBoardTests.TicksUntil(board, s => s.State == "playing" && !s.Muted, 3000) >= 0);
        board.PressButton(2000); // below the cap: no warning
        ProfileOfferTests.Run(board, 2500);
        Assert.AreEqual("default", board.Snapshot().Tier);
        // Held first, then turned to the cap while holding: the press began before the warning.
        board.PressButton(3000);
        ProfileOfferTests.Run(board, 200);
        board.TurnEncoder(120);
        ProfileOfferTests.Run(board, 3500);
        Assert.AreEqual("default", board.Snapshot().Tier);
        // The warning expires after 10 s.
        board.TurnEncoder(1);
        ProfileOfferTests.Run(board, Controller.AckWarningWindowMs + 500);
        Assert.IsFalse(board.Snapshot().AckWarning);
        board.PressButton(2000);
        ProfileOfferTests.Run(board, 2500);
        Assert.AreEqual("default", board.Snapshot().Tier);
        Assert.IsTrue(AssumedLevel(board) <= PolicyLimits.DefaultLimitDbA);
    }

    [TestMethod]
    public void S12_S5_a_fault_ends_the_tier_and_recovery_comes_back_in_the_default_tier()
    {
        var board = AtTheCap(Hd600);
        board.PressButton(2000);
        ProfileOfferTests.Run(board, 2500);
        board.TurnEncoder(120);
        ProfileOfferTests.Run(board, 3000);
        Assert.AreEqual("acknowledged", board.Snapshot().Tier);
        board.InjectFault(new FaultSpec(BoardFaultKind.ChipReset));
        ProfileOfferTests.Run(board, 3000);
        var s = board.Snapshot();
        Assert.AreEqual("default", s.Tier);
        Assert.IsTrue(AssumedLevel(board) <= PolicyLimits.DefaultLimitDbA || !s.RelayClosed, AssumedLevel(board).ToString());
        Assert.AreEqual(board.Policy.LastDecision!.CapDb, s.CapDb);
    }

    [TestMethod]
    public void S12_an_85_dBA_acknowledged_limit_offers_no_tier()
    {
        var board = AtTheCap(Hd600, ackLimit: 85);
        Assert.IsFalse(board.Snapshot().AckWarning);
        board.PressButton(2000);
        ProfileOfferTests.Run(board, 2500);
        Assert.AreEqual("default", board.Snapshot().Tier);
    }

    [TestMethod]
    public void S13_the_dose_counts_the_programme_level_of_the_real_chip_state()
    {
        var board = AtTheCap(Hd600);
        double level = AssumedLevel(board);
        double before = board.Controller.Dose.WeeklyFraction;
        ProfileOfferTests.Run(board, 60_000);
        double added = board.Controller.Dose.WeeklyFraction - before;
        Assert.AreEqual(DoseMath.Fraction(level, 60), added, DoseMath.Fraction(level, 60) * 0.01, $"at {level:F1} dBA");
        Assert.AreEqual(board.Controller.DosePercent, board.Snapshot().DosePercent, 1e-9);
        // Muted: nothing is added.
        board.PressMute();
        ProfileOfferTests.Run(board, 1000);
        double muted = board.Controller.Dose.WeeklyFraction;
        ProfileOfferTests.Run(board, 60_000);
        Assert.AreEqual(muted, board.Controller.Dose.WeeklyFraction, 1e-12);
    }

    [TestMethod]
    public void S13_S12_at_100_percent_the_tier_ends_and_cannot_be_unlocked_again()
    {
        var board = AtTheCap(Hd600);
        board.PressButton(2000);
        ProfileOfferTests.Run(board, 2500);
        board.TurnEncoder(120);
        ProfileOfferTests.Run(board, 3000);
        Assert.AreEqual("acknowledged", board.Snapshot().Tier);
        // The week's allowance, used up: restore a stored window at 100 % (as after a reboot) into the running meter.
        var full = new DoseState { RunningPpm = DoseMeter.PartsPerMillion };
        board.Controller.Dose.Restore(full, board.NowMs);
        ProfileOfferTests.Run(board, 200);
        var s = board.Snapshot();
        Assert.AreEqual("default", s.Tier);
        Assert.IsTrue(board.Controller.DoseWarnedMultiple >= 1);
        Assert.AreNotEqual(0, board.Expander.LedMask & Controller.DoseLedMask, "LED 2 on from 100 %");
        Assert.IsTrue(AssumedLevel(board) <= PolicyLimits.DefaultLimitDbA || !s.RelayClosed, AssumedLevel(board).ToString());
        board.TurnEncoder(5);
        ProfileOfferTests.Run(board, 500);
        Assert.IsFalse(board.Snapshot().AckWarning, "no warning (and no tier) while the dose is at 100 %");
        board.PressButton(2000);
        ProfileOfferTests.Run(board, 2500);
        Assert.AreEqual("default", board.Snapshot().Tier);
    }
}
