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

/// <summary>S2: the ramp from well below the target to it, in bounded steps.</summary>
[TestClass]
public class RampTests
{
    [TestMethod]
    public void S2_ramp_rises_in_bounded_steps_from_well_below_the_target()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        var w = rig.Volume.Written;
        Assert.AreEqual(-30 - ControllerTiming.RampSpanDb, w[0]);
        for (int i = 1; i < w.Count; i++)
        {
            Assert.IsTrue(w[i] - w[i - 1] <= ControllerTiming.RampStepDb, $"step {w[i - 1]} -> {w[i]}");
            Assert.IsTrue(w[i] >= w[i - 1]);
        }
        Assert.AreEqual(-30, w[^1]);
    }

    [TestMethod]
    public void S2_ramp_start_is_clamped_to_the_chips_deepest_step()
    {
        var rig = new Rig();
        rig.Policy.SafeStartDb = -55;
        rig.Boot();
        rig.PlugAndPlay();
        Assert.AreEqual(-62, rig.Volume.Written[0]);
        Assert.AreEqual(-55, rig.Volume.Level);
    }

    [TestMethod]
    public void Ramp_starting_at_its_target_is_playing_in_the_same_tick()
    {
        var rig = new Rig();
        rig.Policy.SafeStartDb = -62;
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Volume.Written.Count > 0);
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State);
        Assert.AreEqual(1, rig.Volume.Written.Count);
    }
}
