using System.Collections.Generic;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Platform;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>S2, S5, S8: failed writes on the way out, the recovery's back-off and bus gate, and the watchdog-feed gap.</summary>
[TestClass]
public class FaultPathEdgeTests
{
    private static Rig Playing()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State, "precondition: playing");
        return rig;
    }

    [TestMethod]
    public void S2_a_failed_sense_relay_write_during_the_removal_goes_to_fault()
    {
        var rig = Playing();
        rig.Switches.FailNext = 1;
        rig.Jack.Level = false;
        rig.Tick();
        Assert.AreEqual(DeviceStatus.BusError, rig.Controller.LastFault, "the failed write during the removal is a fault");
        Assert.AreEqual(1, rig.Controller.FaultCount, "one fault");
        Assert.IsFalse(rig.Relay.Closed, "relay open");
    }

    [TestMethod]
    public void S5_a_failed_mute_write_on_the_listeners_mute_goes_to_fault()
    {
        var rig = Playing();
        rig.Volume.FailNext = 1;
        rig.Controller.RequestMute(true);
        rig.Tick();
        Assert.AreEqual(DeviceStatus.BusError, rig.Controller.LastFault, "the mute that did not land is a fault");
        Assert.AreEqual(1, rig.Controller.FaultCount, "one fault");
        Assert.IsFalse(rig.Relay.Closed, "S5: relay open");
    }

    /// <summary>Times (ms after the fault) of the chip initialisations while recovering from one fault with the given failures.</summary>
    private static List<long> InitTimes(Rig rig, int failures)
    {
        int faults = rig.Controller.FaultCount;
        rig.Volume.FailNext = failures;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.FaultCount > faults, 1000) >= 0, "precondition: the fault");
        long faultAt = rig.Clock.NowMs;
        var times = new List<long>();
        int inits = rig.Volume.Inits;
        while (rig.Controller.State != ControllerState.Playing && rig.Clock.NowMs - faultAt < 3000)
        {
            rig.Tick();
            if (rig.Volume.Inits != inits) { times.Add(rig.Clock.NowMs - faultAt); inits = rig.Volume.Inits; }
        }
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State, "recovered and playing");
        return times;
    }

    [TestMethod]
    public void S5_every_fault_starts_a_fresh_back_off_schedule()
    {
        var fresh = InitTimes(Playing(), 4);
        var rig = Playing();
        InitTimes(rig, 6); // a long recovery: the back-off grows to its maximum
        var again = InitTimes(rig, 4);
        CollectionAssert.AreEqual(fresh, again,
            $"the second fault's attempts ({string.Join(",", again)}) follow the first delay again, like a first fault ({string.Join(",", fresh)})");
    }

    [TestMethod]
    public void S5_recovery_from_a_chip_reset_does_not_touch_the_bus_recovery()
    {
        var rig = Playing();
        rig.Bus.RecoverResult = false; // would hold the recovery if it were asked
        rig.Volume.VerifyResult = DeviceStatus.ChipReset;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.FaultCount > 0, 1000) >= 0, "precondition: the fault");
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 2000) >= 0, "recovered");
        Assert.AreEqual(0, rig.Bus.Recovers, "only a bus error frees the bus");
    }

    [TestMethod]
    public void S5_a_bus_still_hung_after_the_power_up_window_is_retried_with_back_off_not_every_tick()
    {
        var rig = Playing();
        rig.Volume.FailNext = 1;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.FaultCount > 0, 1000) >= 0, "precondition: the fault");
        Assert.AreEqual(DeviceStatus.BusError, rig.Controller.LastFault, "precondition: a bus error");
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.Phase == ControllerPhase.RecoverySettling, 1000) >= 0, "precondition: settling");
        rig.Bus.RecoverResult = false;
        int recovers = rig.Bus.Recovers;
        rig.Tick((ControllerTiming.PowerOnSettleMs + 200) / ControllerTiming.TickMs);
        int tries = rig.Bus.Recovers - recovers;
        Assert.IsTrue(tries >= 2 && tries <= 7, $"200 ms of a hung bus after the window: {tries} tries, back-off 20, 40, 40 ...");
        Assert.AreEqual(ControllerPhase.RecoverySettling, rig.Controller.Phase, "waits for the bus");
    }

    [TestMethod]
    public void S2_a_plug_replaced_just_before_the_recovery_ends_is_debounced_at_once()
    {
        var rig = Playing();
        rig.Volume.VerifyResult = DeviceStatus.ChipReset;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.Phase == ControllerPhase.RecoverySettling, 1000) >= 0, "precondition: settling");
        long settlingAt = rig.Clock.NowMs;
        while (rig.Clock.NowMs < settlingAt + ControllerTiming.PowerOnSettleMs - 2 * ControllerTiming.TickMs) rig.Tick();
        rig.Jack.Level = false;
        rig.Tick();
        rig.Jack.Level = true;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State != ControllerState.Recovering, 500) >= 0, "recovery ends");
        Assert.AreEqual(ControllerState.Debounce, rig.Controller.State, "the jack reads plugged: straight to the debounce");
    }

    // ---- S8: the hardware watchdog's feed ----

    private sealed class RecordingFeed : IWatchdogFeed
    {
        public FakeRelay? Relay;
        public readonly List<bool> RelayAtPulse = new();
        public void Pulse() => RelayAtPulse.Add(Relay!.Closed);
    }

    private static (Rig rig, Controller fed, RecordingFeed feed) FedController()
    {
        var rig = new Rig();
        var feed = new RecordingFeed { Relay = rig.Relay };
        var ports = new ControllerPorts(rig.Clock, rig.Volume, rig.Switches, rig.Sensor, rig.Relay, rig.Jack, rig.A, rig.B, rig.Button)
            { Bus = rig.Bus, WatchdogFeed = feed };
        return (rig, new Controller(ports, rig.Policy), feed);
    }

    private static void Tick(Rig rig, Controller c, long ms)
    {
        rig.Clock.NowMs += ms;
        c.Tick();
    }

    private static void TickUntil(Rig rig, Controller c, System.Func<bool> done)
    {
        long start = rig.Clock.NowMs;
        while (!done()) { Assert.IsTrue(rig.Clock.NowMs - start < 5000, "timed out"); Tick(rig, c, ControllerTiming.TickMs); }
    }

    [TestMethod]
    public void S8_a_feed_gap_while_playing_drives_the_relay_open_before_the_feed_and_enters_the_fault_path()
    {
        var (rig, c, feed) = FedController();
        rig.Jack.Level = true;
        TickUntil(rig, c, () => c.State == ControllerState.Playing);
        Assert.IsTrue(rig.Relay.Closed, "precondition: relay closed");
        Tick(rig, c, ControllerTiming.FeedGapMs + 5);
        Assert.IsFalse(feed.RelayAtPulse[feed.RelayAtPulse.Count - 1], "the relay pin was open before the feed after the gap");
        Assert.AreEqual(1, c.FaultCount, "S5: back through the fault path");
        Assert.AreEqual(DeviceStatus.NotReady, c.LastFault, "the feed gap's fault");
    }

    [TestMethod]
    public void S8_a_feed_gap_with_the_relay_already_open_is_no_fault()
    {
        var (rig, c, _) = FedController();
        TickUntil(rig, c, () => c.State == ControllerState.Unplugged);
        Tick(rig, c, ControllerTiming.FeedGapMs + 5);
        Tick(rig, c, ControllerTiming.TickMs);
        Assert.AreEqual(0, c.FaultCount, "nothing to cut: no fault");
        Assert.AreEqual(ControllerState.Unplugged, c.State, "still unplugged");
    }
}
