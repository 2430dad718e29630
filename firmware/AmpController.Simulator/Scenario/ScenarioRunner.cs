using System;
using AmpController.Simulator.Board;
using AmpController.Simulator.Trace;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Scenario;

/// <summary>
/// Plays a scenario on a simulated board: events are applied at the first tick at or after their time, then the
/// board ticks (10 ms). The real board state is sampled after every tick and recorded when anything changed or
/// 100 ms passed since the last record (the trace contract of docs/design.md §7).
/// </summary>
public static class ScenarioRunner
{
    public const long MaxTraceGapMs = 100;

    /// <param name="onEvent">Called just after an event was applied (for the demo narration).</param>
    /// <param name="onSample">Called for every recorded sample with the board (for the demo narration).</param>
    /// <param name="keepSamples">Keep every sample in the record (tests, demo, plot); false streams: the trace is
    /// written and the expectations checked as the run goes, in memory that does not grow with the duration.</param>
    public static RunRecord Run(ScenarioSpec scenario, Func<BoardConfig, ISimulatedBoard> createBoard,
        TraceWriter? trace = null, Action<ScenarioEvent, ISimulatedBoard>? onEvent = null,
        Action<BoardSnapshot, ISimulatedBoard>? onSample = null, bool keepSamples = true)
    {
        var record = new RunRecord(scenario, keepSamples);
        var board = createBoard(scenario.Board);
        var events = scenario.Events;
        int next = 0;

        var last = board.Snapshot();
        Record(last);
        while (true)
        {
            while (next < events.Count && events[next].AtMs <= board.NowMs)
            {
                events[next].ApplyTo(board);
                onEvent?.Invoke(events[next], board);
                next++;
            }
            if (board.NowMs >= scenario.DurationMs) break;
            board.Tick();
            var now = board.Snapshot();
            if (!SameState(now, last) || now.TMs - last.TMs >= MaxTraceGapMs)
            {
                Record(now);
                last = now;
            }
        }
        var end = board.Snapshot();
        if (end.TMs != last.TMs) Record(end); // the trace always reaches the end of the scenario
        trace?.Flush();
        return record;

        void Record(BoardSnapshot s)
        {
            record.Add(s);
            trace?.Write(s);
            onSample?.Invoke(s, board);
        }
    }

    /// <summary>Everything but the time is equal (record struct equality compares strings by value).</summary>
    public static bool SameState(BoardSnapshot a, BoardSnapshot b) => a with { TMs = 0 } == b with { TMs = 0 };
}
