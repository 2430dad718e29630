using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using AmpController.Simulator.Scenario;
using AmpController.Tests.Cli;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static AmpController.Tests.Simulator.ScenarioFilesForTests;

namespace AmpController.Tests.Simulator;

/// <summary>The built-in scenarios, the trace contract and the commands on the real simulated board (real controller, simulated chips).</summary>
[TestClass]
public class RealBoardScenarioTests
{
    public static IEnumerable<object[]> BuiltIns => ScenarioFiles.BuiltInNames.Select(n => new object[] { n });

    [TestMethod]
    [DynamicData(nameof(BuiltIns))]
    public void Built_in_scenario_meets_its_expectations_and_its_trace_meets_the_contract(string name)
    {
        var spec = ScenarioFiles.BuiltIn(name);
        string trace = TempPath(".jsonl");
        try
        {
            RunRecord record;
            using (var writer = AmpController.Simulator.Trace.TraceWriter.Create(trace))
                record = ScenarioRunner.Run(spec, BoardFactory.Create, writer);
            var verdict = ExpectationVerdict.Check(record);
            Assert.IsTrue(verdict.Passed, string.Join("\n", verdict.Failures));
            var lines = TraceFormatTests.AssertTraceContract(trace, spec.DurationMs);
            Assert.AreEqual(record.Samples.Count, lines.Length);
        }
        finally { File.Delete(trace); }
    }

    [TestMethod]
    public void S4_maxSplDbA_over_every_built_in_scenario_never_exceeds_the_limit()
    {
        foreach (var name in ScenarioFiles.BuiltInNames)
        {
            var spec = ScenarioFiles.BuiltIn(name);
            var record = ScenarioRunner.Run(spec, BoardFactory.Create);
            Assert.IsTrue((record.MaxSplDbA ?? 0) <= spec.Board.LimitDbA, $"{name}: {record.MaxSplDbA} dBA > {spec.Board.LimitDbA}");
            Assert.IsTrue(record.Samples.All(s => s.RelayClosed || s.SplDbA is null), $"{name}: a level with the relay open");
        }
    }

    [TestMethod]
    public void Run_with_trace_and_plot_on_the_real_board_exits_0_and_writes_both()
    {
        string scenario = Write(Valid(extra: "'profiles':[{'name':'HD600','impedanceOhm':300,'sensitivity':97,'unit':'dB/V'}],"));
        string trace = TempPath(".jsonl"), plot = TempPath(".png");
        try
        {
            var r = AmpSim.Run("run", scenario, "--trace", trace, "--plot", plot);
            Assert.AreEqual(0, r.ExitCode, r.Stderr);
            StringAssert.Contains(r.Stdout, "1 of 1 expectations met");
            TraceFormatTests.AssertTraceContract(trace, 2000);
            Assert.IsTrue(new FileInfo(plot).Length > 10_000);
        }
        finally { File.Delete(scenario); File.Delete(trace); File.Delete(plot); }
    }

    [TestMethod]
    public void A_failed_expectation_on_the_real_board_exits_1_naming_it_when_and_the_value()
    {
        // A known HD600 turned up 12 detents plays well above 60 dBA: the (deliberately too strict) expectation fails.
        string scenario = Write(Valid(extra: "'profiles':[{'name':'HD600','impedanceOhm':300,'sensitivity':97,'unit':'dB/V'}],")
            .Replace("{'maxSplDbA':85}", "{'maxSplDbA':60}"));
        try
        {
            var r = AmpSim.Run("run", scenario);
            Assert.AreEqual(1, r.ExitCode, r.Stdout + r.Stderr);
            StringAssert.Matches(r.Stderr, new System.Text.RegularExpressions.Regex(
                @"^ampsim run: expectation \$\.expect\[0\]\.maxSplDbA \(maxSplDbA 60\.0\) failed: at \d+ ms splDbA was \d+\.\d dBA"));
        }
        finally { File.Delete(scenario); }
    }

    [TestMethod]
    public void Demo_on_the_real_board_passes_with_redirected_output_and_writes_the_plots()
    {
        string outDir = Path.Combine(Path.GetTempPath(), $"ampsim-demo-{Guid.NewGuid():N}");
        try
        {
            var r = AmpSim.Run("demo", "--out", outDir);
            Assert.AreEqual(0, r.ExitCode, r.Stderr + r.Stdout);
            Assert.AreEqual("", r.Stderr);
            Assert.IsFalse(r.Stdout.Contains('\u001b'), "ANSI escape codes in redirected output");
            foreach (var text in new[] { "Policy decision:", "Gain relays switch", "Music starts", "Output relay OPENS", "RECOVERED", "Summary" })
                StringAssert.Contains(r.Stdout, text);
            Assert.IsFalse(r.Stdout.Contains("✗"), "an expectation failed");
            Assert.AreEqual(ScenarioFiles.BuiltInNames.Count, Directory.GetFiles(outDir, "*.png").Length);
        }
        finally { if (Directory.Exists(outDir)) Directory.Delete(outDir, true); }
    }

    [TestMethod]
    public void Bench_on_the_real_board_plays_and_its_steady_tick_allocates_nothing()
    {
        var r = AmpSim.Run("bench", "--json", "--ticks", "50000");
        Assert.AreEqual(0, r.ExitCode, r.Stderr);
        using var doc = JsonDocument.Parse(r.Stdout);
        var o = doc.RootElement;
        Assert.AreEqual(0, o.GetProperty("bytesPerTick").GetDouble(), "docs/design.md §3: no allocation in the steady control tick");
        Assert.AreEqual(50000, o.GetProperty("ticks").GetInt64());
        // The window (203-703 s after boot) holds the dose record written after 10 min of listening (S13), between ticks:
        // counted apart, and it did allocate (the record's frame), so the separation is not hiding an empty class.
        Assert.AreEqual(1, o.GetProperty("storeWriteTicks").GetInt64(), "one dose write in the measured window");
        Assert.IsTrue(o.GetProperty("bytesPerStoreWrite").GetDouble() > 0);
        Assert.AreEqual("playing", o.GetProperty("state").GetString());
        Assert.IsTrue(o.GetProperty("realTimeFactor").GetDouble() > 0);
    }
}
