using System.IO;
using System.Linq;
using System.Text.Json;
using AmpController.Simulator.Commands;
using AmpController.Simulator.Scenario;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static AmpController.Tests.Simulator.ScenarioFilesForTests;

namespace AmpController.Tests.Simulator;

[TestClass]
public class TraceFormatTests
{
    static readonly string[] ContractFields = ["tMs", "state", "relayClosed", "gainDb", "attenuationDb", "capDb", "splDbA", "fault", "tier", "dosePercent"];

    /// <summary>Fields added after the contract's (docs/design.md §7 allows more; docs/scenarios.md lists them), in this order.</summary>
    static readonly string[] ExtensionFields = ["profile", "offer", "ackWarning"];

    /// <summary>Checks docs/design.md §7's trace contract on a JSONL file; returns the parsed lines.</summary>
    public static JsonElement[] AssertTraceContract(string path, long durationMs)
    {
        var lines = File.ReadAllLines(path);
        Assert.IsTrue(lines.Length > 0, "empty trace");
        var objects = lines.Select((line, i) =>
        {
            using var doc = JsonDocument.Parse(line); // every line parses on its own
            return doc.RootElement.Clone();
        }).ToArray();
        long previous = -1;
        foreach (var o in objects)
        {
            CollectionAssert.AreEqual(ContractFields.Concat(ExtensionFields).ToArray(), o.EnumerateObject().Select(p => p.Name).ToArray(), o.ToString());
            long t = o.GetProperty("tMs").GetInt64();
            Assert.IsTrue(t > previous, $"time not increasing at {t}");
            Assert.IsTrue(previous < 0 || t - previous <= 100, $"gap of {t - previous} ms before {t} ms (contract: at least every 100 ms)");
            previous = t;
            Assert.AreEqual(JsonValueKind.String, o.GetProperty("state").ValueKind);
            bool relay = o.GetProperty("relayClosed").ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                var k => throw new AssertFailedException($"relayClosed is {k}"),
            };
            Assert.AreEqual(JsonValueKind.Number, o.GetProperty("gainDb").ValueKind);
            Assert.AreEqual(JsonValueKind.Number, o.GetProperty("attenuationDb").ValueKind);
            CollectionAssert.Contains(new[] { JsonValueKind.Number, JsonValueKind.Null }, o.GetProperty("capDb").ValueKind);
            var spl = o.GetProperty("splDbA").ValueKind;
            if (!relay) Assert.AreEqual(JsonValueKind.Null, spl, $"splDbA must be null with the relay open at {t} ms");
            else CollectionAssert.Contains(new[] { JsonValueKind.Number, JsonValueKind.Null }, spl);
            CollectionAssert.Contains(new[] { JsonValueKind.String, JsonValueKind.Null }, o.GetProperty("fault").ValueKind);
            CollectionAssert.Contains(new[] { JsonValueKind.String, JsonValueKind.Null }, o.GetProperty("profile").ValueKind);
            CollectionAssert.Contains(new[] { JsonValueKind.String, JsonValueKind.Null }, o.GetProperty("offer").ValueKind);
        }
        Assert.AreEqual(0, objects[0].GetProperty("tMs").GetInt64(), "the trace starts at power-up");
        Assert.AreEqual(durationMs, previous, "the trace ends at the end of the scenario");
        return objects;
    }

    [TestMethod]
    public void Trace_lines_have_the_contract_fields_then_the_extensions_with_right_types_at_least_every_100_ms()
    {
        string scenario = Write(Valid());
        string trace = TempPath(".jsonl");
        try
        {
            var command = new RunCommand(c => new FakeBoard(c));
            int code = command.Run([scenario, "--trace", trace], new StringWriter(), new StringWriter());
            Assert.AreEqual(0, code);
            var lines = AssertTraceContract(trace, 2000);
            Assert.IsTrue(lines.Any(l => l.GetProperty("relayClosed").GetBoolean()), "the double never played");
            Assert.IsTrue(lines.Any(l => l.GetProperty("fault").ValueKind == JsonValueKind.String), "the fault is not in the trace");
        }
        finally { File.Delete(scenario); File.Delete(trace); }
    }

    [TestMethod]
    public void A_line_is_written_on_every_change_and_every_100_ms_but_not_on_every_tick()
    {
        var spec = ScenarioLoader.Parse(Valid().Replace('\'', '"'));
        FakeBoard? board = null;
        var record = ScenarioRunner.Run(spec, c => board = new FakeBoard(c));
        // Every tick's state is represented: consecutive samples differ or are 100 ms apart (the last one closes the run).
        for (int i = 1; i < record.Samples.Count - 1; i++)
        {
            var (a, b) = (record.Samples[i - 1], record.Samples[i]);
            Assert.IsTrue(!ScenarioRunner.SameState(a, b) || b.TMs - a.TMs == 100, $"redundant sample at {b.TMs} ms");
        }
        Assert.AreEqual(200, board!.Ticks);
        Assert.IsTrue(record.Samples.Count < board.Ticks / 2, $"{record.Samples.Count} samples for {board.Ticks} ticks");
    }

    [TestMethod]
    public void Events_are_applied_at_the_first_tick_at_or_after_their_time()
    {
        var spec = ScenarioLoader.Parse(Valid("[{'atMs':105,'plug':{'leftOhm':32,'rightOhm':32}}]").Replace('\'', '"'));
        var record = ScenarioRunner.Run(spec, c => new FakeBoard(c));
        // The double closes the relay 150 ms after the plug; the plug at 105 ms is applied before the tick at 110 ms.
        Assert.AreEqual(260L, System.Linq.Enumerable.First(record.Samples, s => s.RelayClosed).TMs);
    }
}
