using System.Collections.Generic;
using System.IO;
using System.Linq;
using AmpController.Tests.Acoustics;
using AmpController.Tests.Cli;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static AmpController.Tests.Simulator.ScenarioFilesForTests;

namespace AmpController.Tests.Simulator;

/// <summary>
/// Issue 19's scenarios (tests/scenarios/issue19/*.json) as regression tests through the real `ampsim run` path: each
/// must meet its own expectations (exit 0), and every trace line — the simulated chips' real registers and relay —
/// must keep splDbA at or under the scenario's limit.
/// </summary>
[TestClass]
public class Issue19ScenarioTests
{
    public static string Folder => Path.Combine(HeadphonesCsv.RepoRoot, "tests", "scenarios", "issue19");

    public static IEnumerable<object[]> Files =>
        Directory.GetFiles(Folder, "*.json").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [DynamicData(nameof(Files))]
    public void Issue_19_scenario_keeps_the_level_under_the_limit_at_every_trace_line(string file) =>
        AssertScenarioKeepsTheLimit(Path.Combine(Folder, file));

    /// <summary>The scenario meets its expectations (exit 0) and no trace line is above its limit.</summary>
    public static void AssertScenarioKeepsTheLimit(string path)
    {
        string file = Path.GetFileName(path);
        string trace = TempPath(".jsonl");
        try
        {
            var r = AmpSim.Run("run", path, "--trace", trace);
            Assert.AreEqual(0, r.ExitCode, r.Stdout + r.Stderr);
            var spec = AmpController.Simulator.Scenario.ScenarioLoader.Parse(File.ReadAllText(path));
            var lines = TraceFormatTests.AssertTraceContract(trace, spec.DurationMs);
            foreach (var line in lines)
            {
                var spl = line.GetProperty("splDbA");
                if (spl.ValueKind != System.Text.Json.JsonValueKind.Number) continue;
                Assert.IsTrue(spl.GetDouble() <= spec.Board.LimitDbA, $"{file}: {line}");
            }
        }
        finally { File.Delete(trace); }
    }

    [TestMethod]
    public void There_are_issue_19_scenarios()
    {
        Assert.IsTrue(Files.Count() >= 2, Folder);
    }
}
