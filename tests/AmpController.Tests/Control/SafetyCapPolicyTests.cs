using System;
using AmpController.Core.Acoustics;
using AmpController.Core.Control;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>
/// The controller's adapter to the safety policy (Core/Control/SafetyCapPolicy) on its own: what reaches the controller
/// for each load class (S7), a mono plug's shorted ring (S4: never "the measured impedance"), the offer of a matching
/// profile (S12) and the level the decision gives at the ear, computed by the simulator's acoustics from the chips'
/// settings and the headphone's true sensitivity (S2, S4), not by the policy's own arithmetic.
/// </summary>
[TestClass]
public class SafetyCapPolicyTests
{
    static SenseResult Stereo(double ohm) => new()
    {
        LeftOhm = ohm, RightOhm = ohm, LeftClass = LoadClass.Headphone, RightClass = LoadClass.Headphone, Class = LoadClass.Headphone,
    };

    static (SafetyCapPolicy Policy, GainDecision Decision) Decide(SenseResult sense, AttenuatorProfile chip, params HeadphoneProfile[] profiles)
    {
        var policy = new SafetyCapPolicy(BoardProfile.Reference(chip));
        if (profiles.Length > 0) policy.Input.Profiles = profiles;
        var d = new GainDecision();
        policy.Decide(sense, d);
        return (policy, d);
    }

    static readonly AttenuatorProfile[] Chips = { AttenuatorProfile.Ds1882, AttenuatorProfile.Pt2258 };

    [TestMethod]
    [DataRow(LoadClass.Open, ReasonCodes.LoadOpen)]
    [DataRow(LoadClass.Short, ReasonCodes.LoadShort)]
    [DataRow(LoadClass.Line, ReasonCodes.LoadLine)]
    [DataRow(LoadClass.Uncertain, ReasonCodes.LoadUncertain)]
    public void S7_open_short_line_and_uncertain_never_play_and_never_offer_a_profile(LoadClass cls, string reason)
    {
        foreach (var chip in Chips)
        {
            // The readings of a 300 Ω headphone with a matching profile stored: the class alone keeps it silent.
            var sense = Stereo(300);
            sense.Class = cls;
            var (_, d) = Decide(sense, chip, new HeadphoneProfile("HD600", 300, 97, SensitivityUnit.DbPerV));
            Assert.IsFalse(d.MayPlay, $"{chip.Name} {cls}");
            Assert.AreEqual(reason, d.SilentReason, $"{chip.Name} {cls}");
            Assert.IsFalse(d.Offered, "no offer on a load that may not play (S12)");
            Assert.AreEqual("", d.OfferName);
            Assert.AreEqual(AttenuatorProfile.MuteDb, d.OfferCapDb, "an offer's cap is mute when nothing is offered");
            Assert.AreEqual(0, d.OfferGainStep);
            Assert.AreEqual(0, d.OfferGainDb);
        }
    }

    /// <summary>
    /// S2, S4 at the ear: a headphone plays at a cap and safe start that the most sensitive headphone of its impedance
    /// (the decision's assumed sensitivity) hears at or under the limit and the safe default; one attenuator step
    /// louder (1 dB) would pass the limit unless the cap is at the chip's top.
    /// </summary>
    [TestMethod]
    [DataRow(16.0)]
    [DataRow(32.0)]
    [DataRow(80.0)]
    [DataRow(300.0)]
    [DataRow(600.0)]
    public void S2_S4_a_headphone_plays_at_a_cap_the_most_sensitive_of_its_impedance_hears_at_or_under_the_limit(double ohm)
    {
        foreach (var chip in Chips)
        {
            var (policy, d) = Decide(Stereo(ohm), chip);
            var full = policy.LastDecision!;
            Assert.IsTrue(d.MayPlay, $"{chip.Name} {ohm} Ω");
            Assert.AreEqual("", d.SilentReason);
            Assert.AreEqual(BoardProfile.Reference(chip).GainStepsDb[d.GainStep], d.GainDb, "gain step and dB agree (board's relays)");
            Assert.AreEqual(full.CapDb, d.CapDb);
            Assert.AreEqual(full.SafeStartDb, d.SafeStartDb);
            Assert.IsTrue(d.SafeStartDb <= d.CapDb, "S2: the safe start never above the cap");
            var worst = new HeadphoneLoad(ohm, ohm, full.AssumedSensitivityDbPerV);
            double atCap = BoardAcoustics.LouderEar(worst, d.GainDb, -d.CapDb, -d.CapDb)!.Value;
            double atStart = BoardAcoustics.LouderEar(worst, d.GainDb, -d.SafeStartDb, -d.SafeStartDb)!.Value;
            Assert.IsTrue(atCap <= PolicyLimits.DefaultLimitDbA + 1e-9, $"{chip.Name} {ohm} Ω: {atCap:F2} dBA at the cap");
            Assert.IsTrue(atStart <= PolicyLimits.DefaultSafeDbA + 1e-9, $"{chip.Name} {ohm} Ω: {atStart:F2} dBA at the safe start");
            if (d.CapDb < 0)
            {
                double louder = BoardAcoustics.LouderEar(worst, d.GainDb, -(d.CapDb + 1), -(d.CapDb + 1))!.Value;
                Assert.IsTrue(louder > PolicyLimits.DefaultLimitDbA - 1e-9 || d.GainStep == BoardProfile.Reference(chip).GainStepCount - 1,
                    $"{chip.Name} {ohm} Ω: the cap {d.CapDb} dB is not the loudest step under the limit ({louder:F2} dBA one step up)");
            }
        }
    }

    /// <summary>S4: the shorted ring of a mono plug reads about 0 Ω; it must not become the measured impedance (a
    /// lower impedance assumes a different worst case). The decision equals the one on the headphone channel alone.</summary>
    [TestMethod]
    public void S4_a_mono_plugs_shorted_ring_is_not_the_measured_impedance()
    {
        foreach (var chip in Chips)
        {
            var mono = new SenseResult { LeftOhm = 32, RightOhm = 0.3, LeftClass = LoadClass.Headphone, RightClass = LoadClass.Short, Class = LoadClass.Mono };
            var (policy, d) = Decide(mono, chip);
            Assert.IsTrue(double.IsNaN(policy.Input.RightOhm), "the ring's reading is dropped");
            Assert.AreEqual(32, policy.LastDecision!.MeasuredOhm, 1e-9);
            var alone = new SenseResult { LeftOhm = 32, RightOhm = double.NaN, LeftClass = LoadClass.Headphone, RightClass = LoadClass.Short, Class = LoadClass.Mono };
            var (_, expected) = Decide(alone, chip);
            Assert.AreEqual(expected.CapDb, d.CapDb);
            Assert.AreEqual(expected.GainStep, d.GainStep);

            var mirrored = new SenseResult { LeftOhm = 0.3, RightOhm = 32, LeftClass = LoadClass.Short, RightClass = LoadClass.Headphone, Class = LoadClass.Mono };
            var (mirrorPolicy, m) = Decide(mirrored, chip);
            Assert.IsTrue(double.IsNaN(mirrorPolicy.Input.LeftOhm), "the ring's reading is dropped on either side");
            Assert.AreEqual(32, mirrorPolicy.LastDecision!.MeasuredOhm, 1e-9);
            Assert.AreEqual(expected.CapDb, m.CapDb);
        }
    }

    /// <summary>S12: a matching profile is offered with its own cap (above the worst-case cap: a less sensitive headphone
    /// than the worst case), never applied by the policy; the offer's cap holds the profile's headphone at the limit.</summary>
    [TestMethod]
    public void S12_a_matching_profile_is_offered_with_its_own_cap_never_applied()
    {
        foreach (var chip in Chips)
        {
            var hd600 = new HeadphoneProfile("HD600", 300, 97, SensitivityUnit.DbPerV);
            var (policy, d) = Decide(Stereo(300), chip, hd600);
            var (_, without) = Decide(Stereo(300), chip);
            Assert.IsTrue(d.MayPlay);
            Assert.IsTrue(d.Offered, chip.Name);
            Assert.AreEqual("HD600", d.OfferName);
            Assert.AreEqual(without.CapDb, d.CapDb, "the cap in force stays the worst case's until the long press");
            Assert.AreEqual(without.GainStep, d.GainStep);
            Assert.IsTrue(d.OfferCapDb > d.CapDb || d.OfferGainStep > d.GainStep, "the profile lifts the cap or the gain");
            Assert.AreEqual(BoardProfile.Reference(chip).GainStepsDb[d.OfferGainStep], d.OfferGainDb);
            var real = new HeadphoneLoad(300, 300, 97);
            double atOfferCap = BoardAcoustics.LouderEar(real, d.OfferGainDb, -d.OfferCapDb, -d.OfferCapDb)!.Value;
            Assert.IsTrue(atOfferCap <= PolicyLimits.DefaultLimitDbA + 1e-9, $"{chip.Name}: {atOfferCap:F2} dBA at the offered cap");
            Assert.AreEqual(policy.LastDecision!.Offer!.CapDb, d.OfferCapDb);

            // 15 % off the profile's impedance: no match, no offer (HeadphoneProfile.MatchTolerance is ±5 %).
            var (_, off) = Decide(Stereo(345), chip, hd600);
            Assert.IsFalse(off.Offered);
            Assert.AreEqual(AttenuatorProfile.MuteDb, off.OfferCapDb);
        }
    }

    /// <summary>A load the policy cannot bring under the safe default even at the deepest step stays silent, with the
    /// reason the controller reports (cap at mute), never played at the chip's deepest step.</summary>
    [TestMethod]
    public void S2_S4_a_load_too_sensitive_for_the_deepest_step_stays_silent_with_its_reason()
    {
        int silent = 0, playing = 0;
        foreach (var chip in Chips)
            for (double ohm = 4; ohm <= 640; ohm *= 1.25)
            {
                var policy = new SafetyCapPolicy(BoardProfile.Reference(chip));
                policy.Input.LimitDbA = PolicyLimits.MinLimitDbA;
                policy.Input.SafeDefaultDbA = PolicyLimits.MinSafeDbA;
                var d = new GainDecision();
                policy.Decide(Stereo(ohm), d);
                var full = policy.LastDecision!;
                bool muteCap = full.Muted || full.CapDb == AttenuatorProfile.MuteDb || full.SafeStartDb == AttenuatorProfile.MuteDb;
                Assert.AreEqual(!muteCap, d.MayPlay, $"{chip.Name} {ohm:F1} Ω");
                if (!d.MayPlay)
                {
                    silent++;
                    Assert.AreEqual(full.HasReason(ReasonCodes.CapMute) ? ReasonCodes.CapMute : ReasonCodes.SafeStart, d.SilentReason);
                    Assert.IsFalse(d.Offered);
                    continue;
                }
                playing++;
                var worst = new HeadphoneLoad(ohm, ohm, full.AssumedSensitivityDbPerV);
                double atStart = BoardAcoustics.LouderEar(worst, d.GainDb, -d.SafeStartDb, -d.SafeStartDb)!.Value;
                Assert.IsTrue(atStart <= PolicyLimits.MinSafeDbA + 1e-9, $"{chip.Name} {ohm:F1} Ω: {atStart:F2} dBA at the safe start");
            }
        Assert.IsTrue(silent > 0 && playing > 0, $"{silent} silent and {playing} playing loads: both sides of the rule are exercised");
    }
}
