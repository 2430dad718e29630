using System.Collections.Generic;
using System.Linq;
using System;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Core.Supervision;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>S5: recovery with back-off, bus recovery, the power-up window, and back at a safe level never louder than before.</summary>
[TestClass]
public class RecoveryTests
{
    [TestMethod]
    public void S5_recovery_returns_at_the_safe_level_not_the_louder_one_before()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        for (int i = 0; i < 20; i++) rig.Detent(+1);
        rig.Tick();
        Assert.AreEqual(-10, rig.Volume.Level);
        rig.Volume.VerifyResult = DeviceStatus.ChipReset;
        rig.TickUntil(() => !rig.Relay.Closed);
        long ms = rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 2000);
        Assert.IsTrue(ms >= 0 && ms <= 1000, $"music back after {ms} ms");
        Assert.AreEqual(-30, rig.Volume.Level);
        Assert.AreEqual(1, rig.Controller.RecoveryCount);
        Assert.AreEqual(1, rig.Sensor.Starts, "the plug did not change: no new measurement");
    }

    [TestMethod]
    public void S5_recovery_never_returns_higher_than_before()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        for (int i = 0; i < 12; i++) rig.Detent(-1);
        rig.Tick();
        rig.Volume.VerifyResult = DeviceStatus.Mismatch;
        rig.TickUntil(() => !rig.Relay.Closed);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.AreEqual(-42, rig.Volume.Level);
    }

    [TestMethod]
    public void S5_user_mute_survives_a_recovery()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        VolumeAndMuteTests.Press(rig);
        rig.Volume.VerifyResult = DeviceStatus.Mismatch;
        rig.TickUntil(() => !rig.Relay.Closed);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        rig.Tick(5);
        Assert.IsTrue(rig.Relay.Closed);
        Assert.IsTrue(rig.Volume.Muted);
    }

    [TestMethod]
    public void S5_retries_back_off_doubling_up_to_the_maximum_and_recover_a_stuck_bus()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Volume.FailNext = 1000;
        rig.TickUntil(() => !rig.Relay.Closed, 100);
        var attempts = new List<long>();
        int inits = rig.Volume.Inits;
        for (int i = 0; i < 150; i++)
        {
            rig.Tick();
            if (rig.Volume.Inits != inits) { attempts.Add(rig.Clock.NowMs); inits = rig.Volume.Inits; }
            Assert.IsFalse(rig.Relay.Closed);
        }
        var gaps = new List<long>();
        for (int i = 1; i < attempts.Count; i++) gaps.Add(attempts[i] - attempts[i - 1]);
        CollectionAssert.AreEqual(new long[] { 20, 40, 40, 40, 40, 40, 40 }, gaps.GetRange(0, 7));
        Assert.IsTrue(rig.Bus.Recovers >= attempts.Count, "every retry after a bus error recovers the bus first");
        rig.Volume.FailNext = 0;
        long ms = rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 2000);
        Assert.IsTrue(ms >= 0 && ms <= 1000, $"music back {ms} ms after the fault stopped");
    }

    [TestMethod]
    public void S5_a_bus_that_will_not_recover_is_retried_with_growing_delays()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Bus.RecoverResult = false;
        rig.Volume.FailNext = 1000;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Fault);
        Assert.AreEqual(DeviceStatus.BusError, rig.Controller.LastFault);
        rig.Tick(20); // 200 ms: with every-tick retries this would be ~20 attempts
        Assert.IsTrue(rig.Bus.Recovers >= 2, $"retried: {rig.Bus.Recovers}");
        Assert.IsTrue(rig.Bus.Recovers <= 200 / Core.Supervision.RecoveryBackoff.MaxDelayMs + 2, $"backed off: {rig.Bus.Recovers}");
    }

    [TestMethod]
    public void S5_bus_that_cannot_be_recovered_is_not_touched_further()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Bus.RecoverResult = false;
        rig.Volume.FailNext = 1;
        rig.Detent(+1);
        rig.Tick();
        int inits = rig.Volume.Inits;
        rig.Tick(50);
        Assert.AreEqual(inits, rig.Volume.Inits);
        Assert.AreEqual(ControllerState.Recovering, rig.Controller.State);
        rig.Bus.RecoverResult = true;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 1000) >= 0);
    }

    [TestMethod]
    public void S5_recovery_initialises_again_after_the_power_up_window_before_closing_the_relay()
    {
        var rig = new Rig();
        int inits = rig.PlayThenResetChipUntilFirstReinit();
        long first = rig.Clock.NowMs;
        rig.TickUntil(() =>
        {
            if (rig.Volume.Inits == inits + 2) return true;
            Assert.IsFalse(rig.Relay.Closed, "relay stays open in the window");
            return false;
        });
        Assert.AreEqual(ControllerTiming.PowerOnSettleMs, rig.Clock.NowMs - first);
        Assert.AreEqual(ControllerState.Configuring, rig.Controller.State);
        Assert.AreEqual(ControllerPhase.SwitchingGain, rig.Controller.Phase);
        Assert.IsFalse(rig.Relay.Closed, "S3: the gain relays switched in this tick; the output relay waits a tick for them");
        Assert.IsTrue(rig.Volume.Muted);
        rig.Tick();
        Assert.AreEqual(ControllerPhase.RelaySettling, rig.Controller.Phase);
        Assert.IsTrue(rig.Relay.Closed, "closes one tick after the confirmed second initialisation switched the gain");
        Assert.IsTrue(rig.Volume.Muted);
    }

    [TestMethod]
    public void S5_a_failure_inside_the_power_up_window_starts_the_window_again()
    {
        var rig = new Rig();
        int inits = rig.PlayThenResetChipUntilFirstReinit();
        rig.Volume.FailNext = 1;
        rig.TickUntil(() => rig.Volume.Inits == inits + 2);
        long failedAt = rig.Clock.NowMs;
        rig.TickUntil(() => rig.Volume.Inits == inits + 3);
        rig.TickUntil(() => rig.Volume.Inits == inits + 4);
        Assert.IsTrue(rig.Clock.NowMs - failedAt >= ControllerTiming.PowerOnSettleMs);
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 1000) >= 0);
    }
}
