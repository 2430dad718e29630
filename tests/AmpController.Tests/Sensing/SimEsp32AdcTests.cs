using System;
using System.Linq;
using AmpController.Simulator.Sense;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Sensing;

/// <summary>
/// The simulated converter is the device's (docs/design.md §3a, §5; issue 12): ESP32 ADC1 at 11 dB as nanoFramework
/// opens it, pinned to the documented figures cited in SimEsp32Adc — full scale 3.1–3.9 V, linear only from 150 to
/// 2450 mV with the datasheet's ±12 LSB INL, flat at 0 below the zero offset, bent above 2450 mV and flat at 4095,
/// a few LSB of noise.
/// </summary>
[TestClass]
public class SimEsp32AdcTests
{
    static SimEsp32Adc Board(int seed)
    {
        var rng = new Random(seed);
        return new SimEsp32Adc(rng, rng.Next());
    }

    [TestMethod]
    public void Full_scale_and_zero_offset_are_drawn_per_board_over_the_documented_spread()
    {
        var boards = Enumerable.Range(0, 1000).Select(Board).ToArray();
        Assert.IsTrue(boards.All(a => a.FullScaleVolts is >= 3.1 and <= 3.9));
        Assert.IsTrue(boards.Min(a => a.FullScaleVolts) < 3.15 && boards.Max(a => a.FullScaleVolts) > 3.85, "both extremes occur");
        Assert.IsTrue(boards.All(a => a.ZeroOffsetVolts is >= 0.06 and <= 0.14));
        Assert.AreEqual(11, SimEsp32Adc.AttenuationDb);
        Assert.AreEqual(4095, SimEsp32Adc.MaxCode);
    }

    [TestMethod]
    public void Between_150_and_2450_mV_the_codes_follow_the_line_within_the_datasheets_12_LSB()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var adc = Board(seed);
            for (double v = 0.150; v <= 2.450; v += 0.005)
            {
                double dev = adc.MeanCode(v) - adc.LinearCode(v);
                Assert.IsTrue(Math.Abs(dev) <= 12 + 1, $"seed {seed}: {dev:F1} LSB off the line at {v:F3} V");
            }
        }
    }

    [TestMethod]
    public void Below_the_zero_offset_it_reads_zero_and_the_knee_is_gone_by_150_mV()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var adc = Board(seed);
            adc.NoiseLsb = 0;
            for (double v = 0; v <= 0.040; v += 0.005) Assert.AreEqual(0, adc.Convert(v), $"seed {seed}: {v} V");
            double slopeLow = (adc.MeanCode(0.030) - adc.MeanCode(0.0)) / 0.030;
            double slope = SimEsp32Adc.MaxCode / adc.FullScaleVolts;
            Assert.IsTrue(slopeLow < 0.02 * slope, $"seed {seed}: flat below 40 mV");
            Assert.IsTrue(adc.MeanCode(0.100) < 60, $"seed {seed}: about nothing below 100 mV");
        }
    }

    [TestMethod]
    public void Above_2450_mV_the_codes_leave_the_line_and_clip_flat_at_4095()
    {
        for (int seed = 0; seed < 300; seed++)
        {
            var adc = Board(seed);
            adc.NoiseLsb = 0;
            Assert.IsTrue(adc.MeanCode(3.0) - adc.LinearCode(3.0) > 12 + 30, $"seed {seed}: no longer linear at 3.0 V");
            Assert.AreEqual(4095, adc.Convert(5.0));
            if (adc.FullScaleVolts <= 3.2) Assert.AreEqual(4095, adc.Convert(3.25), $"seed {seed}: the LUT reaches 4095 by 3.2 V");
        }
    }

    [TestMethod]
    public void Noise_is_a_few_LSB_rms_and_each_read_is_counted()
    {
        foreach (int seed in new[] { 1, 2, 3, 4, 5 })
        {
            var adc = Board(seed);
            const int n = 20000;
            double[] codes = Enumerable.Range(0, n).Select(_ => (double)adc.Convert(1.2)).ToArray();
            double mean = codes.Average();
            double rms = Math.Sqrt(codes.Sum(c => (c - mean) * (c - mean)) / n);
            Assert.AreEqual(adc.NoiseLsb, rms, 0.15, $"seed {seed}");
            Assert.IsTrue(rms is > 1.4 and < 3.6, $"seed {seed}: {rms:F2} LSB rms");
            Assert.AreEqual(adc.MeanCode(1.2), mean, 0.1);
            Assert.AreEqual(n, adc.Conversions);
        }
    }

    [TestMethod]
    public void A_scheduled_burst_starts_after_the_given_reads_and_lasts_its_length()
    {
        var adc = Board(9);
        adc.NoiseLsb = 0;
        int clean = adc.Convert(1.0);
        adc.ScheduleBurst(3, 5);
        for (int i = 0; i < 3; i++) Assert.AreEqual(clean, adc.Convert(1.0), $"read {i} before the burst");
        Assert.AreEqual(5, adc.SpikesPending);
        int spikes = 0;
        for (int i = 0; i < 5; i++) if (adc.Convert(1.0) != clean) spikes++;
        Assert.IsTrue(spikes >= 4, "random-code spikes may land on the value by chance, rarely");
        Assert.AreEqual(0, adc.SpikesPending);
        Assert.AreEqual(clean, adc.Convert(1.0));
    }
}
