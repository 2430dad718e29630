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

/// <summary>S5: a fault opens the relay in the tick it is seen and mutes; what is resumed after it.</summary>
[TestClass]
public class FaultTests
{
    [TestMethod]
    public void S5_write_failure_while_turning_opens_the_relay_in_the_same_tick()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Volume.FailNext = 1;
        rig.Detent(+1);
        rig.Tick();
        Assert.IsFalse(rig.Relay.Closed);
        Assert.AreEqual(DeviceStatus.BusError, rig.Controller.LastFault);
    }

    [TestMethod]
    public void S5_write_failure_and_press_in_the_same_tick_stays_in_fault()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Volume.FailNext = 1;
        rig.Controller.RequestVolumeSteps(1);
        rig.Controller.RequestMute(true);
        rig.Tick();
        Assert.AreEqual(ControllerState.Fault, rig.Controller.State, "the failed write wins over the mute request");
        Assert.IsFalse(rig.Relay.Closed);
    }

    [TestMethod]
    public void S5_fault_mutes_the_attenuator_and_waits_for_the_first_back_off_delay()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        int inits = rig.Volume.Inits;
        rig.Volume.VerifyResult = DeviceStatus.Mismatch;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Fault);
        Assert.IsTrue(rig.Volume.Muted, "muted as well as disconnected");
        Assert.IsFalse(rig.Controller.RelayClosed);
        rig.Tick(); // Fault -> Recovering; the first delay has not passed
        Assert.AreEqual(inits, rig.Volume.Inits);
    }

    [TestMethod]
    public void S5_fault_while_configuring_resumes_without_measuring_again()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        while (rig.Clock.NowMs + ControllerTiming.TickMs - rig.Sensor.StartedAt < rig.Sensor.DurationMs) rig.Tick();
        rig.Volume.FailNext = 1; // the mute before the gain change fails
        rig.Tick();
        Assert.AreEqual(ControllerState.Fault, rig.Controller.State);
        int starts = rig.Sensor.Starts;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing) >= 0);
        Assert.AreEqual(starts, rig.Sensor.Starts, "the decision survives a fault while configuring");
        Assert.AreEqual(-30, rig.Volume.Level);
    }

    [TestMethod]
    public void S5_fault_at_the_start_of_the_ramp_resumes_without_measuring_again()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Relay.Closed);
        rig.Tick(ControllerTiming.RelaySettleMs / ControllerTiming.TickMs - 1);
        rig.Volume.FailNext = 1; // the first ramp write fails
        rig.Tick();
        Assert.AreEqual(ControllerState.Fault, rig.Controller.State);
        Assert.IsFalse(rig.Relay.Closed);
        int starts = rig.Sensor.Starts;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing) >= 0);
        Assert.AreEqual(starts, rig.Sensor.Starts);
    }

    [TestMethod]
    public void Fault_while_unplugged_recovers_to_unplugged()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Volume.VerifyResult = DeviceStatus.ChipReset;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Fault, 200);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Unplugged, 1000);
        Assert.AreEqual(1, rig.Controller.FaultCount);
        Assert.AreEqual(0, rig.Sensor.Starts);
    }

    [TestMethod]
    public void Fault_while_unplugged_recovers_to_unplugged_and_a_plug_inserted_meanwhile_is_played()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Volume.VerifyResult = DeviceStatus.ChipReset;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Fault);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Unplugged);
        rig.Tick(3);
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State, "nothing inserted: stays unplugged");

        rig.Volume.VerifyResult = DeviceStatus.ChipReset;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Recovering);
        rig.Jack.Level = true; // inserted during recovery
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing) >= 0);
    }

    [TestMethod]
    public void Fault_during_measuring_measures_again_after_recovery()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.DurationMs = 200;
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        rig.Switches.VerifyResult = DeviceStatus.Mismatch;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Fault);
        Assert.IsFalse(rig.Sensor.Running);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.AreEqual(2, rig.Sensor.Starts);
    }

    [TestMethod]
    public void Unplug_during_recovery_then_replug_measures_again_at_the_safe_level()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        for (int i = 0; i < 10; i++) rig.Detent(+1);
        rig.Tick();
        rig.Volume.FailNext = 5;
        rig.Volume.VerifyResult = DeviceStatus.Mismatch;
        rig.TickUntil(() => !rig.Relay.Closed);
        rig.Jack.Level = false; rig.Tick(2);
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.AreEqual(2, rig.Sensor.Starts);
        Assert.AreEqual(-30, rig.Volume.Level);
    }
}
