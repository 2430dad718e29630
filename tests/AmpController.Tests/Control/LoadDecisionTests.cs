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

/// <summary>S7 and the decision: what the measurement and the policy let play (short, open, uncertain, timeouts, the chip's range).</summary>
[TestClass]
public class LoadDecisionTests
{
    [TestMethod]
    [DataRow(LoadClass.Short)]
    [DataRow(LoadClass.Open)]
    public void S7_short_and_open_stay_muted_with_relay_open_and_are_measured_again(LoadClass load)
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.Next = FakeSensor.Of(load);
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.NoLoad);
        Assert.AreEqual("noLoad", rig.Controller.StateName);
        int starts = rig.Sensor.Starts;
        for (int i = 0; i < 45; i++) { rig.Tick(); Assert.IsFalse(rig.Relay.Closed); Assert.IsTrue(rig.Volume.Muted); }
        Assert.AreEqual(starts, rig.Sensor.Starts, "not before 500 ms");
        rig.Sensor.Next = FakeSensor.Headphone(300);
        long ms = rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 1000);
        Assert.IsTrue(ms >= 0, "a completed plug is found by the next measurement");
        Assert.AreEqual(starts + 1, rig.Sensor.Starts);
    }

    [TestMethod]
    [DataRow(LoadClass.Mono)]
    [DataRow(LoadClass.Line)]
    [DataRow(LoadClass.Uncertain)]
    public void S7_uncertain_results_reach_the_policy_as_unconfirmed_and_play_no_louder(LoadClass load)
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.Next = FakeSensor.Of(load);
        rig.PlugAndPlay();
        Assert.AreEqual(load, rig.Policy.LastClass);
        Assert.AreEqual(-20, rig.Controller.CapDb);
        Assert.AreEqual(0, rig.Switches.GainStep);
        Assert.AreEqual(-40, rig.Volume.Level);
    }

    [TestMethod]
    public void S7_a_measurement_that_never_finishes_counts_as_uncertain()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.NeverFinishes = true;
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        long t0 = rig.Clock.NowMs;
        rig.TickUntil(() => rig.Controller.State != ControllerState.Measuring);
        Assert.IsTrue(rig.Clock.NowMs - t0 >= ControllerTiming.MeasureTimeoutMs);
        Assert.AreEqual(LoadClass.Uncertain, rig.Policy.LastClass);
        Assert.IsTrue(rig.Sensor.Stops >= 1);
    }

    [TestMethod]
    public void S7_measurement_times_out_exactly_at_the_timeout_and_the_sense_relay_opens()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.NeverFinishes = true;
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring);
        Assert.IsFalse(rig.Controller.HasDecision, "a new measurement forgets the old decision");
        Assert.IsTrue(rig.Switches.SenseRelay);
        long entered = rig.Clock.NowMs;
        rig.TickUntil(() => rig.Controller.State != ControllerState.Measuring);
        Assert.AreEqual(ControllerTiming.MeasureTimeoutMs, rig.Clock.NowMs - entered);
        Assert.IsFalse(rig.Switches.SenseRelay, "the test source is disconnected before the relay may close");
    }

    [TestMethod]
    public void S7_no_load_is_measured_again_exactly_after_the_remeasure_interval()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.Next = FakeSensor.Of(LoadClass.Open);
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.NoLoad);
        long entered = rig.Clock.NowMs;
        int starts = rig.Sensor.Starts;
        rig.TickUntil(() => rig.Sensor.Starts > starts);
        Assert.AreEqual(ControllerTiming.RemeasureNoLoadMs, rig.Clock.NowMs - entered);
    }

    [TestMethod]
    public void S7_decision_outside_the_chips_range_never_plays()
    {
        var rig = new Rig();
        rig.Policy.CapDb = -70;
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.NoLoad);
        rig.Tick(20);
        Assert.IsFalse(rig.Relay.Closed);
        Assert.IsFalse(rig.Controller.HasDecision);
    }

    [TestMethod]
    [DataRow(0, -30)]
    [DataRow(-10, 0)]
    [DataRow(-62, -62)]
    public void S7_decisions_at_the_chips_range_bounds_play(int cap, int safeStart)
    {
        var rig = new Rig();
        rig.Policy.CapDb = cap;
        rig.Policy.SafeStartDb = safeStart;
        rig.Boot();
        rig.PlugAndPlay();
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State);
        Assert.AreEqual(Math.Min(cap, safeStart), rig.Volume.Level);
    }

    [TestMethod]
    [DataRow(1, -30)]
    [DataRow(-10, 1)]
    public void S4_a_cap_or_safe_start_above_0_dB_never_plays(int cap, int safeStart)
    {
        var rig = new Rig();
        rig.Policy.CapDb = cap;
        rig.Policy.SafeStartDb = safeStart;
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.NoLoad);
        rig.Tick(10);
        Assert.AreEqual(ControllerState.NoLoad, rig.Controller.State);
        Assert.IsFalse(rig.Relay.Closed);
        Assert.IsTrue(rig.Volume.Muted);
    }
}
