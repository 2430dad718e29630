using AmpController.Core.Acoustics;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

[TestClass]
public class ProfileTests
{
    static readonly HeadphoneProfile Hd600 = new("HD600", 300, 97, SensitivityUnit.DbPerV);
    static readonly HeadphoneProfile Dt770 = new("DT770-250", 250, 96, SensitivityUnit.DbPerMw);

    static PolicyDecision Decide(double left, double right, params HeadphoneProfile[] profiles)
    {
        var input = PolicyInput.ForSense(new SenseResult { LeftOhm = left, RightOhm = right, Class = LoadClass.Headphone });
        input.Profiles = profiles;
        return SafetyPolicy.Decide(input);
    }

    [TestMethod]
    [DataRow(240.0, true)]   // 0.80 × nominal
    [DataRow(255.0, true)]   // DC 0.85 × nominal (dynamic driver)
    [DataRow(300.0, true)]
    [DataRow(330.0, true)]   // 1.10 × nominal
    [DataRow(239.0, false)]
    [DataRow(331.0, false)]
    [DataRow(double.NaN, false)]
    public void Profile_matches_within_0_80_to_1_10_of_nominal(double measured, bool matches)
    {
        Assert.AreEqual(matches, Hd600.Matches(measured));
    }

    [TestMethod]
    public void Matching_profile_is_used_and_named_in_the_reasons()
    {
        var d = Decide(262, 264, Hd600);
        Assert.AreEqual(SensitivitySource.Profile, d.Source);
        Assert.IsTrue(d.SensitivityKnown);
        Assert.AreEqual("HD600", d.ProfileName);
        Assert.AreEqual(97.0, d.AssumedSensitivityDbPerV, 1e-9);
        Assert.IsTrue(d.HasReason(ReasonCodes.ProfileMatch));
        Assert.AreEqual(0, d.GainDb);
    }

    [TestMethod]
    public void No_match_falls_back_to_the_worst_case()
    {
        var d = Decide(32, 32, Hd600);
        Assert.AreEqual(SensitivitySource.WorstCase, d.Source);
        Assert.IsTrue(d.HasReason(ReasonCodes.ProfileNoMatch));
        Assert.IsTrue(d.HasReason(ReasonCodes.SensWorstCase));
        Assert.AreEqual(WorstCaseSensitivity.DbPerVForMeasuredOhm(32), d.AssumedSensitivityDbPerV, 1e-9);
    }

    [TestMethod]
    public void Both_channels_must_match()
    {
        Assert.AreEqual(SensitivitySource.WorstCase, Decide(300, 32, Hd600).Source);
        Assert.AreEqual(SensitivitySource.Profile, Decide(300, double.NaN, Hd600).Source);
    }

    [TestMethod]
    public void Ambiguous_match_takes_the_most_sensitive_profile()
    {
        // At 260 ohm both match: HD600 97 dB/V, DT770 96 dB/mW at 250 ohm = 102.0 dB/V.
        var d = Decide(260, 260, Hd600, Dt770);
        Assert.AreEqual("DT770-250", d.ProfileName);
        Assert.AreEqual(102.0, d.AssumedSensitivityDbPerV, 0.05);
        Assert.IsTrue(d.HasReason(ReasonCodes.ProfileAmbiguous));
    }

    [TestMethod]
    public void Invalid_profiles_are_never_used()
    {
        var bad = new HeadphoneProfile("typo", 300, double.NaN, SensitivityUnit.DbPerV);
        var zero = new HeadphoneProfile("zero", 0, 97, SensitivityUnit.DbPerV);
        Assert.IsFalse(bad.IsValid);
        Assert.IsFalse(zero.IsValid);
        Assert.AreEqual(SensitivitySource.WorstCase, Decide(300, 300, bad, zero, null!).Source);
    }

    [TestMethod]
    public void Stated_sensitivity_wins_over_profiles_and_invalid_one_is_ignored()
    {
        var input = PolicyInput.ForHeadphone(300);
        input.Profiles = new[] { Hd600 };
        input.SetKnownSensitivity(103, SensitivityUnit.DbPerV);
        Assert.AreEqual(SensitivitySource.Known, SafetyPolicy.Decide(input).Source);
        input.SetKnownSensitivity(double.NaN, SensitivityUnit.DbPerV);
        var d = SafetyPolicy.Decide(input);
        Assert.IsTrue(d.HasReason(ReasonCodes.SensInvalid));
        Assert.AreEqual(SensitivitySource.Profile, d.Source);
    }
}
