using System;
using AmpController.Core.Acoustics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

[TestClass]
public class BoardAndAdviceTests
{
    [TestMethod]
    public void Reference_board_matches_design_section_2()
    {
        var b = BoardProfile.Reference();
        Assert.AreEqual(2.0, b.SourceFullScaleVrms);
        CollectionAssert.AreEqual(new[] { -20, 0, 12 }, b.GainStepsDb);
        Assert.AreEqual(0.1, b.OutputImpedanceOhm);
        Assert.AreEqual(10.0, b.MaxCleanOutputVrms);
        Assert.AreEqual(0.25, b.MaxCleanOutputArms);
        Assert.AreSame(AttenuatorProfile.Ds1882, b.Attenuator);
        Assert.AreEqual(7.96, b.FullScaleOutputVrms(12, 0), 0.01);   // +12 dB stays under the 10 Vrms clean limit
        Assert.AreEqual(0.2, b.FullScaleOutputVrms(-20, 0), 1e-9);
        Assert.AreEqual(2.0 * Math.Pow(10, -23 / 20.0), b.FullScaleOutputVrms(0, -23), 1e-12);
        Assert.AreEqual(10.0, b.CleanOutputVrms(300), 1e-12);        // voltage-limited
        Assert.AreEqual(8.0, b.CleanOutputVrms(32), 1e-12);          // current-limited: 250 mA × 32 ohm
    }

    [TestMethod]
    public void Attenuator_step_tables_per_chip()
    {
        Assert.AreEqual(-62, AttenuatorProfile.Ds1882.MinDb);  // 64-position mode: 0..−62 dB + mute
        Assert.AreEqual(-79, AttenuatorProfile.Pt2258.MinDb);  // 0..−79 dB in 10 dB + 1 dB codes
        Assert.AreSame(AttenuatorProfile.Pt2258, AttenuatorProfile.ForChip("pt2258"));
        Assert.AreSame(AttenuatorProfile.Ds1882, AttenuatorProfile.ForChip("DS1882"));
        Assert.IsNull(AttenuatorProfile.ForChip("TDA7439"));
        Assert.IsTrue(AttenuatorProfile.Ds1882.IsValidSetting(-62));
        Assert.IsFalse(AttenuatorProfile.Ds1882.IsValidSetting(-63));
        Assert.IsFalse(AttenuatorProfile.Ds1882.IsValidSetting(1));
        Assert.IsTrue(AttenuatorProfile.Ds1882.IsValidSetting(AttenuatorProfile.MuteDb));
    }

    [TestMethod]
    public void Output_noise_grows_with_gain_and_is_stated_per_step()
    {
        var b = BoardProfile.Reference();
        Assert.AreEqual(3.0e-6, b.OutputNoiseVrms(-20), 0.05e-6);
        Assert.AreEqual(3.6e-6, b.OutputNoiseVrms(0), 0.05e-6);
        Assert.AreEqual(8.5e-6, b.OutputNoiseVrms(12), 0.1e-6);
    }

    [TestMethod]
    public void Needs_dedicated_amp_at_or_below_95_dB_per_mW()
    {
        Assert.IsTrue(Advice.NeedsDedicatedAmp(91.8));   // HD 600
        Assert.IsTrue(Advice.NeedsDedicatedAmp(95.0));
        Assert.IsFalse(Advice.NeedsDedicatedAmp(95.1));
        Assert.IsFalse(Advice.NeedsDedicatedAmp(119));   // an IEM
    }

    [TestMethod]
    public void Damping_factor_and_the_8x_warning()
    {
        Assert.AreEqual(3000, Advice.DampingFactor(300, 0.1), 1e-9);
        Assert.IsFalse(Advice.DampingTooLow(16, 0.1));
        Assert.IsTrue(Advice.DampingTooLow(16, 2.2));   // a typical 2.2 ohm laptop output gives 7.3
        Assert.IsFalse(Advice.DampingTooLow(17.7, 2.2)); // just above 8x
    }

    [TestMethod]
    public void Frequency_response_error_from_source_impedance_follows_section_5()
    {
        // Multi-driver IEM: 5 ohm minimum, 40 ohm peak. 0.1 ohm source: 20·log10(40·5.1 / (5·40.1)) = 0.15 dB.
        double[] curve = { 12, 5, 40, 18 };
        Assert.AreEqual(0.15, Advice.MaxFrequencyResponseErrorDb(curve, 0.1), 0.01);
        // A 10 ohm source: 20·log10(40·15 / (5·50)) = 7.6 dB.
        Assert.AreEqual(7.60, Advice.MaxFrequencyResponseErrorDb(curve, 10), 0.01);
        Assert.AreEqual(0.0, Advice.FrequencyResponseErrorDb(5, 5, 10), 1e-12);
        Assert.IsTrue(double.IsNaN(Advice.MaxFrequencyResponseErrorDb(new double[0], 0.1)));
        Assert.IsTrue(double.IsNaN(Advice.MaxFrequencyResponseErrorDb(new[] { 5.0, -1.0 }, 0.1)));
    }
}
