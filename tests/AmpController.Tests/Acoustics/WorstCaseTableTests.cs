using System;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

[TestClass]
public class WorstCaseTableTests
{
    [TestMethod]
    public void WorstCaseTable_in_Core_matches_regeneration_from_the_csv()
    {
        string path = Path.Combine(HeadphonesCsv.RepoRoot, WorstCaseTableGenerator.RelativePath);
        string expected = WorstCaseTableGenerator.Generate(HeadphonesCsv.Rows);
        if (Environment.GetEnvironmentVariable("AMPCTRL_REGENERATE") == "1")
        {
            File.WriteAllText(path, expected);
            return;
        }
        string actual = File.Exists(path) ? File.ReadAllText(path).Replace("\r\n", "\n") : "(missing)";
        Assert.AreEqual(expected, actual,
            $"{WorstCaseTableGenerator.RelativePath} is out of date with data/headphones.csv. Regenerate with: {WorstCaseTableGenerator.RegenerateCommand}");
    }

    [TestMethod]
    public void Csv_computed_columns_agree_with_the_core_conversion()
    {
        foreach (var row in HeadphonesCsv.Rows)
        {
            Assert.AreEqual(row.CsvDbPerV, row.DbPerV, 0.051, row.ToString());
            Assert.AreEqual(row.CsvDbPerMw, row.DbPerMw, 0.051, row.ToString());
        }
    }
}
