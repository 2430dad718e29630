using AmpController.Core.Acoustics;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

/// <summary>Decision-level edges of SafetyPolicy.Decide found by mutation testing: clamps, reason codes, S7 maximum, advice.</summary>
[TestClass]
public class SafetyPolicyEdgeTests
{
    static PolicyDecision Decide(double ohm, double limit = PolicyLimits.DefaultLimitDbA, double safe = PolicyLimits.DefaultSafeDbA)
    {
        var input = PolicyInput.ForHeadphone(ohm);
        input.LimitDbA = limit;
        input.SafeDefaultDbA = safe;
        return SafetyPolicy.Decide(input);
    }

    [TestMethod]
    public void S4_limit_clamp_reports_default_user_and_clamped()
    {
        var def = Decide(32);
        Assert.AreEqual(85.0, def.LimitDbA);
        Assert.IsTrue(def.HasReason(ReasonCodes.LimitDefault));
        Assert.IsFalse(def.HasReason(ReasonCodes.LimitClamped));

        var max = Decide(32, 100.0);                       // exactly the maximum is kept and not reported as clamped
        Assert.AreEqual(100.0, max.LimitDbA);
        Assert.IsTrue(max.HasReason(ReasonCodes.LimitUser));
        Assert.IsFalse(max.HasReason(ReasonCodes.LimitClamped));

        var above = Decide(32, 100.5);
        Assert.AreEqual(100.0, above.LimitDbA);
        Assert.IsTrue(above.HasReason(ReasonCodes.LimitClamped));

        var none = Decide(32, double.NaN);
        Assert.AreEqual(85.0, none.LimitDbA);
        Assert.IsTrue(none.HasReason(ReasonCodes.LimitClamped));

        var inf = Decide(32, double.PositiveInfinity);
        Assert.AreEqual(85.0, inf.LimitDbA);
    }

    [TestMethod]
    public void S2_safe_default_is_capped_at_80_never_raised_and_defaults_to_70()
    {
        var at80 = Decide(300, safe: 80.0);
        Assert.AreEqual(80.0, at80.SafeDefaultDbA);
        Assert.IsFalse(at80.HasReason(ReasonCodes.SafeDefaultClamped));
        Assert.IsFalse(at80.HasReason(ReasonCodes.LimitClamped));

        var above = Decide(300, safe: 90.0);
        Assert.AreEqual(80.0, above.SafeDefaultDbA);
        Assert.IsTrue(above.HasReason(ReasonCodes.SafeDefaultClamped));

        var low = Decide(300, safe: 50.0);
        Assert.AreEqual(50.0, low.SafeDefaultDbA);
        Assert.IsFalse(low.HasReason(ReasonCodes.SafeDefaultClamped));
        Assert.IsTrue(low.SplAtSafeStartDbA <= 50.0);

        Assert.AreEqual(70.0, Decide(300, safe: double.NaN).SafeDefaultDbA);
    }

    [TestMethod]
    public void S2_safe_start_is_the_lower_of_the_safe_default_step_and_the_cap()
    {
        var d = Decide(300, limit: 65, safe: 80);          // the cap is quieter than the safe default
        Assert.AreEqual(d.CapDb, d.SafeStartDb);
        Assert.IsTrue(d.HasReason(ReasonCodes.SafeStart));

        var e = Decide(300, limit: 85, safe: 60);          // the safe default is quieter than the cap
        Assert.IsTrue(e.SafeStartDb < e.CapDb);
        Assert.IsTrue(e.SplAtSafeStartDbA <= 60.0 && e.SplAtSafeStartDbA > 59.0);
    }

    [TestMethod]
    public void Cap_reason_is_full_only_when_0_dB_stays_below_the_limit()
    {
        var full = Decide(600, limit: 100);                // an insensitive worst case at 100 dBA: no attenuation needed
        if (full.CapDb == 0 && full.SplAtCapDbA < full.LimitDbA)
        {
            Assert.IsTrue(full.HasReason(ReasonCodes.CapFull));
            Assert.IsFalse(full.HasReason(ReasonCodes.CapLimit));
        }
        var capped = Decide(32);
        Assert.IsTrue(capped.CapDb < 0);
        Assert.IsTrue(capped.HasReason(ReasonCodes.CapLimit));
        Assert.IsFalse(capped.HasReason(ReasonCodes.CapFull));
    }

    [TestMethod]
    public void Gain_reason_names_the_step_iem_mid_high_or_lowest_unconfirmed()
    {
        var iem = Decide(16);                              // worst case at 16 Ω is an IEM: −20 dB
        Assert.AreEqual(0, iem.GainStep);
        Assert.IsTrue(iem.HasReason(ReasonCodes.GainIem));
        Assert.IsFalse(iem.HasReason(ReasonCodes.GainMid) || iem.HasReason(ReasonCodes.GainHigh));

        var hd600 = PolicyInput.ForHeadphone(300);
        hd600.SetKnownSensitivity(97, SensitivityUnit.DbPerV);
        var mid = SafetyPolicy.Decide(hd600);
        Assert.AreEqual(1, mid.GainStep);
        Assert.IsTrue(mid.HasReason(ReasonCodes.GainMid));
        Assert.IsFalse(mid.HasReason(ReasonCodes.GainIem) || mid.HasReason(ReasonCodes.GainHigh));

        var planar = PolicyInput.ForHeadphone(50);
        planar.SetKnownSensitivity(83, SensitivityUnit.DbPerMw);
        planar.LimitDbA = 100;
        var high = SafetyPolicy.Decide(planar);
        Assert.AreEqual(2, high.GainStep);
        Assert.IsTrue(high.HasReason(ReasonCodes.GainHigh));
        Assert.IsFalse(high.HasReason(ReasonCodes.GainMid));

        var mono = PolicyInput.ForSense(new SenseResult { Class = LoadClass.Mono, LeftOhm = 300, RightOhm = 300 });
        var unconfirmed = SafetyPolicy.Decide(mono);
        Assert.IsTrue(unconfirmed.HasReason(ReasonCodes.GainLowestUnconfirmed));
        Assert.IsFalse(unconfirmed.HasReason(ReasonCodes.GainIem));
    }

    [TestMethod]
    public void S7_unconfirmed_keeps_a_stated_sensitivity_that_is_above_the_global_worst_case()
    {
        double louder = WorstCaseSensitivity.GlobalMaxDbPerV + 20;
        var input = PolicyInput.ForSense(new SenseResult { Class = LoadClass.Mono, LeftOhm = 32, RightOhm = double.NaN });
        input.SetKnownSensitivity(louder, SensitivityUnit.DbPerV);
        var d = SafetyPolicy.Decide(input);
        Assert.AreEqual(louder, d.AssumedSensitivityDbPerV, 1e-9);
        Assert.AreEqual(SensitivitySource.Unconfirmed, d.Source);
        Assert.AreEqual(0, d.GainStep);
    }

    [TestMethod]
    public void S7_unconfirmed_stays_at_the_lowest_gain_even_when_it_cannot_reach_the_limit()
    {
        var board = BoardProfile.Reference();
        board.SourceFullScaleVrms = 0.001;                // a weak source: no gain step reaches 100 dBA
        var input = PolicyInput.ForSense(new SenseResult { Class = LoadClass.Mono, LeftOhm = 32, RightOhm = 32 });
        input.Board = board;
        input.LimitDbA = 100;
        var d = SafetyPolicy.Decide(input);
        Assert.AreEqual(0, d.GainStep);
        Assert.AreEqual(-20, d.GainDb);
        Assert.IsFalse(d.ReachesLimit);
        Assert.AreEqual(2, GainChoice.Choose(board, d.AssumedSensitivityDbPerV, 32, 100).Step); // a confirmed one would go up
    }

    [TestMethod]
    public void Stated_sensitivity_in_dB_per_mW_needs_a_measured_impedance_else_the_worst_case_applies()
    {
        var input = PolicyInput.ForHeadphone(double.NaN);
        input.SetKnownSensitivity(100, SensitivityUnit.DbPerMw);
        var d = SafetyPolicy.Decide(input);
        Assert.AreEqual(SensitivitySource.WorstCase, d.Source);
        Assert.IsTrue(d.HasReason(ReasonCodes.SensInvalid));
        Assert.AreEqual(WorstCaseSensitivity.DbPerVForMeasuredOhm(double.NaN), d.AssumedSensitivityDbPerV, 1e-9);

        var dbPerV = PolicyInput.ForHeadphone(double.NaN);
        dbPerV.SetKnownSensitivity(100, SensitivityUnit.DbPerV);
        var k = SafetyPolicy.Decide(dbPerV);
        Assert.AreEqual(SensitivitySource.Known, k.Source);
        Assert.AreEqual(100.0, k.AssumedSensitivityDbPerV, 1e-12);
        Assert.IsFalse(k.HasReason(ReasonCodes.SensInvalid));
    }

    [TestMethod]
    public void Measured_impedance_is_the_lower_positive_finite_channel()
    {
        Assert.AreEqual(30.0, Input(30, 40).MeasuredOhm);
        Assert.AreEqual(30.0, Input(40, 30).MeasuredOhm);
        Assert.AreEqual(40.0, Input(double.NaN, 40).MeasuredOhm);
        Assert.AreEqual(40.0, Input(40, double.NaN).MeasuredOhm);
        Assert.AreEqual(40.0, Input(0, 40).MeasuredOhm);
        Assert.AreEqual(40.0, Input(40, -1).MeasuredOhm);
        Assert.AreEqual(40.0, Input(double.PositiveInfinity, 40).MeasuredOhm);
        Assert.IsTrue(double.IsNaN(Input(double.NaN, 0).MeasuredOhm));
    }

    static PolicyInput Input(double left, double right) =>
        PolicyInput.ForSense(new SenseResult { Class = LoadClass.Headphone, LeftOhm = left, RightOhm = right });

    [TestMethod]
    public void S12_a_profile_needs_both_channels_read_and_is_never_offered_on_one_or_none()
    {
        var hd600 = new HeadphoneProfile("HD600", 290, 97, SensitivityUnit.DbPerV);
        foreach (var (l, r) in new[] { (double.NaN, 290.0), (290.0, double.NaN), (double.NaN, double.NaN) })
        {
            var one = Input(l, r);
            one.Profiles = new[] { hd600 };
            var d = SafetyPolicy.Decide(one);
            Assert.IsNull(d.Offer, $"{l}/{r}");
            Assert.AreEqual(SensitivitySource.WorstCase, d.Source);
            Assert.IsTrue(d.HasReason(ReasonCodes.ProfileNoMatch));
        }

        var empty = Input(290, 290);
        empty.Profiles = new HeadphoneProfile[0];
        var e = SafetyPolicy.Decide(empty);
        Assert.IsNull(e.Offer);
        Assert.IsFalse(e.HasReason(ReasonCodes.ProfileNoMatch));

        var withNull = Input(290, 290);
        withNull.Profiles = new HeadphoneProfile[] { null!, hd600 };
        var n = SafetyPolicy.Decide(withNull);
        Assert.AreEqual("HD600", n.Offer!.ProfileName);
        Assert.AreEqual(SensitivitySource.WorstCase, n.Source, "an offer never changes the decision itself");
        Assert.IsFalse(n.HasReason(ReasonCodes.ProfileAmbiguous));
    }

    [TestMethod]
    public void Advice_dedicated_amp_only_for_a_known_sensitivity_and_damping_warning_below_8x()
    {
        var hd600 = PolicyInput.ForHeadphone(300);
        hd600.SetKnownSensitivity(97, SensitivityUnit.DbPerV);       // 91.8 dB/mW
        var d = SafetyPolicy.Decide(hd600);
        Assert.IsTrue(d.NeedsDedicatedAmp);
        Assert.IsTrue(d.HasReason(ReasonCodes.NeedsDedicatedAmp));
        Assert.AreEqual(3000.0, d.DampingFactor, 1e-9);
        Assert.IsFalse(d.HasReason(ReasonCodes.DampingLow));

        var worst = Decide(300);                                      // assumed, not known: no amplifier advice
        Assert.IsFalse(worst.NeedsDedicatedAmp);
        Assert.IsFalse(worst.HasReason(ReasonCodes.NeedsDedicatedAmp));

        var iem = PolicyInput.ForHeadphone(16);
        iem.SetKnownSensitivity(110, SensitivityUnit.DbPerMw);
        var i = SafetyPolicy.Decide(iem);
        Assert.IsFalse(i.NeedsDedicatedAmp);
        Assert.IsFalse(i.HasReason(ReasonCodes.NeedsDedicatedAmp));

        var board = BoardProfile.Reference();
        board.OutputImpedanceOhm = 4.0;                               // 16 Ω on a 4 Ω output: factor 4
        var low = PolicyInput.ForHeadphone(16);
        low.Board = board;
        var l = SafetyPolicy.Decide(low);
        Assert.AreEqual(4.0, l.DampingFactor, 1e-12);
        Assert.IsTrue(l.HasReason(ReasonCodes.DampingLow));

        var unmeasured = SafetyPolicy.Decide(PolicyInput.ForHeadphone(double.NaN));
        Assert.IsTrue(double.IsNaN(unmeasured.DampingFactor));
        Assert.IsFalse(unmeasured.HasReason(ReasonCodes.DampingLow));
    }

    [TestMethod]
    public void Hiss_flag_follows_the_10_dBA_threshold()
    {
        var iem = Decide(16);                                         // very sensitive worst case: hiss audible
        Assert.AreEqual(iem.HissDbA > PolicyLimits.HissAudibleDbA, iem.HissAudible);
        Assert.AreEqual(iem.HissAudible, iem.HasReason(ReasonCodes.HissAudible));
        var hd600 = PolicyInput.ForHeadphone(300);
        hd600.SetKnownSensitivity(97, SensitivityUnit.DbPerV);
        var quiet = SafetyPolicy.Decide(hd600);
        Assert.IsTrue(quiet.HissDbA < PolicyLimits.HissAudibleDbA);
        Assert.IsFalse(quiet.HissAudible);
        Assert.IsFalse(quiet.HasReason(ReasonCodes.HissAudible));
        Assert.IsTrue(iem.HissAudible);
    }

    [TestMethod]
    public void S7_muted_decisions_use_the_lowest_gain_and_no_level()
    {
        var input = PolicyInput.ForSense(new SenseResult { Class = LoadClass.Short, LeftOhm = 0.5, RightOhm = 0.5 });
        var d = SafetyPolicy.Decide(input);
        Assert.IsTrue(d.Muted);
        Assert.AreEqual(0, d.GainStep);
        Assert.AreEqual(-20, d.GainDb);
        Assert.AreEqual(AttenuatorProfile.MuteDb, d.MaxTotalGainDb);
        Assert.AreEqual(double.NegativeInfinity, d.SplAtCapDbA);
        Assert.AreEqual(double.NegativeInfinity, d.SplAtSafeStartDbA);
        Assert.IsTrue(d.HasReason(ReasonCodes.LoadShort));
        Assert.IsFalse(d.HasReason(ReasonCodes.LoadOpen));

        var nullBoard = PolicyInput.ForHeadphone(32);
        nullBoard.Board = null!;
        Assert.AreEqual(Decide(32).CapDb, SafetyPolicy.Decide(nullBoard).CapDb);
    }
}
