using System.Collections.Generic;
using System.IO;
using System.Linq;
using AmpController.Tests.Acoustics;
using AmpController.Tests.Simulator;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Runtime;

/// <summary>Issue 13's scenarios (tests/scenarios/runtime: a missing chip, a runtime hang) through `ampsim run`.</summary>
[TestClass]
public class RuntimeScenarioTests
{
    public static string Folder => Path.Combine(HeadphonesCsv.RepoRoot, "tests", "scenarios", "runtime");

    public static IEnumerable<object[]> Files =>
        Directory.GetFiles(Folder, "*.json").OrderBy(f => f).Select(f => new object[] { Path.GetFileName(f) });

    [TestMethod]
    [DynamicData(nameof(Files))]
    public void S5_S8_runtime_scenario_meets_its_expectations_and_keeps_the_level_under_the_limit(string file) =>
        Issue19ScenarioTests.AssertScenarioKeepsTheLimit(Path.Combine(Folder, file));
}
