using System;
using System.IO;
using System.Linq;
using AmpController.Simulator.DeviceCost;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Mono.Cecil;

namespace AmpController.Tests.Simulator;

/// <summary>
/// The device cost model (issue #13, docs/performance.md): instrumentation counts exactly, allocations are priced by
/// the interpreter's rules, the run covers every tick kind, and the published table is a fresh run's.
/// </summary>
[TestClass]
public class DeviceCostTests
{
    static readonly Lazy<DeviceCostReport> Report = new(DeviceCostModel.Measure);
    static string CorePath => typeof(AmpController.Core.Control.Controller).Assembly.Location;

    /// <summary>Relative or absolute slack for the published table: the model is deterministic, Core keeps changing.</summary>
    static bool Near(long published, long fresh) => Math.Abs(published - fresh) <= Math.Max(64, Math.Abs(fresh) / 10);

    [TestMethod]
    public void Instrumented_Core_counts_a_known_call_exactly()
    {
        using var core = ModuleDefinition.ReadModule(CorePath);
        var busResult = core.GetType("AmpController.Core.Platform.BusResult");
        int expectedIl = busResult.Methods.Single(m => m.Name == "Full").Body.Instructions.Count
            + busResult.Methods.Single(m => m.IsConstructor && m.Parameters.Count == 2).Body.Instructions.Count;
        long[] counted = DeviceCostModel.Calibrate();
        Assert.AreEqual(expectedIl, counted[0], "IL of BusResult.Full and the constructor its newobj runs (branch-free)");
        Assert.AreEqual(3 * InterpreterHeapModel.HeapBlockBytes, counted[1], "newobj BusResult: header + 2 field blocks");
        Assert.AreEqual(counted[1], counted[2], "priced as a struct on the heap");
    }

    [TestMethod]
    public void Heap_model_prices_objects_arrays_and_strings_by_heap_blocks()
    {
        using var core = ModuleDefinition.ReadModule(CorePath);
        var heap = new InterpreterHeapModel(core);
        Assert.AreEqual(36, heap.ObjectBytes(core.GetType("AmpController.Core.Platform.BusResult")));
        Assert.IsTrue(heap.IsHeapStruct(core.GetType("AmpController.Core.Platform.BusResult")));
        Assert.IsFalse(heap.IsHeapStruct(core.GetType("AmpController.Core.Platform.BusStatus")), "enums sit in the block");
        // Array header 20 bytes + data, rounded up to 12-byte blocks.
        Assert.AreEqual(24, InterpreterHeapModel.ArrayBytes(4, 1));
        Assert.AreEqual(36, InterpreterHeapModel.ArrayBytes(16, 1));
        Assert.AreEqual(60, InterpreterHeapModel.ArrayBytes(3, 12));
        Assert.AreEqual(24, InterpreterHeapModel.ArrayBytes(0, 4));
        // String: block + UTF-8 text + terminator, rounded up.
        Assert.AreEqual(24, InterpreterHeapModel.StringBytes(0));
        Assert.AreEqual(24, InterpreterHeapModel.StringBytes(11));
        Assert.AreEqual(36, InterpreterHeapModel.StringBytes(12));
        var byteArray = new ArrayType(core.TypeSystem.Byte);
        Assert.AreEqual((1, 0), heap.ArrayElement(core.TypeSystem.Byte));
        Assert.AreEqual((12, 0), heap.ArrayElement(byteArray), "an array of references: one block per element");
    }

    [TestMethod]
    public void The_run_covers_every_tick_kind_with_native_calls_where_the_hardware_is_used()
    {
        var r = Report.Value;
        foreach (string kind in DeviceTickKinds.All) Assert.IsTrue(r.Kind(kind).Ticks > 0, "no " + kind + " tick");
        Assert.IsTrue(r.Steady.Ticks >= 900, "the board did not play steadily under the instrumented Core: " + r.Steady.Ticks);
        Assert.IsTrue(r.Steady.IlMax > 0 && r.Steady.IlMax <= r.WorstIl);
        Assert.IsTrue(r.Steady.I2cTransfersMax >= 1, "supervision reads the chips back every 100 ms (S5/S6)");
        Assert.IsTrue(r.Kind(DeviceTickKinds.Measuring).AdcReadsMax > 0, "measuring reads the sense ADC");
        Assert.IsTrue(r.Kind(DeviceTickKinds.Console).RuntimeCallsMax > 0, "a console command parses and formats text");
        Assert.IsTrue(r.Kinds.All(k => k.HotMethods.Count > 0 && k.HotMethods.All(h => h.Name != null && h.Value > 0)));
        Assert.AreEqual(1, r.Timers.Count, "one timer: the S8 stall monitor (the encoder needs no input timer any more)");
        Assert.IsTrue(r.Timers.All(t => t.Calls > 0));
    }

    [TestMethod]
    public void The_normal_Core_build_is_not_instrumented()
    {
        using var core = ModuleDefinition.ReadModule(CorePath);
        Assert.IsFalse(core.AssemblyReferences.Any(a => a.Name == typeof(DeviceCostModel).Assembly.GetName().Name));
        Assert.IsFalse(core.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody)
            .Any(m => m.Body.Instructions.Any(i => i.Operand is MethodReference c && c.DeclaringType.Name == nameof(DeviceCostProbe))));
    }

    /// <summary>docs/performance.md publishes the model's numbers; UPDATE_PERFORMANCE_DOC=1 rewrites its table from this run.</summary>
    [TestMethod]
    public void Performance_doc_table_is_a_fresh_run_of_the_model()
    {
        string path = Path.Combine(AmpController.Tests.NanoCompat.GateTests.RepoRoot(), "docs/performance.md");
        string doc = File.ReadAllText(path);
        if (Environment.GetEnvironmentVariable("UPDATE_PERFORMANCE_DOC") == "1")
        {
            doc = DeviceCostTable.Replace(doc, Report.Value);
            File.WriteAllText(path, doc);
        }
        var published = DeviceCostTable.ParseRows(doc);
        foreach (var kind in Report.Value.Kinds)
        {
            Assert.IsTrue(published.ContainsKey(kind.Kind), "docs/performance.md has no row for " + kind.Kind);
            long[] fresh = DeviceCostTable.Values(kind);
            for (int c = 0; c < fresh.Length; c++)
                Assert.IsTrue(Near(published[kind.Kind][c], fresh[c]),
                    $"docs/performance.md {kind.Kind} '{DeviceCostTable.Columns[c]}' is {published[kind.Kind][c]}, a fresh run gives {fresh[c]}: "
                    + "regenerate with UPDATE_PERFORMANCE_DOC=1 dotnet test tests/AmpController.Tests --filter Performance_doc_table");
        }
        Assert.AreEqual(Report.Value.Kinds.Count, published.Count, "docs/performance.md has rows for kinds the model no longer has");
    }
}
