using AmpController.Simulator.Data;
using System;
using System.Linq;
using AmpController.Core.Acoustics;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

[TestClass]
public class WorstCaseSensitivityTests
{
    /// <summary>DC readings a headphone of nominal Z can give: dynamic 0.85–1.0× (§5); multi-driver IEMs up to 2×.</summary>
    static double[] Readings(double nominal, bool multiDriver) => multiDriver
        ? new[] { 0.85 * nominal, nominal, 1.5 * nominal, 2.0 * nominal }
        : new[] { 0.85 * nominal, 0.92 * nominal, nominal };

    static bool MultiDriver(HeadphoneRow r) => r.Kind is "ba_iem" or "hybrid_iem";

    [TestMethod]
    public void S4_worst_case_never_rises_with_measured_impedance()
    {
        double previous = double.PositiveInfinity;
        for (double r = 0.5; r < 200_000; r *= 1.01)
        {
            double s = WorstCaseSensitivity.DbPerVForMeasuredOhm(r);
            Assert.IsTrue(s <= previous + 1e-9, $"S_wc rises at {r:F2} ohm: {previous:F2} -> {s:F2}");
            previous = s;
        }
    }

    [TestMethod]
    public void S4_worst_case_covers_every_csv_row_with_the_full_margin()
    {
        double least = double.PositiveInfinity;
        foreach (var row in HeadphonesCsv.Rows.Where(r => !r.IsElectrostatic))
        {
            foreach (double reading in Readings(row.NominalOhm, MultiDriver(row)))
            {
                double margin = WorstCaseSensitivity.DbPerVForMeasuredOhm(reading) - row.DbPerV;
                least = Math.Min(least, margin);
                Assert.IsTrue(margin >= WorstCaseSensitivity.MarginDb - 1e-9,
                    $"{row} read as {reading:F1} ohm: worst case only {margin:F2} dB above its sensitivity");
            }
        }
        Console.WriteLine($"least margin over CSV rows: {least:F2} dB");
    }

    [TestMethod]
    public void S4_worst_case_covers_headphones_not_in_the_csv()
    {
        double least = double.PositiveInfinity;
        string tightest = "";
        foreach (var m in NotListedHeadphones.All)
        {
            foreach (double reading in Readings(m.NominalOhm, m.MultiDriverIem))
            {
                double margin = WorstCaseSensitivity.DbPerVForMeasuredOhm(reading) - m.DbPerV;
                if (margin < least) { least = margin; tightest = $"{m} at {reading:F1} ohm"; }
                Assert.IsTrue(margin >= 0, $"{m} read as {reading:F1} ohm is {-margin:F2} dB above the worst case");
            }
        }
        Console.WriteLine($"least margin over not-listed headphones: {least:F2} dB ({tightest})");
    }

    [TestMethod]
    public void Worst_case_numbers_at_typical_readings()
    {
        // 32 ohm could be an IEM: 119 dB/mW (SE535 / JH13 class) converted at 16 ohm, + 6 dB.
        Assert.AreEqual(119 + 10 * Math.Log10(1000 / 16.0) + 6, WorstCaseSensitivity.DbPerVForMeasuredOhm(32), 1e-9);
        // 300 ohm: most efficient listed model at ≥ 75 ohm is 104 dB/mW (Focal, 80 ohm), converted at 150 ohm, + 6 dB.
        Assert.AreEqual(104 + 10 * Math.Log10(1000 / 150.0) + 6, WorstCaseSensitivity.DbPerVForMeasuredOhm(300), 1e-9);
        // Beyond the listed impedances the value is held, not extrapolated down.
        Assert.AreEqual(WorstCaseSensitivity.DbPerVForMeasuredOhm(2400), WorstCaseSensitivity.DbPerVForMeasuredOhm(50_000), 1e-9);
        Assert.AreEqual(WorstCaseSensitivity.DbPerVForMeasuredOhm(2.0), WorstCaseSensitivity.GlobalMaxDbPerV, 1e-12);
        Assert.AreEqual(WorstCaseSensitivity.DbPerVForMeasuredOhm(0.1), WorstCaseSensitivity.DbPerVForMeasuredOhm(double.NaN), 1e-12);
    }
}
