using System;
using System.IO;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;

namespace AmpController.Simulator.DeviceCost;

/// <summary>
/// The device cost model (issue #13, docs/performance.md): instruments a copy of AmpController.Core, loads it with a
/// second copy of ampsim into a collectible load context (so the simulated board runs on the instrumented Core), runs
/// <see cref="DeviceCostRunner"/> there and returns its report. Takes a few seconds; the normal Core is untouched.
/// </summary>
public static class DeviceCostModel
{
    public static DeviceCostReport Measure()
    {
        var (json, instrumented) = RunInContext(nameof(DeviceCostRunner.RunJson));
        var report = JsonSerializer.Deserialize<DeviceCostReport>(json) ?? throw new InvalidOperationException("empty cost report");
        return report.WithNames(instrumented.Methods, instrumented.Sites);
    }

    /// <summary>For the tests: IL, bytes and struct bytes counted for BusResult.Full(4) (<see cref="DeviceCostRunner.Calibrate"/>).</summary>
    public static long[] Calibrate() => Array.ConvertAll(RunInContext(nameof(DeviceCostRunner.Calibrate)).Output.Split(' '), long.Parse);

    static (string Output, CoreInstrumenter.Result Instrumented) RunInContext(string runnerMethod)
    {
        string corePath = typeof(Core.Control.Controller).Assembly.Location;
        string simulatorPath = typeof(DeviceCostModel).Assembly.Location;
        var instrumented = CoreInstrumenter.Instrument(File.ReadAllBytes(corePath));
        var context = new CostLoadContext(instrumented.Image, simulatorPath);
        try
        {
            var simulator = context.LoadFromAssemblyPath(simulatorPath);
            var runner = simulator.GetType(typeof(DeviceCostRunner).FullName!, throwOnError: true)!;
            object[] counts = [instrumented.Methods.Length, instrumented.Sites.Length];
            try { return ((string)runner.GetMethod(runnerMethod)!.Invoke(null, counts)!, instrumented); }
            catch (TargetInvocationException e) when (e.InnerException != null) { throw e.InnerException; }
        }
        finally
        {
            context.Unload();
        }
    }

    /// <summary>Resolves AmpController.Core to the instrumented image and ampsim to the copy in this context; the rest is shared.</summary>
    sealed class CostLoadContext(byte[] core, string simulatorPath) : AssemblyLoadContext("device-cost", isCollectible: true)
    {
        readonly string simulatorName = AssemblyName.GetAssemblyName(simulatorPath).Name!;
        Assembly? coreAssembly;

        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name == typeof(Core.Control.Controller).Assembly.GetName().Name)
                return coreAssembly ??= LoadFromStream(new MemoryStream(core));
            if (name.Name == simulatorName) return LoadFromAssemblyPath(simulatorPath);
            return null;
        }
    }
}
