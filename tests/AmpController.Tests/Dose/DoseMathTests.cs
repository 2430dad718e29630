using AmpController.Core.Dose;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Dose;

[TestClass]
public class DoseMathTests
{
    // docs/design.md §5: 80 dBA for 40 h is the whole weekly allowance, and each 3 dB (10·log10 2) halves the time.
    [TestMethod]
    [DataRow(80.0, 40.0)]
    [DataRow(90.0, 4.0)]
    [DataRow(100.0, 0.4)]
    [DataRow(70.0, 400.0)]
    [DataRow(86.0, 10.0475)]   // 40 / 10^0.6
    [DataRow(83.0, 20.0475)]   // 40 / 10^0.3
    public void Dose_hours_to_the_full_allowance_follow_the_equal_energy_rule(double level, double hours)
    {
        Assert.AreEqual(hours, DoseMath.HoursToFullAllowance(level), hours * 1e-4);
        Assert.AreEqual(1.0, DoseMath.Fraction(level, hours * 3600.0), 1e-4);
    }

    [TestMethod]
    public void Dose_one_second_at_80_dBA_is_one_144000th_of_the_allowance()
    {
        Assert.AreEqual(1.0 / 144000.0, DoseMath.FractionPerSecond(80.0), 1e-15);
        Assert.AreEqual(10.0 / 144000.0, DoseMath.FractionPerSecond(90.0), 1e-14);
    }

    [TestMethod]
    public void Dose_the_allowance_is_1_6_pascal_squared_hours()
    {
        Assert.AreEqual(1.6, DoseMath.PascalSquaredHours(80.0, 40.0), 1e-9);
        Assert.AreEqual(1.6, DoseMath.PascalSquaredHours(90.0, 4.0), 1e-9);
    }
}
