using System;
using System.Collections.Generic;
using System.Linq;

namespace AmpController.Simulator.DeviceCost;

/// <summary>Cost of one kind of control tick: mean and worst over the ticks of that kind.</summary>
public sealed record KindCost(
    string Kind, int Ticks,
    double IlMean, long IlMax,
    double BytesMean, long BytesMax,
    double NativeCallsMean, long NativeCallsMax,
    long I2cTransfersMax, long I2cBytesMax, long AdcReadsMax, long GpioReadsMax, long GpioWritesMax, long RuntimeCallsMax,
    IReadOnlyDictionary<string, long> BytesByKindMax)
{
    /// <summary>Methods with the most IL in the tick of this kind with the most IL.</summary>
    public IReadOnlyList<HotSpot> HotMethods { get; init; } = [];
    /// <summary>Allocation sites with the most bytes in the tick of this kind with the most bytes.</summary>
    public IReadOnlyList<HotSpot> HotSites { get; init; } = [];
}

/// <summary>One method (IL) or allocation site (bytes) and its share of a tick.</summary>
public sealed record HotSpot(int Id, long Value, string? Name = null);

/// <summary>Cost of one call of an entry point that runs on a timer thread, not in the loop.</summary>
public sealed record EntryCost(string Entry, long Calls, double IlPerCall, double BytesPerCall, double NativeCallsPerCall);

/// <summary>The device cost model's result (docs/performance.md): per tick kind, plus the timer entry points.</summary>
public sealed record DeviceCostReport(IReadOnlyList<KindCost> Kinds, IReadOnlyList<EntryCost> Timers)
{
    /// <summary>docs/performance.md goals (issue #13).</summary>
    public const long SteadyIlGoal = 2_000;
    public const long WorstIlGoal = 20_000;
    public const long SteadyBytesGoal = 0;

    public KindCost Kind(string name) => Kinds.First(k => k.Kind == name);

    public KindCost Steady => Kind(DeviceTickKinds.Steady);

    /// <summary>`ampsim bench` deviceBytesPerTick: the most bytes any steady playing tick allocates on the device.</summary>
    public long DeviceBytesPerTick => Steady.BytesMax;

    public long SteadyIl => Steady.IlMax;

    public long WorstIl => Kinds.Max(k => k.IlMax);

    public bool MeetsGoals => SteadyIl <= SteadyIlGoal && DeviceBytesPerTick <= SteadyBytesGoal && WorstIl <= WorstIlGoal;

    public DeviceCostReport WithNames(string[] methods, string[] sites) => this with
    {
        Kinds = Kinds.Select(k => k with
        {
            HotMethods = k.HotMethods.Select(h => h with { Name = methods[h.Id] }).ToList(),
            HotSites = k.HotSites.Select(h => h with { Name = sites[h.Id] }).ToList(),
        }).ToList(),
    };

    public static KindCost Summarise(string kind, IReadOnlyList<TickCost> ticks)
    {
        if (ticks.Count == 0) throw new InvalidOperationException("the cost run produced no '" + kind + "' tick");
        var bytesByKind = new Dictionary<string, long>();
        for (int k = 0; k < (int)AllocationKind.Count; k++)
        {
            long max = ticks.Max(t => t.BytesByKind[k]);
            if (max > 0) bytesByKind[((AllocationKind)k).ToString()] = max;
        }
        return new KindCost(kind, ticks.Count,
            ticks.Average(t => (double)t.Il), ticks.Max(t => t.Il),
            ticks.Average(t => (double)t.Bytes), ticks.Max(t => t.Bytes),
            ticks.Average(t => (double)t.NativeCalls), ticks.Max(t => t.NativeCalls),
            ticks.Max(t => t.I2cTransfers), ticks.Max(t => t.I2cBytes), ticks.Max(t => t.AdcReads),
            ticks.Max(t => t.GpioReads), ticks.Max(t => t.GpioWrites), ticks.Max(t => t.RuntimeCalls), bytesByKind);
    }
}

/// <summary>The tick kinds of issue #13, from the controller state before and after the tick.</summary>
public static class DeviceTickKinds
{
    public const string Steady = "steady";
    public const string Measuring = "measuring";
    public const string Configuring = "configuring";
    public const string Fault = "fault";
    public const string Console = "console";
    public const string Idle = "idle";

    public static readonly string[] All = [Steady, Measuring, Configuring, Fault, Console, Idle];

    public static string Classify(string before, string after, bool consoleLine)
    {
        if (consoleLine) return Console;
        if (Either(before, after, "fault", "recovering")) return Fault;
        if (Either(before, after, "measuring")) return Measuring;
        if (Either(before, after, "configuring", "rampUp")) return Configuring;
        if (before == "playing" && after == "playing") return Steady;
        return Idle;   // safeStart, unplugged, debounce, noLoad, safeMode
    }

    static bool Either(string before, string after, params string[] states) => states.Contains(before) || states.Contains(after);
}
