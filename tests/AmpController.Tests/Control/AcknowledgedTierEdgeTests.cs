using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Dose;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>
/// The edges of the acknowledged tier (S12) and the sound dose (S13), issue 16, on the controller with the doubles of
/// Doubles.cs and a policy that sets the tier's figures directly, so time, levels and the dose are exact: the 10 s
/// warning window, the 4 Hz LED phase, the press that starts in the warning's tick, the gain change of an unlock, the
/// confirmed profile's tier, the 20 h limit and exactly 100 % of the weekly dose.
/// </summary>
[TestClass]
public partial class AcknowledgedTierEdgeTests
{
    /// <summary>The worst case: gain step 1 (0 dB) up to -10 dB, safe start -30 dB; its tier at the same gain up to -4 dB.</summary>
    private sealed class TierPolicy : ICapPolicy
    {
        public readonly GainDecision Decision = new()
        {
            MayPlay = true, GainStep = 1, GainDb = 0, CapDb = -10, SafeStartDb = -30, ProgrammeDbAtZeroDb = 80,
            AckAvailable = true, AckGainStep = 1, AckGainDb = 0, AckCapDb = -4,
        };

        public void Decide(SenseResult sense, GainDecision into) => into.CopyFrom(Decision);
    }

    private sealed class TierRig
    {
        public readonly FakeClock Clock = new();
        public readonly FakeRelay Relay = new();
        public readonly FakeVolume Volume = new();
        public readonly LedRecorder Switches;
        public readonly FakePin Jack = new(), Button = new();
        public readonly TierPolicy Policy = new();
        public readonly Controller Controller;

        public TierRig()
        {
            Switches = new LedRecorder(new FakeSwitches(Relay, Volume));
            var sensor = new FakeSensor { Relay = Relay };
            var ports = new ControllerPorts(Clock, Volume, Switches, sensor, Relay, Jack,
                new FakePin { Level = true }, new FakePin { Level = true }, Button);
            Controller = new Controller(ports, Policy);
        }

        public void Tick(int n = 1)
        {
            for (int i = 0; i < n; i++) { Clock.NowMs += ControllerTiming.TickMs; Controller.Tick(); }
        }

        public void Turn(int steps) { Controller.RequestVolumeSteps(steps); Tick(); }

        /// <summary>Plugs, plays and turns exactly onto the cap (which warns nothing: the cap was not passed).</summary>
        public void PlayAtCap()
        {
            Jack.Level = true;
            for (int t = 0; Controller.State != ControllerState.Playing; t += ControllerTiming.TickMs)
            {
                Assert.IsTrue(t < 3000, "never played");
                Tick();
            }
            Turn(Controller.CapDb - Controller.TargetDb);
            Assert.AreEqual(Controller.CapDb, Controller.LevelDb, "at the cap");
            Assert.IsFalse(Controller.AckWarningActive, "turning onto the cap is no turn past it");
            Assert.AreEqual(0, Controller.AckWarnings);
        }

        /// <summary>Holds the button 1.6 s, releases it and lets any gain change (S3) ramp back up.</summary>
        public void LongPress()
        {
            Button.Level = true;
            Tick(160);
            Button.Level = false;
            Tick(100);
            Assert.AreEqual(ControllerState.Playing, Controller.State, "playing again after the long press");
        }

        /// <summary>The weekly dose set as a stored window restores it (the running hour's share).</summary>
        public void SetDose(double fraction) =>
            Controller.Dose.Restore(new DoseState { RunningPpm = (int)(fraction * DoseMeter.PartsPerMillion) }, Clock.NowMs);

        public bool TierLed => (Switches.Mask & Controller.TierLedMask) != 0;
    }

    private static TierRig Unlocked(System.Action<GainDecision>? configure = null)
    {
        var rig = new TierRig();
        configure?.Invoke(rig.Policy.Decision);
        rig.PlayAtCap();
        rig.Turn(1);
        Assert.IsTrue(rig.Controller.AckWarningActive, "warned at the cap");
        rig.LongPress();
        Assert.IsTrue(rig.Controller.Acknowledged, "the long press after the warning unlocks the tier");
        return rig;
    }

    [TestMethod]
    public void S12_a_turn_past_the_cap_warns_once_and_the_warning_blinks_at_4_Hz_for_exactly_10_s()
    {
        var rig = new TierRig();
        rig.PlayAtCap();
        rig.Turn(1);
        Assert.IsTrue(rig.Controller.AckWarningActive, "one step past the cap warns");
        Assert.AreEqual(1, rig.Controller.AckWarnings, "the first warning counts once");
        rig.Tick(500);
        rig.Turn(2);
        Assert.AreEqual(1, rig.Controller.AckWarnings, "a turn while the warning stands is the same warning");
        long warnedAt = rig.Clock.NowMs;
        while (rig.Clock.NowMs < warnedAt + Controller.AckWarningWindowMs)
        {
            rig.Tick();
            Assert.IsTrue(rig.Controller.AckWarningActive, $"the warning stands at {rig.Clock.NowMs - warnedAt} ms");
            bool on = rig.Clock.NowMs / Controller.AckWarningBlinkHalfPeriodMs % 2 == 0;
            Assert.AreEqual(on, rig.TierLed, $"LED 1 at {rig.Clock.NowMs} ms: on in the even 125 ms halves");
        }
        Assert.AreEqual(warnedAt + Controller.AckWarningWindowMs, rig.Clock.NowMs);
        rig.Tick();
        Assert.IsFalse(rig.Controller.AckWarningActive, "gone 10,010 ms after the turn");
        Assert.IsFalse(rig.TierLed, "LED 1 off without the warning");
        rig.Turn(1);
        Assert.AreEqual(2, rig.Controller.AckWarnings, "a turn after the window is a new warning");
    }

    [TestMethod]
    public void S12_a_long_press_that_starts_in_the_very_tick_of_the_warning_unlocks_one_a_tick_earlier_does_not()
    {
        foreach (int turnAfterTicks in new[] { 2, 3 })
        {
            var rig = new TierRig();
            rig.PlayAtCap();
            rig.Button.Level = true;
            // The debounced press (20 ms) begins in the third tick after the pin went down.
            rig.Tick(turnAfterTicks);
            rig.Turn(1);
            Assert.IsTrue(rig.Controller.AckWarningActive);
            rig.Tick(160);
            rig.Button.Level = false;
            rig.Tick(10);
            bool sameTick = turnAfterTicks == 2;
            Assert.AreEqual(sameTick, rig.Controller.Acknowledged,
                sameTick ? "a press that began in the warning's tick answers it" : "a press that began before the warning answers nothing");
        }
    }

    [TestMethod]
    public void S12_S3_an_unlock_with_another_gain_switches_it_and_comes_back_at_the_same_loudness()
    {
        var rig = Unlocked(d => { d.AckGainStep = 2; d.AckGainDb = 6; d.AckCapDb = -2; });
        var c = rig.Controller;
        Assert.IsFalse(c.AckWarningActive, "the warning is answered");
        Assert.AreEqual("acknowledged", c.TierName);
        Assert.AreEqual(6, c.GainDb, "the tier's gain");
        Assert.AreEqual(-2, c.CapDb, "the tier's cap");
        Assert.AreEqual(2, rig.Switches.Inner.GainStep, "the tier's gain step is switched");
        Assert.AreEqual(0, rig.Switches.Inner.S3Violations, "S3: muted and relay open for the gain change");
        Assert.AreEqual(-16, c.TargetDb, "6 dB more gain, 6 dB more attenuation");
        Assert.AreEqual(-16, c.LevelDb, "ramped back to the same loudness");
        Assert.AreEqual(-36, c.Decision.SafeStartDb, "the safe start moves with the gain too");
        Assert.IsTrue(rig.TierLed, "LED 1 on in the tier");
    }

    [TestMethod]
    public void S12_a_confirmed_profile_unlocks_its_own_tier_even_where_the_worst_case_has_none()
    {
        var rig = new TierRig();
        var d = rig.Policy.Decision;
        d.AckAvailable = false; // the worst case's tier (-4 dB) would not even pass the profile's cap
        d.Offered = true;
        d.OfferName = "HD600";
        d.OfferGainStep = 1;
        d.OfferCapDb = -3;
        d.OfferProgrammeDbAtZeroDb = 80;
        d.OfferAckAvailable = true;
        d.OfferAckGainStep = 2;
        d.OfferAckGainDb = 6;
        d.OfferAckCapDb = -1;
        rig.PlayAtCap();
        rig.LongPress();
        var c = rig.Controller;
        Assert.AreEqual("HD600", c.ConfirmedProfile, "the first long press confirms the offer");
        Assert.AreEqual(-3, c.CapDb);
        rig.Turn(c.CapDb - c.TargetDb);
        Assert.IsFalse(c.AckWarningActive, "onto the profile's cap: no warning");
        rig.Turn(1);
        Assert.IsTrue(c.AckWarningActive, "past the profile's cap: its tier allows more");
        rig.LongPress();
        Assert.IsTrue(c.Acknowledged);
        Assert.AreEqual(6, c.GainDb, "the profile's tier gain");
        Assert.AreEqual(-1, c.CapDb, "the profile's tier cap");
        Assert.AreEqual(2, rig.Switches.Inner.GainStep, "the profile's tier gain step");
        Assert.AreEqual(-9, c.LevelDb, "same loudness: -3 dB at 0 dB gain is -9 dB at 6 dB");
    }

    [TestMethod]
    [DataRow(false, -4, DisplayName = "a tier the policy does not offer")]
    [DataRow(true, -10, DisplayName = "a tier no higher than the cap in force")]
    public void S12_no_warning_and_no_unlock_where_the_tier_allows_no_more(bool available, int ackCapDb)
    {
        var rig = new TierRig();
        (rig.Policy.Decision.AckAvailable, rig.Policy.Decision.AckCapDb) = (available, ackCapDb);
        rig.PlayAtCap();
        rig.Turn(1);
        Assert.IsFalse(rig.Controller.AckWarningActive, "nothing to warn about");
        Assert.AreEqual(0, rig.Controller.AckWarnings);
        rig.LongPress();
        Assert.IsFalse(rig.Controller.Acknowledged, "nothing unlocked");
        Assert.AreEqual(-10, rig.Controller.CapDb);
    }

    [TestMethod]
    public void S12_the_tier_counts_listening_only_while_playing_and_ends_at_exactly_20_h()
    {
        var rig = Unlocked();
        var c = rig.Controller;
        long listened = c.TierListeningMs;
        rig.Tick(100);
        Assert.AreEqual(listened + 1000, c.TierListeningMs, "one second playing is one second of listening");
        c.RequestMute(true);
        rig.Tick(100);
        listened = c.TierListeningMs;
        rig.Tick(100);
        Assert.AreEqual(listened, c.TierListeningMs, "muted: no listening");
        c.RequestMute(false);
        rig.Tick(10);
        Assert.AreEqual(ControllerState.Playing, c.State);
        // One long tick up to 10 ms before the limit (the fake clock may jump; the dose is far below 100 %).
        rig.Clock.NowMs += Controller.AckTierListeningLimitMs - c.TierListeningMs - ControllerTiming.TickMs;
        c.Tick();
        Assert.AreEqual(Controller.AckTierListeningLimitMs - ControllerTiming.TickMs, c.TierListeningMs);
        Assert.IsTrue(c.Acknowledged, "10 ms before 20 h still in the tier");
        Assert.IsTrue(c.DosePercent < 100, c.DosePercent.ToString());
        rig.Tick();
        Assert.IsFalse(c.Acknowledged, "ended at exactly 20 h of listening");
        Assert.AreEqual(1, c.TierEndings, "one ending");
        Assert.AreEqual(-10, c.CapDb, "the default cap again");
        Assert.IsTrue(c.LevelDb <= -10, $"level {c.LevelDb} dB within the default cap");
    }

    [TestMethod]
    public void S12_removal_ends_the_tier_once()
    {
        var rig = Unlocked();
        rig.Jack.Level = false;
        rig.Tick(5);
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State);
        Assert.IsFalse(rig.Controller.Acknowledged);
        Assert.AreEqual(1, rig.Controller.TierEndings, "one tier, one ending");
        Assert.IsFalse(rig.TierLed, "LED 1 off");
    }

    [TestMethod]
    public void S13_at_exactly_100_percent_no_warning_no_unlock_and_the_tier_ends()
    {
        var rig = new TierRig();
        // A programme this quiet adds nothing a double can hold to 1.0: the dose stays at exactly 100 %.
        rig.Policy.Decision.ProgrammeDbAtZeroDb = -100;
        rig.PlayAtCap();
        var c = rig.Controller;
        rig.SetDose(1.0);
        rig.Tick();
        Assert.AreEqual(100.0, c.DosePercent, "exactly 100 %");
        Assert.AreEqual(1, c.DoseWarnedMultiple, "warned at 100 %");
        Assert.AreNotEqual(0, rig.Switches.Mask & Controller.DoseLedMask, "LED 2 on from 100 %");
        rig.Turn(1);
        Assert.IsFalse(c.AckWarningActive, "no warning at 100 %");
        Assert.AreEqual(0, c.AckWarnings);

        rig.SetDose(0.5);
        rig.Tick();
        Assert.AreEqual(50.0, c.DosePercent, 1e-9, "the percent of the restored half");
        rig.Turn(1);
        Assert.IsTrue(c.AckWarningActive, "below 100 % the turn past the cap warns");
        rig.SetDose(1.0);
        rig.LongPress();
        Assert.IsFalse(c.Acknowledged, "no unlock at exactly 100 %");

        rig.SetDose(0.5);
        rig.LongPress();
        Assert.IsTrue(c.Acknowledged, "the standing warning, answered below 100 %");
        rig.SetDose(1.0);
        rig.Tick();
        Assert.IsFalse(c.Acknowledged, "the tier ends at exactly 100 %");
        Assert.AreEqual(1, c.TierEndings);
        Assert.AreEqual(-10, c.CapDb, "the default cap again");
    }
}
