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

/// <summary>S2 removal: the output relay opens at the first reading of the jack open, whatever the phase.</summary>
[TestClass]
public class RemovalTests
{
    [TestMethod]
    public void S2_removal_opens_relay_and_mutes_within_one_tick()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Jack.Level = false;
        rig.Tick();
        Assert.IsFalse(rig.Relay.Closed);
        Assert.IsTrue(rig.Volume.Muted);
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State);
        Assert.IsFalse(rig.Controller.HasDecision);
    }

    [TestMethod]
    public void S2_S8_the_fast_sampler_opens_the_relay_on_removal_even_when_the_tick_hangs()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Controller.SampleInputs();
        Assert.IsTrue(rig.Relay.Closed, "jack still in: nothing happens");
        rig.Jack.Level = false;
        rig.Controller.SampleInputs(); // no Tick: the control loop is stuck
        Assert.IsFalse(rig.Relay.Closed);
        rig.Jack.Level = true; // chatter back in before the tick runs: the latch still reports the removal
        rig.Tick();
        Assert.AreEqual(ControllerState.Debounce, rig.Controller.State);
        Assert.IsTrue(rig.Volume.Muted);
        Assert.IsFalse(rig.Relay.Closed);
    }

    [TestMethod]
    public void S2_removal_during_ramp_opens_relay_in_the_same_tick()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.RampUp);
        rig.Jack.Level = false;
        rig.Tick();
        Assert.IsFalse(rig.Relay.Closed);
        Assert.IsTrue(rig.Volume.Muted);
    }

    [TestMethod]
    public void Removal_while_measuring_stops_the_sensor_and_opens_the_sense_relay()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        Assert.IsTrue(rig.Switches.SenseRelay);
        rig.Jack.Level = false;
        rig.Tick();
        Assert.IsFalse(rig.Sensor.Running);
        Assert.IsFalse(rig.Switches.SenseRelay);
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State);
    }

    [TestMethod]
    public void Removal_during_debounce_returns_to_unplugged_and_removal_clears_the_relay_flag()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.Tick();
        Assert.AreEqual(ControllerState.Debounce, rig.Controller.State);
        rig.Jack.Level = false;
        rig.Tick();
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State);

        rig.PlugAndPlay();
        Assert.IsTrue(rig.Controller.RelayClosed);
        rig.Jack.Level = false;
        rig.Tick();
        Assert.IsFalse(rig.Controller.RelayClosed);
        Assert.IsFalse(rig.Controller.HasDecision);
    }
}
