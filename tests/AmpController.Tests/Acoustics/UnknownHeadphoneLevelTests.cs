using AmpController.Simulator.Data;
using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using AmpController.Tests.Cli;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

/// <summary>
/// What a headphone reaches when the controller knows only its impedance (no profile): `ampsim cap --impedance Z`
/// gives the cap for the worst case; the headphone's true sensitivity (data/headphones.csv) gives the real level.
/// </summary>
[TestClass]
public class UnknownHeadphoneLevelTests
{
    static double RealLevelAtCap(HeadphoneRow row)
    {
        var r = AmpSim.Run("cap", "--impedance", row.NominalOhm.ToString(CultureInfo.InvariantCulture), "--json");
        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        var j = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.IsFalse(j.GetProperty("muted").GetBoolean(), row.ToString());
        // The programme level scales with sensitivity: real = computed at the assumed sensitivity + (true − assumed).
        return j.GetProperty("splDbA").GetDouble() + row.DbPerV - j.GetProperty("assumedSensitivityDbPerV").GetDouble();
    }

    [TestMethod]
    public void S4_no_headphone_without_a_profile_passes_the_limit()
    {
        foreach (var row in HeadphonesCsv.Rows.Where(r => !r.IsElectrostatic))
            Assert.IsTrue(RealLevelAtCap(row) <= 85.0 + 0.05, row.ToString());
    }

    [TestMethod]
    public void Readme_states_what_a_headphone_without_a_profile_reaches()
    {
        var rows = HeadphonesCsv.Rows.Where(r => !r.IsElectrostatic).ToArray();
        var levels = rows.ToDictionary(r => r.Model, RealLevelAtCap);
        var sorted = levels.Values.Order().ToArray();
        double Quantile(double q) // the 'exclusive' method, as Python's statistics.quantiles
        {
            double h = (sorted.Length + 1) * q - 1;
            int i = (int)Math.Floor(h);
            return sorted[i] + (h - i) * (sorted[i + 1] - sorted[i]);
        }
        string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);
        Console.WriteLine($"{rows.Length} headphones: median {F(Quantile(0.5))}, quartiles {F(Quantile(0.25))} and {F(Quantile(0.75))}, lowest {F(sorted[0])}, highest {F(sorted[^1])} dBA");

        string readme = File.ReadAllText(Path.Combine(HeadphonesCsv.RepoRoot, "README.md"));
        StringAssert.Contains(readme, $"each of the {rows.Length} headphones of `data/headphones.csv`");
        StringAssert.Contains(readme, $"**median {F(Quantile(0.5))} dBA** (quartiles {F(Quantile(0.25))} and\n{F(Quantile(0.75))} dBA, lowest {F(sorted[0])} dBA, highest {F(sorted[^1])} dBA)");
        var table = Regex.Matches(readme, @"^\| (?<model>[^|]+?) \| (?<ohm>\d+) Ω \| (?<dba>[\d.]+) dBA \|$", RegexOptions.Multiline);
        Assert.IsTrue(table.Count >= 5, "the README's example table is missing");
        foreach (Match m in table)
            Assert.AreEqual(F(levels[m.Groups["model"].Value]), m.Groups["dba"].Value, m.Groups["model"].Value);
    }
}
