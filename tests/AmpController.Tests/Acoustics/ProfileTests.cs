using System;
using AmpController.Core.Acoustics;
using AmpController.Core.Sensing;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

/// <summary>
/// Stored profiles (issue 19, docs/design.md §4 S2 and S12): matched within ±5 % on both channels and between them,
/// only ever OFFERED: the decision is the worst-case one whatever matches; the offer carries the profile's gain and cap.
/// </summary>
[TestClass]
public class ProfileTests
{
    // Profiles store the impedance the amplifier measures (HeadphoneProfile).
    static readonly HeadphoneProfile Hd600 = new("HD600", 290, 97, SensitivityUnit.DbPerV);
    static readonly HeadphoneProfile Dt770 = new("DT770-250", 280, 96, SensitivityUnit.DbPerMw);

    static PolicyInput Input(double left, double right, params HeadphoneProfile[] profiles)
    {
        var input = PolicyInput.ForSense(new SenseResult { LeftOhm = left, RightOhm = right, Class = LoadClass.Headphone });
        input.Profiles = profiles;
        return input;
    }

    static PolicyDecision Decide(double left, double right, params HeadphoneProfile[] profiles) =>
        SafetyPolicy.Decide(Input(left, right, profiles));

    static PolicyDecision WorstCase(double left, double right, double limit = PolicyLimits.DefaultLimitDbA)
    {
        var input = Input(left, right);
        input.LimitDbA = limit;
        return SafetyPolicy.Decide(input);
    }

    [TestMethod]
    [DataRow(275.5, true)]   // 0.95 × 290
    [DataRow(290.0, true)]
    [DataRow(304.5, true)]   // 1.05 × 290
    [DataRow(275.4, false)]
    [DataRow(304.6, false)]
    [DataRow(246.5, false)]  // 0.85 × 290: the old 0.80–1.10 window let this in
    [DataRow(double.NaN, false)]
    public void A_channel_matches_within_plus_minus_5_percent_of_the_stored_impedance(double measured, bool matches)
    {
        Assert.AreEqual(matches, Hd600.Matches(measured));
    }

    [TestMethod]
    [DataRow(290.0, 290.0, true)]
    [DataRow(280.0, 294.0, true)]    // 294 / 280 = 1.05
    [DataRow(277.0, 300.0, false)]   // each within 5 % of 290, but 300 / 277 = 1.083 apart
    [DataRow(290.0, 32.0, false)]
    public void Both_channels_must_match_the_profile_and_each_other(double left, double right, bool matches)
    {
        Assert.AreEqual(matches, Hd600.MatchesBoth(left, right));
        Assert.AreEqual(matches, Decide(left, right, Hd600).Offer != null);
    }

    [TestMethod]
    public void S2_S12_a_matching_profile_is_offered_and_the_decision_stays_the_worst_case()
    {
        var d = Decide(288, 292, Hd600);
        var worst = WorstCase(288, 292);
        Assert.AreEqual(SensitivitySource.WorstCase, d.Source);
        Assert.IsFalse(d.SensitivityKnown);
        Assert.AreEqual(worst.AssumedSensitivityDbPerV, d.AssumedSensitivityDbPerV, 1e-12);
        Assert.AreEqual(worst.GainDb, d.GainDb);
        Assert.AreEqual(worst.CapDb, d.CapDb);
        Assert.AreEqual(worst.SafeStartDb, d.SafeStartDb);
        Assert.IsNotNull(d.Offer);
        Assert.AreEqual("HD600", d.Offer.ProfileName);
        Assert.AreEqual(97.0, d.Offer.DbPerV, 1e-9);
        Assert.IsTrue(d.Offer.MaxTotalGainDb > d.MaxTotalGainDb, "an offer gives more room than the worst case");
        Assert.IsTrue(d.HasReason(ReasonCodes.ProfileMatch));
        // HD 600 at 290 ohm: 97 dB/V needs gain 0 dB (2 Vrms full scale = 103.0 dBA, programme 93.0 dBA at 0 dB): the
        // 85 dBA limit is -8.0 dB, rounded toward safety to -9 dB = 84.0 dBA with the profile's sensitivity.
        Assert.AreEqual(0, d.Offer.GainDb);
        Assert.AreEqual(-9, d.Offer.CapDb);
        Assert.AreEqual(84.0, d.Offer.SplAtCapDbA, 0.05);
        Assert.AreEqual(VolumeCap.ProgrammeLevelDbA(BoardProfile.Reference(), d.AssumedSensitivityDbPerV, 0, -9), d.Offer.WorstCaseSplAtCapDbA, 1e-9);
    }

    [TestMethod]
    public void S4_an_offer_reaches_the_limit_with_the_profiles_sensitivity_and_never_passes_it_property()
    {
        Gen.Select(Gen.Double[8, 700], Gen.Double[70, 130], Gen.Double[60, 100], Gen.Double[0.96, 1.04])
            .Sample((ohm, dbPerMw, limit, reading) =>
            {
                var profile = new HeadphoneProfile("p", ohm, dbPerMw, SensitivityUnit.DbPerMw);
                var input = Input(ohm * reading, ohm * reading, profile);
                input.LimitDbA = limit;
                var d = SafetyPolicy.Decide(input);
                var worst = WorstCase(ohm * reading, ohm * reading, limit);
                Assert.AreEqual(worst.MaxTotalGainDb, d.MaxTotalGainDb, "the decision never depends on a profile");
                Assert.AreEqual(worst.SafeStartDb, d.SafeStartDb);
                if (d.Offer == null) return;
                Assert.AreEqual(profile.DbPerV, d.Offer.DbPerV, 1e-9);
                Assert.IsTrue(d.Offer.SplAtCapDbA <= limit + 1e-9, $"{d.Offer.SplAtCapDbA} > {limit}");
                Assert.IsTrue(d.Offer.SplAtCapDbA > limit - 1 || d.Offer.CapDb == 0, "within one 1 dB step of the limit");
                Assert.IsTrue(d.Offer.MaxTotalGainDb > d.MaxTotalGainDb);
            }, iter: 3000);
    }

    [TestMethod]
    public void A_profile_that_allows_no_more_than_the_worst_case_is_not_offered()
    {
        var sensitive = new HeadphoneProfile("loud", 290, 170, SensitivityUnit.DbPerV);
        var d = Decide(290, 290, sensitive);
        Assert.IsNull(d.Offer);
        Assert.IsTrue(d.HasReason(ReasonCodes.ProfileNoGain));
    }

    [TestMethod]
    public void No_match_offers_nothing()
    {
        var d = Decide(32, 32, Hd600);
        Assert.AreEqual(SensitivitySource.WorstCase, d.Source);
        Assert.IsNull(d.Offer);
        Assert.IsTrue(d.HasReason(ReasonCodes.ProfileNoMatch));
        Assert.AreEqual(WorstCaseSensitivity.DbPerVForMeasuredOhm(32), d.AssumedSensitivityDbPerV, 1e-9);
    }

    [TestMethod]
    public void Ambiguous_match_offers_the_most_sensitive_profile()
    {
        // At 285 ohm both match: HD600 97 dB/V, DT770 96 dB/mW at 280 ohm = 101.5 dB/V.
        var d = Decide(285, 285, Hd600, Dt770);
        Assert.AreEqual("DT770-250", d.Offer!.ProfileName);
        Assert.AreEqual(96 + 10 * Math.Log10(1000 / 280.0), d.Offer.DbPerV, 1e-9);
        Assert.IsTrue(d.HasReason(ReasonCodes.ProfileAmbiguous));
    }

    [TestMethod]
    public void Invalid_profiles_are_never_offered()
    {
        var bad = new HeadphoneProfile("typo", 290, double.NaN, SensitivityUnit.DbPerV);
        var zero = new HeadphoneProfile("zero", 0, 97, SensitivityUnit.DbPerV);
        Assert.IsFalse(bad.IsValid);
        Assert.IsFalse(zero.IsValid);
        Assert.IsNull(Decide(290, 290, bad, zero, null!).Offer);
    }

    [TestMethod]
    public void A_stated_sensitivity_is_used_and_no_profile_is_offered_beside_it()
    {
        var input = PolicyInput.ForHeadphone(290);
        input.Profiles = new[] { Hd600 };
        input.SetKnownSensitivity(103, SensitivityUnit.DbPerV);
        var known = SafetyPolicy.Decide(input);
        Assert.AreEqual(SensitivitySource.Known, known.Source);
        Assert.IsNull(known.Offer);
        input.SetKnownSensitivity(double.NaN, SensitivityUnit.DbPerV);
        var d = SafetyPolicy.Decide(input);
        Assert.IsTrue(d.HasReason(ReasonCodes.SensInvalid));
        Assert.AreEqual(SensitivitySource.WorstCase, d.Source);
        Assert.AreEqual("HD600", d.Offer!.ProfileName);
    }

    [TestMethod]
    [DataRow(LoadClass.Mono)]
    [DataRow(LoadClass.Line)]
    [DataRow(LoadClass.Uncertain)]
    public void S7_an_unconfirmed_load_is_never_offered_a_profile(LoadClass c)
    {
        var input = PolicyInput.ForSense(new SenseResult { LeftOhm = 290, RightOhm = 290, Class = c });
        input.Profiles = new[] { Hd600 };
        Assert.IsNull(SafetyPolicy.Decide(input).Offer);
    }
}
