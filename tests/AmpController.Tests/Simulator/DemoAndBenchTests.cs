using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using AmpController.Simulator.Commands;
using AmpController.Simulator.Scenario;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Simulator;

[TestClass]
public class DemoAndBenchTests
{
    [TestMethod]
    public void Demo_runs_with_redirected_output_and_writes_one_png_per_scenario()
    {
        string outDir = Path.Combine(Path.GetTempPath(), $"ampsim-demo-{Guid.NewGuid():N}");
        try
        {
            var stdout = new StringWriter(); // not a terminal: no colours, no interaction
            var stderr = new StringWriter();
            int code = new DemoCommand(c => new FakeBoard(c)).Run(["--out", outDir], stdout, stderr);
            Assert.AreEqual("", stderr.ToString());
            string text = stdout.ToString();
            Assert.IsFalse(text.Contains('\u001b'), "ANSI escape codes in redirected output");
            foreach (var name in ScenarioFiles.BuiltInNames)
            {
                StringAssert.Contains(text, ScenarioFiles.BuiltIn(name).Name);
                var png = new FileInfo(Path.Combine(outDir, name + ".png"));
                Assert.IsTrue(png.Exists && png.Length > 10_000, $"{png.FullName} missing or empty");
                var header = new byte[8];
                using (var f = png.OpenRead()) f.ReadExactly(header);
                CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }, header);
            }
            StringAssert.Contains(text, "Summary");
            StringAssert.Contains(text, "Headphone plugged in");
            StringAssert.Contains(text, "Output relay OPENS");
            StringAssert.Contains(text, "RECOVERED");
            Assert.IsTrue(code is 0 or 1, $"exit {code}");
        }
        finally { if (Directory.Exists(outDir)) Directory.Delete(outDir, true); }
    }

    [TestMethod]
    public void Demo_only_an_unknown_scenario_is_bad_input()
    {
        var stderr = new StringWriter();
        int code = new DemoCommand(c => new FakeBoard(c)).Run(["--only", "nope", "--no-plots"], new StringWriter(), stderr);
        Assert.AreEqual(2, code);
        StringAssert.Contains(stderr.ToString(), "no built-in scenario 'nope'");
    }

    [TestMethod]
    public void Bench_json_has_the_contract_shape()
    {
        var stdout = new StringWriter();
        int code = new BenchCommand(c => new FakeBoard(c)).Run(["--json", "--ticks", "1000"], stdout, new StringWriter());
        Assert.AreEqual(0, code);
        var lines = stdout.ToString().TrimEnd().Split('\n');
        Assert.AreEqual(1, lines.Length, "--json prints one object");
        using var doc = JsonDocument.Parse(lines[0]);
        var o = doc.RootElement;
        Assert.IsTrue(o.GetProperty("realTimeFactor").GetDouble() > 0);
        Assert.IsTrue(o.GetProperty("bytesPerTick").GetDouble() >= 0);
        Assert.AreEqual(1000, o.GetProperty("ticks").GetInt64());
        Assert.IsTrue(o.GetProperty("relayClosed").GetBoolean());
        // docs/design.md §7: the device model's figures (docs/performance.md).
        Assert.IsTrue(o.GetProperty("deviceBytesPerTick").GetInt64() >= 0);
        long steady = o.GetProperty("ilPerTick").GetProperty("steady").GetInt64();
        long worst = o.GetProperty("ilPerTick").GetProperty("worst").GetInt64();
        Assert.IsTrue(steady > 0 && steady <= worst, $"ilPerTick steady {steady}, worst {worst}");
        Assert.IsTrue(o.GetProperty("deviceGoalsMet").ValueKind is JsonValueKind.True or JsonValueKind.False);
    }

    [TestMethod]
    public void Bench_counts_allocations_per_tick()
    {
        var r = AmpController.Simulator.Bench.TickBenchmark.Run(c => new FakeBoard(c), 5000);
        Assert.AreEqual(0, r.BytesPerTick, "the double does not allocate in Tick, so neither may the measurement loop");
        Assert.AreEqual(5000, r.Ticks);
    }
}
