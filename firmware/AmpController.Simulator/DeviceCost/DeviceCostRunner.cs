using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using AmpController.Core.Acoustics;
using AmpController.Core.SerialConsole;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using AmpController.Simulator.Platform;
using AmpController.Simulator.Scenario;

namespace AmpController.Simulator.DeviceCost;

/// <summary>
/// Runs inside the cost model's load context, where AmpController.Core is the instrumented copy: drives the default
/// simulated board through boot, plug-in (measuring, configuring), steady playing, console commands, faults and a
/// second plug, and records every loop iteration (Controller.Tick plus ConsoleSession.Poll, as Program.cs runs them).
/// Returns the report as JSON (types do not cross load contexts).
/// </summary>
public static class DeviceCostRunner
{
    public static readonly string[] ConsoleLines = ["status", "help", "limit 90", "mute", "unmute", "profile list", "vol 2", "bogus command"];

    sealed class LineQueue : IConsoleLineSource
    {
        public readonly Queue<string> Lines = new();
        public string? TryReadLine() => Lines.Count > 0 ? Lines.Dequeue() : null;
    }

    sealed class NullOutput : IConsoleOutput
    {
        public void WriteLine(string text) { }
    }

    public const int HotSpots = 6;

    /// <summary>The ids with the largest values, largest first.</summary>
    static List<HotSpot> Top(long[] values) =>
        values.Select((v, id) => new HotSpot(id, v)).Where(h => h.Value > 0).OrderByDescending(h => h.Value).Take(HotSpots).ToList();

    /// <summary>
    /// Known work under the probe, for the tests: BusResult.Full(4) (a static call whose newobj runs the struct's
    /// constructor) as if the loop had called it. Returns "il bytes structNewBytes".
    /// </summary>
    public static string Calibrate(int methods, int sites)
    {
        DeviceCostProbe.Configure(methods, sites);
        DeviceCostProbe.Reset();
        DeviceCostProbe.Enter(0);
        Core.Platform.BusResult.Full(4);
        DeviceCostProbe.Exit();
        var cost = DeviceCostProbe.ByRoot[0];
        return $"{cost.Il} {cost.Bytes} {cost.BytesByKind[(int)AllocationKind.StructNew]}";
    }

    public static string RunJson(int methods, int sites)
    {
        DeviceCostProbe.Configure(methods, sites);
        var samples = DeviceTickKinds.All.ToDictionary(k => k, _ => new List<TickCost>());
        var hotMethods = DeviceTickKinds.All.ToDictionary(k => k, _ => new List<HotSpot>());
        var hotSites = DeviceTickKinds.All.ToDictionary(k => k, _ => new List<HotSpot>());
        var timers = new TickCost[1] { new() };
        long[] timerCalls = new long[1];
        var board = (SimulatedBoard)BoardFactory.Create(new BoardConfig(Seed: 1));
        var lines = new LineQueue();
        ConsoleSession? session = null;

        void Tick(int count)
        {
            for (int i = 0; i < count; i++)
            {
                string before = board.Snapshot().State;
                bool consoleLine = session != null && lines.Lines.Count > 0;
                DeviceCostProbe.Reset();
                board.Tick();
                session?.Poll();
                var tick = DeviceCostProbe.ByRoot[0].Copy();
                tick.Add(DeviceCostProbe.ByRoot[1]);
                for (int t = 0; t < timers.Length; t++)
                {
                    timers[t].Add(DeviceCostProbe.ByRoot[2 + t]);
                    timerCalls[t] += DeviceCostProbe.ByRoot[2 + t].Calls;
                }
                // On the device profile a board tick holds no control tick (a late wake-up) or two (the one after it
                // overran its deadline runs at once): only board ticks with exactly one are a tick's cost.
                if (DeviceCostProbe.ByRoot[0].Calls != 1) continue;
                string kind = DeviceTickKinds.Classify(before, board.Snapshot().State, consoleLine);
                var previous = samples[kind];
                if (previous.Count == 0 || tick.Il > previous.Max(p => p.Il)) hotMethods[kind] = Top(DeviceCostProbe.MethodIl);
                if (tick.Bytes > 0 && (previous.Count == 0 || tick.Bytes > previous.Max(p => p.Bytes))) hotSites[kind] = Top(DeviceCostProbe.SiteBytes);
                previous.Add(tick);
            }
        }

        Tick(50);                                                   // boot: safe start, chips read back, unplugged
        board.Plug(new HeadphoneLoad(300, 300, Sensitivity.ToDbPerV(97, SensitivityUnit.DbPerMw, 300)));   // HD600
        Tick(100);
        board.TurnEncoder(6);
        Tick(200);
        Tick(1000);                                                 // steady playing with 100 ms supervision

        var settings = new Settings();
        var store = new SettingsStore(new SimFileStore());
        var shell = new ConsoleShell(settings, store, new Core.Control.ControllerConsoleActions(board.Controller, board.Policy, settings));
        session = new ConsoleSession(lines, shell, new NullOutput());
        foreach (string line in ConsoleLines)
        {
            lines.Lines.Enqueue(line);
            Tick(50);
        }
        session = null;

        board.InjectFault(new FaultSpec(BoardFaultKind.Nack, FaultDevice.Volume, Count: 3));
        Tick(300);
        board.InjectFault(new FaultSpec(BoardFaultKind.ChipReset, FaultDevice.Volume));
        Tick(300);
        board.InjectFault(new FaultSpec(BoardFaultKind.Nack, FaultDevice.Expander, Count: 5));
        Tick(300);
        board.Unplug();
        Tick(100);
        board.Plug(new HeadphoneLoad(16, 16, Sensitivity.ToDbPerV(110, SensitivityUnit.DbPerMw, 16)));     // an IEM
        Tick(300);

        var report = new DeviceCostReport(
            DeviceTickKinds.All.Select(k => DeviceCostReport.Summarise(k, samples[k]) with { HotMethods = hotMethods[k], HotSites = hotSites[k] }).ToList(),
            [Entry(0)]);
        return JsonSerializer.Serialize(report);

        EntryCost Entry(int t)
        {
            long calls = Math.Max(timerCalls[t], 1);
            return new EntryCost(DeviceCostProbe.Roots[2 + t], timerCalls[t], timers[t].Il / (double)calls,
                timers[t].Bytes / (double)calls, timers[t].NativeCalls / (double)calls);
        }
    }
}
