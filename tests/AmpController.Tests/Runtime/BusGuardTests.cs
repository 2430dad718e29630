using AmpController.Core.Devices;
using AmpController.Core.Platform;
using AmpController.Simulator.Platform;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Runtime;

/// <summary>Core/Devices/BusGuard on a scripted bus (issue 13): one blocking transfer per tick, the relay opened before
/// a transfer that may block, probes instead of blocking retries, back-off to seconds, no bus clear for a NACK.</summary>
[TestClass]
public class BusGuardTests
{
    sealed class ScriptedBus : IRegisterBus, IBusProbe
    {
        public BusStatus Next = BusStatus.FullTransfer;
        public bool Answers;
        public int Transfers, Recovers, Probes;
        public SimClock? Clock;
        public BusResult Write(int address, byte[] data, int count) => Do(count);
        public BusResult Read(int address, byte[] into, int count) => Do(count);
        public BusResult WriteRead(int address, byte[] data, int w, byte[] into, int r) => Do(w + r);
        public bool Recover() { Recovers++; return true; }
        public bool Probe(int address) { Probes++; return Answers; }
        BusResult Do(int count)
        {
            Transfers++;
            if (Next == BusStatus.ClockStretchTimeout) Clock!.Advance(1000); // the native timeout
            return Next == BusStatus.FullTransfer ? BusResult.Full(count) : new BusResult(Next, 0);
        }
    }

    sealed class Pin : IDigitalOutput
    {
        public int Lows;
        public void Write(bool high) { if (!high) Lows++; }
    }

    static readonly byte[] Buffer = new byte[2];

    [TestMethod]
    public void S5_after_a_timeout_nothing_else_is_sent_in_that_tick_and_a_chip_that_stays_away_is_only_probed()
    {
        var clock = new SimClock();
        var bus = new ScriptedBus { Clock = clock, Next = BusStatus.ClockStretchTimeout };
        var relay = new Pin();
        var guard = new BusGuard(bus, clock, relay, bus);
        Assert.IsFalse(guard.Write(0x28, Buffer, 1).Ok);
        Assert.IsFalse(guard.Write(0x20, Buffer, 1).Ok, "the expander waits too: one block per tick");
        Assert.AreEqual(1, bus.Transfers);
        for (int t = 0; t < 1000; t++) // 10 s of ticks, each trying the chip
        {
            clock.Advance(10);
            guard.Write(0x28, Buffer, 1);
        }
        Assert.AreEqual(1, bus.Transfers, "no second blocking transfer while the probe finds nothing");
        Assert.IsTrue(bus.Probes >= 95 && bus.Probes <= 101, $"{bus.Probes} probes in 10 s");
        bus.Answers = true;
        bus.Next = BusStatus.FullTransfer;
        clock.Advance(100);
        int lows = relay.Lows;
        Assert.IsTrue(guard.Write(0x28, Buffer, 1).Ok, "the probe answered: the transfer goes through");
        Assert.AreEqual(lows + 1, relay.Lows, "the relay pin was driven open before a transfer that might have blocked");
        Assert.IsFalse(guard.IsSuspect(0x28));
    }

    [TestMethod]
    public void S5_a_chip_that_answers_the_probe_but_times_out_is_retried_at_a_back_off_growing_to_seconds()
    {
        var clock = new SimClock();
        var bus = new ScriptedBus { Clock = clock, Next = BusStatus.ClockStretchTimeout, Answers = true };
        var guard = new BusGuard(bus, clock, new Pin(), bus);
        var starts = new System.Collections.Generic.List<long>();
        while (clock.NowMs < 60_000)
        {
            long before = clock.NowMs;
            int n = bus.Transfers;
            guard.Write(0x28, Buffer, 1);
            if (bus.Transfers != n) starts.Add(before);
            clock.Advance(10);
        }
        var gaps = new System.Collections.Generic.List<long>();
        for (int i = 1; i < starts.Count; i++) gaps.Add(starts[i] - starts[i - 1] - 1000);
        System.Console.WriteLine("waits between blocking retries: " + string.Join(", ", gaps));
        Assert.IsTrue(gaps[^1] >= BusGuard.MaxRetryMs, "the back-off reaches seconds");
        for (int i = 1; i < gaps.Count; i++) Assert.IsTrue(gaps[i] >= gaps[i - 1]);
    }

    [TestMethod]
    public void S5_a_nack_is_not_a_reason_to_clock_the_bus()
    {
        var clock = new SimClock();
        var bus = new ScriptedBus { Clock = clock, Next = BusStatus.AddressNotAcknowledged };
        var guard = new BusGuard(bus, clock, new Pin(), bus);
        for (int i = 0; i < 10; i++) guard.Write(0x28, Buffer, 1);
        Assert.IsTrue(guard.Recover());
        Assert.AreEqual(0, bus.Recovers);
        Assert.AreEqual(10, bus.Transfers, "NACKs come back at once: nothing is held back");
        bus.Next = BusStatus.ClockStretchTimeout;
        guard.Write(0x28, Buffer, 1);
        guard.Recover();
        Assert.AreEqual(1, bus.Recovers, "after a timeout the bus is clocked free");
    }

    [TestMethod]
    public void The_fake_gpio_controller_keeps_a_disposed_pin_listed_until_ClosePin()
    {
        var gpio = new SimGpioController();
        Assert.IsTrue(gpio.OpenPin(21));
        gpio.DisposePin(21);
        Assert.AreEqual(1, gpio.LeakedPins);
        Assert.IsFalse(gpio.OpenPin(21), "nanoFramework refuses a pin still in its list");
        gpio.ClosePin(21);
        Assert.AreEqual(0, gpio.OpenPins);
        Assert.AreEqual(0, gpio.LeakedPins);
        Assert.IsTrue(gpio.OpenPin(21));
    }
}
