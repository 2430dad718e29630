using System;
using System.Collections.Generic;
using System.Linq;
using AmpController.Core.Control;
using AmpController.Simulator.Board;
using AmpController.Simulator.Runtime;
using AmpController.Tests.Control;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Runtime;

/// <summary>
/// The device profile's scheduler and blocking model (docs/design.md §3a, Runtime/DeviceTiming): ticks on the FreeRTOS
/// 10 ms grid with jitter, a blocking I2C transfer that stops everything managed for the native timeout, a hang.
/// </summary>
[TestClass]
public class DeviceRuntimeTests
{
    [TestMethod]
    public void Control_ticks_run_on_the_FreeRTOS_10_ms_grid_and_sometimes_one_tick_late()
    {
        var board = SimulatedBoardTests.Booted();
        var times = new List<long>();
        long ticks = board.ControlTicks;
        for (int i = 0; i < 2000; i++)
        {
            board.Tick();
            for (long n = ticks; n < board.ControlTicks; n++) times.Add(board.Runtime.NowMs);
            ticks = board.ControlTicks;
        }
        var gaps = times.Zip(times.Skip(1), (a, b) => b - a).ToList();
        Assert.IsTrue(times.All(t => t % DeviceTiming.FreeRtosTickMs == 0), "every wake-up is on a FreeRTOS tick");
        // A late wake-up overran its deadline: the loop runs the next tick at once (gap 0), as Program does.
        Assert.IsTrue(gaps.All(g => g is 0 or 10 or 20), string.Join(",", gaps.Distinct()));
        double late = gaps.Count(g => g == 20) / (double)gaps.Count;
        Console.WriteLine($"{gaps.Count} gaps, {late:P1} one tick late");
        Assert.IsTrue(late > 0.03 && late < 0.2, $"late wake-ups {late:P1} (modelled {DeviceTiming.LateWakeProbability:P0})");
    }

    [TestMethod]
    public void A_timer_that_fell_behind_fires_once_then_on_its_period_grid()
    {
        // CLR_RT_HeapBlock_Timer::Reschedule: no avalanche of missed periods.
        Assert.AreEqual(1000, DeviceTiming.NextTimerExpiry(500, 500, 900));
        Assert.AreEqual(2500, DeviceTiming.NextTimerExpiry(500, 500, 2010));
        Assert.AreEqual(2000, DeviceTiming.NextTimerExpiry(500, 500, 1500));
        Assert.AreEqual(20, DeviceTiming.NextTick(11));
        Assert.AreEqual(20, DeviceTiming.NextTick(20));
    }

    [TestMethod]
    public void S5_a_missing_chip_blocks_the_runtime_once_for_the_native_timeout_and_the_hardware_watchdog_opens_the_relay()
    {
        var board = Playing();
        long openedAt = -1;
        board.Relay.Opening = () => { if (openedAt < 0) openedAt = board.NowMs; };
        long ticksBefore = board.ControlTicks;
        long at = board.NowMs;
        board.InjectFault(new FaultSpec(BoardFaultKind.Missing, FaultDevice.Volume));
        for (int i = 0; i < 1000; i++) board.Tick(); // 10 s
        Console.WriteLine($"relay open {openedAt - at} ms after the chip went missing; runtime blocked {board.Runtime.BlockedMs} ms in {board.Runtime.Blocks} transfer(s)");
        Assert.AreEqual(1, board.Runtime.Blocks, "after the first timeout the guard probes instead of blocking again");
        Assert.AreEqual(DeviceTiming.I2cTimeoutMs, board.Runtime.BlockedMs);
        // Nothing managed runs during the blocked transfer: the relay opens by the hardware watchdog, counted from the
        // first transfer to the chip (the next supervision, ≤ 50 ms + one late tick), fed at the start of that tick.
        double bound = ControllerTiming.SupervisionPeriodMs + DeviceTiming.FreeRtosTickMs + HardwareSafetyTiming.LastFeedToRelayOpenMaxMs;
        Assert.IsLessThanOrEqualTo(100.0, bound, "S5: the board's watchdog is short enough for a blocking fault");
        Assert.IsTrue(openedAt - at <= 100, $"{openedAt - at} ms");
        Assert.IsTrue(board.Relay.InterlockOpenings >= 1, "opened by the hardware watchdog while the firmware was blocked");
        Assert.IsFalse(board.Relay.Closed);
        Assert.IsTrue(board.Bus.ProbeCalls > 50, "a bit-banged probe every 100 ms");
        Assert.AreEqual(0, board.WatchdogReboots);
        Assert.IsTrue(board.ControlTicks - ticksBefore > 800, "the loop kept running after the one blocked transfer");
    }

    [TestMethod]
    public void S5_a_chip_that_vanishes_or_a_bus_that_sticks_at_any_moment_opens_the_relay_within_100_ms_on_every_board()
    {
        long worst = 0;
        string worstCase = "";
        foreach (var kind in new[] { BoardFaultKind.Missing, BoardFaultKind.StuckBus })
            for (int seed = 1; seed <= 12; seed++)
                for (int phase = 0; phase < 6; phase++) // the fault lands 0-5 ticks into a supervision period
                {
                    var board = Playing(seed);
                    for (int i = 0; i < phase; i++) board.Tick();
                    long openedAt = -1;
                    board.Relay.Opening = () => { if (openedAt < 0) openedAt = board.NowMs; };
                    long at = board.NowMs;
                    board.InjectFault(new FaultSpec(kind, FaultDevice.Volume));
                    for (int i = 0; i < 30 && openedAt < 0; i++) board.Tick();
                    Assert.IsGreaterThanOrEqualTo(0L, openedAt, $"{kind} seed {seed} phase {phase}: relay never opened");
                    if (openedAt - at > worst) { worst = openedAt - at; worstCase = $"{kind} seed {seed} phase {phase} (watchdog {board.Watchdog.TimeoutMs:F1} ms)"; }
                }
        Console.WriteLine($"worst fault -> relay open: {worst} ms, {worstCase}");
        Assert.IsLessThanOrEqualTo(100L, worst, worstCase);
    }

    [TestMethod]
    public void S5_a_nack_never_leads_to_bit_banging_the_bus()
    {
        var board = Playing();
        board.InjectFault(new FaultSpec(BoardFaultKind.Nack, FaultDevice.Volume, Count: 20));
        for (int i = 0; i < 300; i++) board.Tick();
        Assert.AreEqual(0, board.Gpio.OpenCalls, "no SDA/SCL opened as GPIO for a NACK");
        Assert.AreEqual(0, board.Bus.ProbeCalls);
        Assert.AreEqual(0, board.Runtime.Blocks, "a NACK returns at once");
        Assert.AreEqual("playing", board.Snapshot().State);
    }

    [TestMethod]
    public void S5_a_stuck_bus_is_clocked_free_through_pins_that_are_closed_again()
    {
        var board = Playing();
        board.InjectFault(new FaultSpec(BoardFaultKind.StuckBus, FaultDevice.Volume));
        Assert.IsTrue(SimulatedBoardTests.TicksUntil(board, s => !s.RelayClosed, 200) >= 0, "the relay opens");
        long back = SimulatedBoardTests.TicksUntil(board, s => s.State == "playing" && s.RelayClosed, 5000);
        Console.WriteLine($"stuck bus: music back after {back} ms, {board.Gpio.OpenCalls} pin opens, {board.Runtime.Blocks} blocked transfer(s)");
        Assert.IsTrue(back > 0);
        Assert.IsFalse(board.Bus.IsStuck);
        Assert.IsTrue(board.Gpio.OpenCalls >= 2);
        Assert.AreEqual(board.Gpio.OpenCalls, board.Gpio.CloseCalls);
        Assert.AreEqual(0, board.Gpio.OpenPins);
        Assert.AreEqual(1, board.Runtime.Blocks);
    }

    [TestMethod]
    public void S8_a_runtime_hang_opens_the_relay_through_the_hardware_watchdog_within_100_ms_on_every_board()
    {
        double worst = 0;
        for (int seed = 1; seed <= 12; seed++)
        {
            var board = Playing(seed);
            long openedAt = -1;
            board.Relay.Opening = () => { if (openedAt < 0) openedAt = board.NowMs; };
            long lastFeed = board.Watchdog.LastFeedMs;
            long ticks = board.ControlTicks;
            board.InjectFault(new FaultSpec(BoardFaultKind.RuntimeHang, FaultDevice.Board, DurationMs: 2000));
            long hungAt = board.NowMs;
            for (int i = 0; i < 50; i++) board.Tick();
            Assert.AreEqual(ticks, board.ControlTicks, "nothing managed ran during the hang");
            Assert.IsTrue(openedAt > 0, $"seed {seed}: relay still closed");
            worst = Math.Max(worst, openedAt - hungAt);
            Assert.IsTrue(openedAt - hungAt <= 100, $"seed {seed}: {openedAt - hungAt} ms (watchdog {board.Watchdog.TimeoutMs:F1} ms)");
            Assert.IsTrue(openedAt - lastFeed <= HardwareSafetyTiming.LastFeedToRelayOpenMaxMs + 1);
            // When the interpreter resumes, the relay does not close by itself onto the old level (S1/S2).
            for (int i = 0; i < 200 && board.NowMs < hungAt + 2000; i++) board.Tick();
            board.Tick();
            Assert.IsFalse(board.Relay.Closed, "the first tick after the hang keeps the relay open");
            long back = SimulatedBoardTests.TicksUntil(board, s => s.State == "playing" && s.RelayClosed, 2000);
            Assert.IsTrue(back >= 0, $"seed {seed}: music did not come back");
            Assert.AreEqual(0, board.Observer.RelayClosingsUnmuted, "every closing onto a muted attenuator");
        }
        Console.WriteLine($"runtimeHang to relay open, worst of 12 boards: {worst} ms");
    }

    internal static SimulatedBoard Playing(int seed = 1)
    {
        var board = new SimulatedBoard(new BoardConfig(Seed: seed));
        board.Plug(SimulatedBoardTests.Hd600);
        Assert.IsTrue(SimulatedBoardTests.TicksUntil(board, s => s.State == "playing" && s.RelayClosed, 5000) >= 0);
        for (int i = 0; i < 30; i++) board.Tick();
        return board;
    }
}
