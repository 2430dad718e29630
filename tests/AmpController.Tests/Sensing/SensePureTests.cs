using System;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Sensing;

[TestClass]
public class SampleStatsTests
{
    static double Mean(int[] v, int count, out int inRange, out int used, out double spread) =>
        SampleStats.CleanMean(v, count, int.MinValue, int.MaxValue, new int[v.Length], out inRange, out used, out spread);

    [TestMethod]
    public void Robust_mean_ignores_spikes_at_both_ends()
    {
        var v = new int[32];
        for (int i = 0; i < v.Length; i++) v[i] = 1000 + (i % 5) - 2;
        v[3] = 4095; v[9] = 4095; v[17] = 0; v[30] = 0; v[31] = 2500;
        Assert.AreEqual(1000, Mean(v, v.Length, out _, out int used, out _), 0.5);
        Assert.AreEqual(27, used);
    }

    [TestMethod]
    public void Robust_mean_of_clean_noise_is_the_plain_mean()
    {
        var rng = new Random(3);
        var v = new int[32];
        long sum = 0;
        for (int i = 0; i < v.Length; i++) { v[i] = 2000 + rng.Next(-4, 5); sum += v[i]; }
        Assert.AreEqual(sum / 32.0, Mean(v, v.Length, out _, out _, out _), 1e-9);
    }

    [TestMethod]
    public void One_spike_in_four_samples_is_rejected()
    {
        var v = new[] { 1000, 1003, 1180, 998 };
        Assert.AreEqual(1000.33, Mean(v, 4, out _, out int used, out double spread), 0.01);
        Assert.AreEqual(3, used);
        Assert.IsTrue(SampleStats.IsClean(4, 4, used, spread));
    }

    [TestMethod]
    public void Robust_mean_of_nothing_is_NaN()
    {
        Assert.IsTrue(double.IsNaN(Mean(new int[4], 0, out int inRange, out _, out double spread)));
        Assert.AreEqual(0, inRange);
        Assert.IsTrue(double.IsPositiveInfinity(spread));
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
        double gain = 1.021, series = 242.4;
        double r1 = SenseMath.RatioFromOhm(100, gain, series), r2 = SenseMath.RatioFromOhm(470, gain, series);
        Assert.IsTrue(SenseCalibration.Solve(100, r1, 470, r2, out double g, out double s));
        Assert.AreEqual(gain, g, 1e-9);
        Assert.AreEqual(series, s, 1e-6);
    }

    [TestMethod]
    public void Three_resistors_recover_the_zoomed_gain_too()
    {
        double gain = 0.987, zoom = 5.03, series = 239.1;
        var c = SenseCalibration.FromResistors(10, 100, 470,
            SenseMath.RatioFromOhm(10, zoom, series), SenseMath.RatioFromOhm(100, gain, series), SenseMath.RatioFromOhm(470, gain, series),
            SenseMath.RatioFromOhm(10, zoom, series), SenseMath.RatioFromOhm(100, gain, series), SenseMath.RatioFromOhm(470, gain, series),
            1.5, -0.5);
        Assert.IsNotNull(c);
        Assert.AreEqual(zoom, c.LeftZoomGain, 1e-9);
        Assert.AreEqual(zoom, c.Gain(SenseChannel.Right, zoom: true), 1e-9);
        Assert.AreEqual(gain, c.Gain(SenseChannel.Left, zoom: false), 1e-9);
        Assert.AreEqual(series, c.SeriesOhm(SenseChannel.Right), 1e-6);
        Assert.AreEqual(1.5, c.ZoomZero(SenseChannel.Left));
        Assert.AreEqual(-0.5, c.ZoomZero(SenseChannel.Right));
        Assert.IsTrue(c.IsPlausible);
        c.RightZoomZero = 5;
        Assert.IsFalse(c.IsPlausible, "a zoom shift the op-amp's offset cannot give");
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
    [DataRow(0.5, 240.0)] [DataRow(1.2, 240.0)] [DataRow(1.0, 101.0)] [DataRow(1.0, 260.0)]
    [DataRow(double.NaN, 240.0)] [DataRow(1.0, double.PositiveInfinity)]
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
        var ok = new SenseCalibration { LeftGain = 0.98, RightSeriesOhm = 238.2, LeftZoomGain = 5.1 };
        Assert.AreSame(ok, SenseCalibration.Validated(ok));
        Assert.IsFalse(ok.FellBackToDefaults);
    }

    [TestMethod]
    public void Readings_that_no_circuit_gives_are_refused()
    {
        Assert.IsNull(SenseCalibration.FromResistors(10, 100, 470, 0.2, 0.5, 0.4, 0.2, 0.29, 0.66, 0, 0));
        Assert.IsNull(SenseCalibration.FromResistors(10, 100, 100, 0.2, 0.29, 0.29, 0.2, 0.29, 0.29, 0, 0));
        Assert.IsNull(SenseCalibration.FromResistors(10, 100, 470, 0.2, -0.1, 0.66, 0.2, 0.29, 0.66, 0, 0));
        var noZoom = SenseCalibration.FromResistors(10, 100, 470, -0.2, 0.29, 0.66, 0.2, 0.29, 0.66, 0, 0);
        Assert.IsFalse(noZoom!.IsPlausible, "a zoomed reading that no circuit gives");
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
        double m = SampleStats.CleanMean(v, v.Length, 1, 4094, new int[v.Length], out int inRange, out int used, out double spread);
        Assert.AreEqual(22, inRange);
        Assert.AreEqual(1000, m, 0.5);
        Assert.IsTrue(SampleStats.IsClean(v.Length, inRange, used, spread), "22 of 32 in range, no outlier among them");
    }

    [TestMethod]
    public void A_window_with_more_than_half_clipped_is_not_clean()
    {
        var v = Window(1000);
        for (int i = 0; i < 17; i++) v[i] = 4095;
        SampleStats.CleanMean(v, v.Length, 1, 4094, new int[v.Length], out int inRange, out int used, out double spread);
        Assert.IsFalse(SampleStats.IsClean(v.Length, inRange, used, spread));
    }

    [TestMethod]
    public void A_window_with_more_than_a_quarter_of_random_codes_is_not_clean()
    {
        var v = Window(1000);
        int[] random = { 17, 3900, 2500, 640, 1800, 3100, 90, 2222, 1500 };
        for (int i = 0; i < random.Length; i++) v[i * 3] = random[i];
        SampleStats.CleanMean(v, v.Length, 1, 4094, new int[v.Length], out int inRange, out int used, out double spread);
        Assert.IsFalse(SampleStats.IsClean(v.Length, inRange, used, spread), $"used {used} of {inRange}, spread {spread:F1}");
    }

    [TestMethod]
    public void A_window_spread_wider_than_the_converter_noise_is_not_clean()
    {
        var v = new int[32];
        for (int i = 0; i < v.Length; i++) v[i] = 1000 + (i % 2 == 0 ? -12 : 12);
        SampleStats.CleanMean(v, v.Length, 1, 4094, new int[v.Length], out int inRange, out int used, out double spread);
        Assert.IsTrue(spread > SampleStats.MaxCleanSpreadLsb);
        Assert.IsFalse(SampleStats.IsClean(v.Length, inRange, used, spread));
    }
}
