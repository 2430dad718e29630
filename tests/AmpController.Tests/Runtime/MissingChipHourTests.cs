using System;
using AmpController.Simulator.Board;
using AmpController.Tests.Control;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Runtime;

/// <summary>
/// Issue 13's "done when": one simulated hour with the volume chip missing (every transfer to it would block for the
/// native I2C timeout) leaves no pin open or leaked, no reboot, the relay open the whole time, and music returns at the
/// safe level within 1 s of the chip's return.
/// </summary>
[TestClass]
public class MissingChipHourTests
{
    [TestMethod]
    public void S5_S8_an_hour_with_the_volume_chip_missing_leaks_no_pin_never_reboots_keeps_the_relay_open_and_recovers_in_1_s()
    {
        var board = DeviceRuntimeTests.Playing();
        double before = board.Snapshot().AttenuationDb;
        board.InjectFault(new FaultSpec(BoardFaultKind.Missing, FaultDevice.Volume));
        for (int i = 0; i < 20; i++) board.Tick(); // the first transfer blocks; the hardware watchdog opens K1
        int closings = board.Relay.Closings;
        long closedTicks = 0;
        const long HourMs = 3_600_000;
        long end = board.NowMs + HourMs;
        while (board.NowMs < end)
        {
            board.Tick();
            if (board.Relay.Closed) closedTicks++;
        }
        Console.WriteLine($"hour: {board.Bus.ProbeCalls} probes, {board.Gpio.OpenCalls} pin opens / {board.Gpio.CloseCalls} closes, " +
            $"{board.Gpio.OpenPins} open, {board.Gpio.LeakedPins} leaked, {board.Gpio.FailedOpens} failed opens, " +
            $"{board.Runtime.Blocks} blocked transfers ({board.Runtime.BlockedMs} ms), {board.WatchdogReboots} reboots, {board.Boots} boots, " +
            $"relay closed in {closedTicks} ticks, {board.ControlTicks} control ticks");
        Assert.AreEqual(0, board.Gpio.OpenPins, "pins left open");
        Assert.AreEqual(0, board.Gpio.LeakedPins, "pins leaked (disposed without ClosePin)");
        Assert.AreEqual(0, board.Gpio.FailedOpens);
        Assert.AreEqual(board.Gpio.OpenCalls, board.Gpio.CloseCalls);
        Assert.AreEqual(0, board.WatchdogReboots, "reboots");
        Assert.AreEqual(1, board.Boots);
        Assert.AreEqual(0, closedTicks, "relay closed while the chip was missing");
        Assert.AreEqual(closings, board.Relay.Closings);
        Assert.AreEqual(1, board.Runtime.Blocks, "one blocking transfer in the whole hour");
        Assert.IsTrue(board.Bus.ProbeCalls > 25_000, "probed at each recovery attempt, at most every 100 ms");

        board.ClearFaults(); // the chip is back
        long back = SimulatedBoardTests.TicksUntil(board, s => s.State == "playing" && s.RelayClosed && !s.Muted, 3000);
        var s = board.Snapshot();
        Console.WriteLine($"chip back: music after {back} ms at {s.SplDbA:F1} dBA (attenuation {s.AttenuationDb} dB, before the fault {before} dB)");
        Assert.IsTrue(back >= 0 && back <= 1000, $"{back} ms");
        Assert.IsTrue(s.SplDbA <= board.Config.SafeDefaultDbA, "back at the safe level (S5)");
        Assert.IsTrue(s.AttenuationDb <= before);
        Assert.AreEqual(0, board.Observer.RelayClosingsUnmuted);
    }
}
