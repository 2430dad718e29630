using AmpController.Core.Control;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>
/// The end of the acknowledged tier (S12) on the controller with the doubles (the rig of AcknowledgedTierEdgeTests):
/// with the same gain step the level comes down to the default cap in the very tick (no write when it is at or below
/// it; a failed write is a fault); with another gain step it goes through S3 and comes back at the same loudness.
/// </summary>
public partial class AcknowledgedTierEdgeTests
{
    /// <summary>Unlocked at the same gain, the level set to <paramref name="levelDb"/>, then the dose at 100 %.</summary>
    private static TierRig EndingAt(int levelDb)
    {
        var rig = Unlocked();
        var c = rig.Controller;
        rig.Turn(levelDb - c.TargetDb);
        Assert.AreEqual(levelDb, c.LevelDb, "the level in the tier");
        Assert.AreEqual(levelDb, rig.Volume.Level, "the attenuator in the tier");
        rig.SetDose(1.0);
        return rig;
    }

    [TestMethod]
    public void S12_a_tier_ending_at_the_same_gain_brings_the_level_down_to_the_cap_in_the_same_tick()
    {
        var rig = EndingAt(-6);
        var c = rig.Controller;
        rig.Tick();
        Assert.IsFalse(c.Acknowledged, "the tier ends at 100 %");
        Assert.AreEqual(1, c.TierEndings, "one ending");
        Assert.AreEqual(ControllerState.Playing, c.State, "still playing: the same gain needs no S3 switch");
        Assert.AreEqual(-10, rig.Volume.Level, "the attenuator written down to the default cap at once");
        Assert.IsFalse(rig.Volume.Muted, "not muted");
        Assert.AreEqual(-10, c.TargetDb, "the user's level comes down to the cap");
        Assert.AreEqual(-10, c.CapDb, "the default cap");
    }

    [TestMethod]
    [DataRow(-15, DisplayName = "below the default cap")]
    [DataRow(-10, DisplayName = "at the default cap")]
    public void S12_a_tier_ending_at_the_same_gain_leaves_a_level_at_or_below_the_cap_unwritten(int levelDb)
    {
        var rig = EndingAt(levelDb);
        int writes = rig.Volume.SetCalls;
        rig.Tick();
        Assert.IsFalse(rig.Controller.Acknowledged, "the tier ends at 100 %");
        Assert.AreEqual(writes, rig.Volume.SetCalls, "no attenuator write");
        Assert.AreEqual(levelDb, rig.Volume.Level, "the level stays");
        Assert.AreEqual(levelDb, rig.Controller.TargetDb, "the user's level stays");
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State, "still playing");
    }

    [TestMethod]
    public void S12_S5_a_failed_write_of_the_cap_at_the_tier_end_is_a_fault()
    {
        var rig = EndingAt(-6);
        rig.Volume.FailNext = 1;
        rig.Tick();
        Assert.IsFalse(rig.Controller.Acknowledged, "the tier ended");
        Assert.AreNotEqual(ControllerState.Playing, rig.Controller.State, "the attenuator refused the cap: fault, not playing");
    }

    [TestMethod]
    public void S12_S3_a_tier_ending_with_another_gain_comes_back_at_the_same_loudness()
    {
        var rig = Unlocked(d => { d.AckGainStep = 2; d.AckGainDb = 6; d.AckCapDb = -2; });
        var c = rig.Controller;
        Assert.AreEqual(-16, c.TargetDb, "in the tier: 6 dB more gain, 6 dB more attenuation");
        rig.SetDose(1.0);
        rig.Tick(100);
        Assert.IsFalse(c.Acknowledged, "the tier ends at 100 %");
        Assert.AreEqual(ControllerState.Playing, c.State, "playing again after the S3 switch");
        Assert.AreEqual(1, rig.Switches.Inner.GainStep, "the default gain step again");
        Assert.AreEqual(0, rig.Switches.Inner.S3Violations, "S3: muted and relay open for the gain change");
        Assert.AreEqual(-10, c.TargetDb, "6 dB less gain, 6 dB less attenuation");
        Assert.AreEqual(-10, c.LevelDb, "ramped back to the same loudness");
    }

    [TestMethod]
    public void S12_S13_at_100_percent_during_the_gain_switch_the_tier_ends_only_once_ramping()
    {
        var rig = new TierRig();
        var d = rig.Policy.Decision;
        (d.AckGainStep, d.AckGainDb, d.AckCapDb) = (2, 6, -2);
        rig.PlayAtCap();
        rig.Turn(1);
        rig.Button.Level = true;
        for (int t = 0; !rig.Controller.Acknowledged; t++) { Assert.IsTrue(t < 200, "never unlocked"); rig.Tick(); }
        rig.SetDose(1.0);
        rig.Tick();
        var state = rig.Controller.State;
        Assert.IsTrue(state != ControllerState.RampUp && state != ControllerState.Playing, $"switching the gain ({state})");
        Assert.IsTrue(rig.Controller.Acknowledged, "not ended while the gain is being switched");
    }

    [TestMethod]
    public void S12_S3_an_unlock_from_a_worst_case_gain_other_than_0_dB_keeps_the_loudness()
    {
        var rig = Unlocked(d => { d.GainDb = -6; d.AckGainStep = 2; d.AckGainDb = 0; d.AckCapDb = -8; });
        Assert.AreEqual(0, rig.Controller.GainDb, "the tier's gain");
        Assert.AreEqual(-16, rig.Controller.TargetDb, "6 dB more gain (-6 to 0 dB), 6 dB more attenuation");
    }

    /// <summary>A confirmed profile (step 1 at 0 dB, cap -3) whose tier has the given gain and cap.</summary>
    private static TierRig Confirmed(int offerGainStep, int offerGainDb, int ackGainDb, int ackCapDb)
    {
        var rig = new TierRig();
        var d = rig.Policy.Decision;
        d.AckAvailable = false;
        (d.Offered, d.OfferName, d.OfferGainStep, d.OfferGainDb, d.OfferCapDb) = (true, "HD600", offerGainStep, offerGainDb, -3);
        d.OfferProgrammeDbAtZeroDb = 80;
        (d.OfferAckAvailable, d.OfferAckGainStep, d.OfferAckGainDb, d.OfferAckCapDb) = (true, 1, ackGainDb, ackCapDb);
        rig.PlayAtCap();
        rig.LongPress();
        Assert.AreEqual("HD600", rig.Controller.ConfirmedProfile, "the first long press confirms the offer");
        return rig;
    }

    [TestMethod]
    public void S12_no_warning_where_a_confirmed_profiles_tier_is_no_higher_than_its_cap()
    {
        var rig = Confirmed(1, 0, 0, -3);
        var c = rig.Controller;
        rig.Turn(c.CapDb - c.TargetDb + 1);
        Assert.IsFalse(c.AckWarningActive, "the profile's tier (0 dB, -3 dB) allows no more than its cap");
        Assert.AreEqual(0, c.AckWarnings, "no warning");
    }

    [TestMethod]
    public void S12_S3_confirming_a_profile_with_another_gain_moves_the_safe_start_with_it()
    {
        var rig = Confirmed(2, 6, 6, -1);
        Assert.AreEqual(2, rig.Switches.Inner.GainStep, "the profile's gain step");
        Assert.AreEqual(-36, rig.Controller.Decision.SafeStartDb, "6 dB more gain, the safe start 6 dB lower");
    }
}
