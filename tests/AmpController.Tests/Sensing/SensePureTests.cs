using System;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Sensing;

[TestClass]
public class SampleStatsTests
{
    [TestMethod]
    public void Robust_mean_ignores_spikes_at_both_ends()
    {
        var v = new int[32];
        for (int i = 0; i < v.Length; i++) v[i] = 1000 + (i % 5) - 2;
        v[3] = 4095; v[9] = 4095; v[17] = 0; v[30] = 0; v[31] = 2500;
        double m = SampleStats.RobustMean(v, v.Length);
        Assert.AreEqual(1000, m, 0.5);
    }

    [TestMethod]
    public void Robust_mean_of_clean_noise_is_the_plain_mean()
    {
        var rng = new Random(3);
        var v = new int[32];
        long sum = 0;
        for (int i = 0; i < v.Length; i++) { v[i] = 2000 + rng.Next(-4, 5); sum += v[i]; }
        Assert.AreEqual(sum / 32.0, SampleStats.RobustMean(v, v.Length), 1e-9);
    }

    [TestMethod]
    public void Robust_mean_of_nothing_is_NaN()
    {
        Assert.IsTrue(double.IsNaN(SampleStats.RobustMean(new int[4], 0)));
    }
}

[TestClass]
public class LoadClassifierTests
{
    [TestMethod]
    [DataRow(0.0, LoadClass.Short)]
    [DataRow(1.6, LoadClass.Short)]
    [DataRow(1.99, LoadClass.Uncertain)]
    [DataRow(2.1, LoadClass.Uncertain)]
    [DataRow(2.4, LoadClass.Headphone)]
    [DataRow(32.0, LoadClass.Headphone)]
    [DataRow(600.0, LoadClass.Headphone)]
    [DataRow(4000.0, LoadClass.Headphone)]
    [DataRow(5000.0, LoadClass.Uncertain)]
    [DataRow(6000.0, LoadClass.Line)]
    [DataRow(83000.0, LoadClass.Line)]
    [DataRow(100000.0, LoadClass.Uncertain)]
    [DataRow(120000.0, LoadClass.Open)]
    [DataRow(double.PositiveInfinity, LoadClass.Open)]
    [DataRow(double.NaN, LoadClass.Uncertain)]
    [DataRow(-1.0, LoadClass.Uncertain)]
    public void Thresholds_of_design_section_5_with_guard_bands(double ohm, LoadClass expected)
    {
        Assert.AreEqual(expected, LoadClassifier.ClassifyChannel(ohm, LoadClass.Uncertain));
    }

    [TestMethod]
    public void Hysteresis_keeps_the_previous_class_inside_the_guard_band_only()
    {
        Assert.AreEqual(LoadClass.Headphone, LoadClassifier.ClassifyChannel(4900, LoadClass.Headphone));
        Assert.AreEqual(LoadClass.Line, LoadClassifier.ClassifyChannel(4900, LoadClass.Line));
        Assert.AreEqual(LoadClass.Short, LoadClassifier.ClassifyChannel(2.1, LoadClass.Short));
        Assert.AreEqual(LoadClass.Headphone, LoadClassifier.ClassifyChannel(1.9, LoadClass.Headphone));
        Assert.AreEqual(LoadClass.Line, LoadClassifier.ClassifyChannel(6000, LoadClass.Headphone));
        Assert.AreEqual(LoadClass.Short, LoadClassifier.ClassifyChannel(1.5, LoadClass.Headphone));
    }

    [TestMethod]
    [DataRow(LoadClass.Headphone, LoadClass.Headphone, LoadClass.Headphone)]
    [DataRow(LoadClass.Headphone, LoadClass.Short, LoadClass.Mono)]
    [DataRow(LoadClass.Short, LoadClass.Headphone, LoadClass.Mono)]
    [DataRow(LoadClass.Short, LoadClass.Short, LoadClass.Short)]
    [DataRow(LoadClass.Open, LoadClass.Open, LoadClass.Open)]
    [DataRow(LoadClass.Line, LoadClass.Line, LoadClass.Line)]
    [DataRow(LoadClass.Line, LoadClass.Short, LoadClass.Line)]
    [DataRow(LoadClass.Open, LoadClass.Line, LoadClass.Line)]
    [DataRow(LoadClass.Headphone, LoadClass.Open, LoadClass.Uncertain)]
    [DataRow(LoadClass.Line, LoadClass.Headphone, LoadClass.Uncertain)]
    [DataRow(LoadClass.Short, LoadClass.Open, LoadClass.Uncertain)]
    [DataRow(LoadClass.Headphone, LoadClass.Uncertain, LoadClass.Uncertain)]
    public void Combine_both_channels(LoadClass left, LoadClass right, LoadClass expected)
    {
        Assert.AreEqual(expected, LoadClassifier.Combine(left, right));
    }

    [TestMethod]
    public void S7_only_a_headphone_plug_is_confirmed()
    {
        foreach (LoadClass l in Enum.GetValues<LoadClass>())
            foreach (LoadClass r in Enum.GetValues<LoadClass>())
            {
                var result = new SenseResult { LeftClass = l, RightClass = r, Class = LoadClassifier.Combine(l, r) };
                Assert.AreEqual(l == LoadClass.Headphone && r == LoadClass.Headphone, result.Confirmed, $"{l}/{r}");
            }
    }
}

[TestClass]
public class SenseCalibrationTests
{
    [TestMethod]
    public void Two_resistors_recover_gain_and_series_resistance()
    {
        double gain = 1.031, series = 102.4;
        double r1 = SenseMath.RatioFromOhm(10, gain, series), r2 = SenseMath.RatioFromOhm(470, gain, series);
        Assert.IsTrue(SenseCalibration.Solve(10, r1, 470, r2, out double g, out double s));
        Assert.AreEqual(gain, g, 1e-9);
        Assert.AreEqual(series, s, 1e-6);
    }

    [TestMethod]
    [DataRow(8.0)] [DataRow(32.0)] [DataRow(600.0)] [DataRow(4000.0)]
    public void Ohm_and_ratio_are_inverse(double ohm)
    {
        double ratio = SenseMath.RatioFromOhm(ohm, 0.97, 101.2);
        Assert.AreEqual(ohm, SenseMath.OhmFromRatio(ratio, 0.97, 101.2), ohm * 1e-9);
    }

    [TestMethod]
    public void Ratio_edges_give_short_and_open()
    {
        Assert.AreEqual(0.0, SenseMath.OhmFromRatio(-0.001, 1, 101));
        Assert.IsTrue(double.IsPositiveInfinity(SenseMath.OhmFromRatio(1.0, 1, 101)));
        Assert.IsTrue(double.IsNaN(SenseMath.OhmFromRatio(double.NaN, 1, 101)));
    }

    [TestMethod]
    [DataRow(0.5, 101.0)] [DataRow(1.2, 101.0)] [DataRow(1.0, 50.0)] [DataRow(1.0, 200.0)]
    [DataRow(double.NaN, 101.0)] [DataRow(1.0, double.PositiveInfinity)]
    public void Implausible_constants_fall_back_to_defaults_and_are_flagged(double gain, double series)
    {
        var bad = new SenseCalibration { LeftGain = gain, LeftSeriesOhm = series };
        var used = SenseCalibration.Validated(bad);
        Assert.IsTrue(used.FellBackToDefaults);
        Assert.AreEqual(1.0, used.LeftGain);
        Assert.AreEqual(SenseDesign.LowRangeSeriesOhm, used.LeftSeriesOhm);
    }

    [TestMethod]
    public void Missing_constants_fall_back_and_plausible_ones_are_kept()
    {
        Assert.IsTrue(SenseCalibration.Validated(null).FellBackToDefaults);
        var ok = new SenseCalibration { LeftGain = 0.97, RightSeriesOhm = 100.2 };
        Assert.AreSame(ok, SenseCalibration.Validated(ok));
        Assert.IsFalse(ok.FellBackToDefaults);
    }

    [TestMethod]
    public void Readings_that_no_circuit_gives_are_refused()
    {
        Assert.IsNull(SenseCalibration.FromTwoResistors(10, 470, 0.5, 0.4, 0.09, 0.82));
        Assert.IsNull(SenseCalibration.FromTwoResistors(10, 10, 0.09, 0.09, 0.09, 0.09));
        Assert.IsNull(SenseCalibration.FromTwoResistors(10, 470, -0.1, 0.82, 0.09, 0.82));
    }
}

[TestClass]
public class CleanWindowTests
{
    static int[] Window(int value, int count = 32)
    {
        var v = new int[count];
        for (int i = 0; i < count; i++) v[i] = value + (i % 5) - 2;
        return v;
    }

    [TestMethod]
    public void Codes_outside_the_trusted_range_are_never_averaged()
    {
        var v = Window(1000);
        for (int i = 0; i < 10; i++) v[i * 3] = i % 2 == 0 ? 4095 : 0;
        double m = SampleStats.CleanMean(v, v.Length, 1, 4094, out int inRange, out int used, out double spread);
        Assert.AreEqual(22, inRange);
        Assert.AreEqual(1000, m, 0.5);
        Assert.IsTrue(SampleStats.IsClean(v.Length, inRange, used, spread), "22 of 32 in range, no outlier among them");
    }

    [TestMethod]
    public void A_window_with_more_than_half_clipped_is_not_clean()
    {
        var v = Window(1000);
        for (int i = 0; i < 17; i++) v[i] = 4095;
        SampleStats.CleanMean(v, v.Length, 1, 4094, out int inRange, out int used, out double spread);
        Assert.IsFalse(SampleStats.IsClean(v.Length, inRange, used, spread));
    }

    [TestMethod]
    public void A_window_with_more_than_a_quarter_of_random_codes_is_not_clean()
    {
        var v = Window(1000);
        int[] random = { 17, 3900, 2500, 640, 1800, 3100, 90, 2222, 1500 };
        for (int i = 0; i < random.Length; i++) v[i * 3] = random[i];
        SampleStats.CleanMean(v, v.Length, 1, 4094, out int inRange, out int used, out double spread);
        Assert.IsFalse(SampleStats.IsClean(v.Length, inRange, used, spread), $"used {used} of {inRange}, spread {spread:F1}");
    }

    [TestMethod]
    public void A_window_spread_wider_than_the_converter_noise_is_not_clean()
    {
        var v = new int[32];
        for (int i = 0; i < v.Length; i++) v[i] = 1000 + (i % 2 == 0 ? -12 : 12);
        SampleStats.CleanMean(v, v.Length, 1, 4094, out int inRange, out int used, out double spread);
        Assert.IsTrue(spread > SampleStats.MaxCleanSpreadLsb);
        Assert.IsFalse(SampleStats.IsClean(v.Length, inRange, used, spread));
    }
}
