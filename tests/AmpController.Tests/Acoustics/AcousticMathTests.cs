using AmpController.Core.Acoustics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

/// <summary>The numbers of docs/design.md §5.</summary>
[TestClass]
public class AcousticMathTests
{
    [TestMethod]
    [DataRow(97.0, 300.0, 102.23)]   // a 97 dB/mW headphone at 300 ohm
    [DataRow(119.0, 10.0, 139.0)]    // §5: about 119 dB/mW at 10 ohm ≈ 139 dB/V
    [DataRow(96.0, 32.0, 110.95)]    // DT 770 Pro 32 ohm (CSV: 110.9)
    [DataRow(100.0, 1000.0, 100.0)]  // at 1 kohm both units coincide
    public void DbPerMw_to_DbPerV_follows_section_5(double dbPerMw, double ohm, double expectedDbPerV)
    {
        Assert.AreEqual(expectedDbPerV, AcousticMath.DbPerMwToDbPerV(dbPerMw, ohm), 0.01);
        Assert.AreEqual(dbPerMw, AcousticMath.DbPerVToDbPerMw(expectedDbPerV, ohm), 0.01);
    }

    [TestMethod]
    public void HD600_97_dB_per_V_is_91_8_dB_per_mW_at_300_ohm()
    {
        Assert.AreEqual(91.8, AcousticMath.DbPerVToDbPerMw(97, 300), 0.05);
        Assert.AreEqual(97.0, AcousticMath.ToDbPerV(97, SensitivityUnit.DbPerV, 300), 1e-12);
    }

    [TestMethod]
    public void Voltage_power_and_current_for_a_level()
    {
        // 97 dB/V: 1 Vrms gives 97 dB, 117 dB needs 10 Vrms; at 300 ohm that is 333 mW and 33.3 mA.
        Assert.AreEqual(1.0, AcousticMath.VoltsForLevel(97, 97), 1e-12);
        Assert.AreEqual(10.0, AcousticMath.VoltsForLevel(117, 97), 1e-9);
        Assert.AreEqual(333.33, AcousticMath.PowerMw(10, 300), 0.01);
        Assert.AreEqual(33.33, AcousticMath.CurrentMa(10, 300), 0.01);
        Assert.AreEqual(1.0, AcousticMath.PowerMwForLevel(97, 102.23, 300), 0.01); // 1 mW gives the dB/mW figure
        Assert.AreEqual(117.0, AcousticMath.LevelForVolts(10, 97), 1e-9);
        Assert.AreEqual(91.0, AcousticMath.LevelForVolts(0.5, 97), 0.03);
    }

    [TestMethod]
    public void Hiss_level_is_sensitivity_plus_noise_voltage_in_dB()
    {
        // §5: hiss = S_dB/V + 20·log10(V_noise); 139 dB/V with 3 µV → 139 − 110.5 = 28.5 dB.
        Assert.AreEqual(28.5, AcousticMath.LevelForVolts(3e-6, 139), 0.05);
    }

    [TestMethod]
    public void IsFinite_rejects_nan_and_infinities()
    {
        Assert.IsTrue(AcousticMath.IsFinite(0));
        Assert.IsFalse(AcousticMath.IsFinite(double.NaN));
        Assert.IsFalse(AcousticMath.IsFinite(double.PositiveInfinity));
        Assert.IsFalse(AcousticMath.IsFinite(double.NegativeInfinity));
    }
}
