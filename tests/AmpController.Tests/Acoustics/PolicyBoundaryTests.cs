using AmpController.Core.Acoustics;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

/// <summary>
/// Edge values of the policy found by mutation testing (tests/mutation/stryker-policy.json). A board with a 1.0 Vrms
/// source and a 0 dB gain step makes the arithmetic exact: at 100 dB/V the programme at 0 dB is exactly 90 dBA and
/// full scale is exactly 1.0 Vrms, so the "≥ / >" and "floor / ceiling" boundaries can be hit on the dot.
/// </summary>
[TestClass]
public class PolicyBoundaryTests
{
    static BoardProfile ExactBoard()
    {
        var b = BoardProfile.Reference();
        b.SourceFullScaleVrms = 1.0;
        return b;
    }

    [TestMethod]
    public void S4_cap_step_rounds_toward_safety_and_reaches_exactly_the_deepest_step()
    {
        var b = ExactBoard();
        Assert.AreEqual(90.0, VolumeCap.ProgrammeLevelDbA(b, 100, 0, 0), 1e-12);
        Assert.AreEqual(0, VolumeCap.StepForLevel(b, 100, 0, 90.0));      // exactly at the limit: full volume
        Assert.AreEqual(0, VolumeCap.StepForLevel(b, 100, 0, 95.0));
        Assert.AreEqual(-1, VolumeCap.StepForLevel(b, 100, 0, 89.5));     // −0.5 dB of room rounds down, never up
        Assert.AreEqual(-62, VolumeCap.StepForLevel(b, 100, 0, 28.0));    // exactly the DS1882's deepest step
        Assert.AreEqual(AttenuatorProfile.MuteDb, VolumeCap.StepForLevel(b, 100, 0, 27.5));
        Assert.AreEqual(AttenuatorProfile.MuteDb, VolumeCap.StepForLevel(b, 100, 0, double.NaN));
        Assert.AreEqual(double.NegativeInfinity, VolumeCap.ProgrammeLevelDbA(b, 100, 0, AttenuatorProfile.MuteDb));
    }

    [TestMethod]
    public void S2_quieter_takes_the_lower_setting_and_mute_is_below_every_step()
    {
        Assert.AreEqual(-5, VolumeCap.Quieter(-5, -3));
        Assert.AreEqual(-5, VolumeCap.Quieter(-3, -5));
        Assert.AreEqual(AttenuatorProfile.MuteDb, VolumeCap.Quieter(0, AttenuatorProfile.MuteDb));
    }

    [TestMethod]
    public void Gain_choice_takes_a_step_that_reaches_the_limit_exactly_and_flags_clean_peaks_at_equality()
    {
        var b = ExactBoard();
        // 100 dB/V, limit 90 dBA: full scale must be 100 dB SPL = exactly 1.0 Vrms, which the 0 dB step gives.
        var c = GainChoice.Choose(b, 100, 4.0, 90);
        Assert.AreEqual(1.0, c.NeededFullScaleVrms, 1e-12);
        Assert.AreEqual(1, c.Step);
        Assert.AreEqual(0, c.GainDb);
        Assert.IsTrue(c.ReachesLimit);
        Assert.AreEqual(1.0, c.CleanOutputVrms, 1e-12);                   // 250 mA × 4 Ω
        Assert.IsTrue(c.CleanPeaks);
        Assert.IsFalse(GainChoice.Choose(b, 100, 3.9, 90).CleanPeaks);    // current limit below the need
    }

    [TestMethod]
    public void Gain_choice_lowest_step_when_it_suffices_and_last_step_when_nothing_does()
    {
        var b = ExactBoard();
        var iem = GainChoice.Choose(b, 120, 32, 90);                      // needs 0.1 Vrms: −20 dB gives exactly that
        Assert.AreEqual(0, iem.Step);
        Assert.AreEqual(-20, iem.GainDb);
        Assert.IsTrue(iem.ReachesLimit);

        var planar = GainChoice.Choose(b, 80, 32, 100);                   // needs 31.6 Vrms: even +12 dB gives 4 Vrms
        Assert.AreEqual(2, planar.Step);
        Assert.AreEqual(12, planar.GainDb);
        Assert.IsFalse(planar.ReachesLimit);
        Assert.IsFalse(planar.CleanPeaks);
    }

    [TestMethod]
    public void S7_lowest_gain_reports_whether_the_lowest_step_reaches_the_limit()
    {
        var b = ExactBoard();
        var exact = GainChoice.Lowest(b, 120, 32, 90);                    // −20 dB gives exactly the needed 0.1 Vrms
        Assert.AreEqual(0, exact.Step);
        Assert.AreEqual(-20, exact.GainDb);
        Assert.IsTrue(exact.ReachesLimit);

        var low = GainChoice.Lowest(b, 100, 32, 90);                      // needs 1.0 Vrms; −20 dB gives 0.1
        Assert.AreEqual(0, low.Step);
        Assert.AreEqual(-20, low.GainDb);
        Assert.IsFalse(low.ReachesLimit);
    }

    [TestMethod]
    public void S4_worst_case_table_lookup_includes_each_band_top_and_holds_flat_outside_the_table()
    {
        Assert.AreEqual(119.0, WorstCaseSensitivity.MaxEfficiencyDbPerMwAtOrAbove(36.0), 1e-12);
        Assert.AreEqual(108.5, WorstCaseSensitivity.MaxEfficiencyDbPerMwAtOrAbove(36.01), 1e-12);
        Assert.AreEqual(108.5, WorstCaseSensitivity.MaxEfficiencyDbPerMwAtOrAbove(70.0), 1e-12);
        Assert.AreEqual(96.0, WorstCaseSensitivity.MaxEfficiencyDbPerMwAtOrAbove(600.0), 1e-12);
        Assert.AreEqual(96.0, WorstCaseSensitivity.MaxEfficiencyDbPerMwAtOrAbove(5000.0), 1e-12);

        double floor = WorstCaseSensitivity.DbPerVForMeasuredOhm(0.1);
        Assert.AreEqual(floor, WorstCaseSensitivity.DbPerVForMeasuredOhm(0.01), 1e-12);      // below the floor
        Assert.AreEqual(floor, WorstCaseSensitivity.DbPerVForMeasuredOhm(double.NaN), 1e-12); // unmeasured: loudest
        double holdFrom = 600.0 / (WorstCaseSensitivity.LowestNominalPerDc * WorstCaseSensitivity.EfficiencySpread);
        Assert.AreEqual(WorstCaseSensitivity.DbPerVForMeasuredOhm(holdFrom),
            WorstCaseSensitivity.DbPerVForMeasuredOhm(holdFrom * 4), 1e-12);
        Assert.IsTrue(WorstCaseSensitivity.DbPerVForMeasuredOhm(holdFrom / 2) > WorstCaseSensitivity.DbPerVForMeasuredOhm(holdFrom));
        // 32 Ω: nominal ≥ 16 Ω, efficiency of models ≥ 8 Ω (119 dB/mW), converted at 16 Ω, plus 6 dB.
        Assert.AreEqual(119.0 + 10 * System.Math.Log10(1000.0 / 16) + 6, WorstCaseSensitivity.DbPerVForMeasuredOhm(32), 1e-9);
    }

    [TestMethod]
    public void Profile_validity_and_usable_sensitivity_edges()
    {
        Assert.IsTrue(PolicyLimits.IsUsableSensitivity(40.0));
        Assert.IsFalse(PolicyLimits.IsUsableSensitivity(39.9));
        Assert.IsTrue(PolicyLimits.IsUsableSensitivity(300.0));                       // too high is quieter: used
        Assert.IsFalse(PolicyLimits.IsUsableSensitivity(double.PositiveInfinity));
        Assert.IsFalse(PolicyLimits.IsUsableSensitivity(double.NaN));

        Assert.IsTrue(new HeadphoneProfile("a", 32, 100, SensitivityUnit.DbPerMw).IsValid);
        Assert.IsFalse(new HeadphoneProfile("zero", 0, 100, SensitivityUnit.DbPerMw).IsValid);
        Assert.IsFalse(new HeadphoneProfile("neg", -32, 100, SensitivityUnit.DbPerMw).IsValid);
        Assert.IsFalse(new HeadphoneProfile("inf", double.PositiveInfinity, 100, SensitivityUnit.DbPerMw).IsValid);
        Assert.IsFalse(new HeadphoneProfile("low", 32, 39, SensitivityUnit.DbPerMw).IsValid);
        Assert.IsFalse(new HeadphoneProfile("low", 32, 39, SensitivityUnit.DbPerMw).Matches(32));
        Assert.AreEqual("", new HeadphoneProfile(null!, 32, 100, SensitivityUnit.DbPerV).Name);
        Assert.AreEqual(100 + 10 * System.Math.Log10(1000.0 / 32), new HeadphoneProfile("a", 32, 100, SensitivityUnit.DbPerMw).DbPerV, 1e-9);
        Assert.AreEqual(100.0, new HeadphoneProfile("a", 32, 100, SensitivityUnit.DbPerV).DbPerV, 1e-12);
    }

    [TestMethod]
    public void Frequency_response_error_is_nan_for_an_invalid_curve_and_the_worst_point_otherwise()
    {
        Assert.IsTrue(double.IsNaN(Advice.MaxFrequencyResponseErrorDb(null!, 0.1)));
        Assert.IsTrue(double.IsNaN(Advice.MaxFrequencyResponseErrorDb(new double[0], 0.1)));
        Assert.IsTrue(double.IsNaN(Advice.MaxFrequencyResponseErrorDb(new[] { 32.0, 0.0 }, 0.1)));
        Assert.IsTrue(double.IsNaN(Advice.MaxFrequencyResponseErrorDb(new[] { 32.0, -5.0 }, 0.1)));
        Assert.IsTrue(double.IsNaN(Advice.MaxFrequencyResponseErrorDb(new[] { 32.0, double.NaN }, 0.1)));
        Assert.AreEqual(0.0, Advice.MaxFrequencyResponseErrorDb(new[] { 32.0 }, 10), 1e-12);
        // min 20 Ω, peak 100 Ω, 10 Ω source: 20·log10(100·30 / (20·110)).
        double expected = 20 * System.Math.Log10(100.0 * 30 / (20 * 110));
        Assert.AreEqual(expected, Advice.MaxFrequencyResponseErrorDb(new[] { 40.0, 100.0, 20.0, 60.0 }, 10), 1e-9);
        Assert.IsFalse(Advice.DampingTooLow(8.0, 1.0));                   // exactly 8× is enough
        Assert.IsTrue(Advice.DampingTooLow(7.99, 1.0));
    }
}
