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

/// <summary>S4, S11 and the listener's mute: encoder turns within the cap, the push button's short press.</summary>
[TestClass]
public class VolumeAndMuteTests
{
    [TestMethod]
    public void S4_S11_encoder_never_goes_past_the_cap_nor_below_the_deepest_step()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        for (int i = 0; i < 50; i++) { rig.Detent(+1); rig.Tick(); Assert.IsTrue(rig.Volume.Level <= -10); }
        Assert.AreEqual(-10, rig.Volume.Level);
        for (int i = 0; i < 80; i++) rig.Detent(-1);
        rig.Tick();
        Assert.AreEqual(-62, rig.Volume.Level);
        Assert.IsFalse(rig.Volume.Muted);
    }

    [TestMethod]
    public void S11_one_dB_per_detent_while_playing()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Detent(+1); rig.Detent(+1); rig.Detent(+1); rig.Tick();
        Assert.AreEqual(-27, rig.Volume.Level);
        rig.Detent(-1); rig.Tick();
        Assert.AreEqual(-28, rig.Volume.Level);
    }

    [TestMethod]
    public void S11_encoder_during_ramp_moves_the_target_within_the_cap()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.RampUp);
        for (int i = 0; i < 40; i++) rig.Detent(+1);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing);
        Assert.AreEqual(-10, rig.Volume.Level);
        Assert.IsTrue(rig.Volume.Written.Zip(rig.Volume.Written.Skip(1)).All(p => p.Second - p.First <= ControllerTiming.RampStepDb));
    }

    [TestMethod]
    public void Encoder_while_not_playing_is_ignored()
    {
        var rig = new Rig();
        rig.Boot();
        for (int i = 0; i < 10; i++) rig.Detent(+1);
        rig.Tick();
        rig.PlugAndPlay();
        Assert.AreEqual(-30, rig.Volume.Level);
    }

    [TestMethod]
    public void Push_mutes_and_a_second_push_ramps_back_to_the_users_level()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Detent(+1); rig.Tick();
        Press(rig);
        Assert.IsTrue(rig.Volume.Muted);
        Assert.IsTrue(rig.Controller.UserMuted);
        Assert.IsTrue(rig.Relay.Closed);
        rig.Detent(-1); rig.Detent(-1); rig.Tick();
        Assert.IsTrue(rig.Volume.Muted, "turning while muted does not un-mute");
        int writes = rig.Volume.Written.Count;
        Press(rig);
        rig.TickUntil(() => rig.Controller.State == ControllerState.Playing && !rig.Volume.Muted);
        Assert.AreEqual(-31, rig.Volume.Level);
        Assert.AreEqual(-31 - ControllerTiming.RampSpanDb, rig.Volume.Written[writes]);
        Assert.IsFalse(rig.Controller.UserMuted);
    }

    [TestMethod]
    public void Push_during_ramp_mutes()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Jack.Level = true;
        rig.TickUntil(() => rig.Controller.State == ControllerState.RampUp);
        Press(rig);
        Assert.IsTrue(rig.Volume.Muted);
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State);
        rig.Tick(10);
        Assert.IsTrue(rig.Volume.Muted);
    }

    [TestMethod]
    public void Button_bounce_shorter_than_debounce_does_nothing()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        for (int i = 0; i < 10; i++) { rig.Button.Level = i % 2 == 0; rig.Tick(); }
        rig.Button.Level = false; rig.Tick(3);
        Assert.IsFalse(rig.Volume.Muted);
        Assert.IsFalse(rig.Controller.UserMuted);
    }

    [TestMethod]
    public void A_short_press_toggles_mute_once_on_release_not_on_press()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Button.Level = true;
        rig.Tick(5);
        Assert.IsFalse(rig.Controller.UserMuted, "a press still held is not yet short or long");
        rig.Button.Level = false;
        rig.Tick(5);
        Assert.IsTrue(rig.Controller.UserMuted, "the release of a short press toggles");
        Assert.IsTrue(rig.Volume.Muted);
        rig.Tick(20);
        Assert.IsTrue(rig.Controller.UserMuted, "one press, one toggle");
    }

    [TestMethod]
    public void Volume_step_and_mute_request_in_the_same_tick_both_apply()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        rig.Controller.RequestVolumeSteps(2);
        rig.Controller.RequestMute(true);
        rig.Tick();
        Assert.AreEqual(-28, rig.Controller.TargetDb);
        Assert.IsTrue(rig.Controller.UserMuted);
        Assert.IsTrue(rig.Volume.Muted);
    }

    internal static void Press(Rig rig)
    {
        rig.Button.Level = true;
        rig.Tick(3);
        rig.Button.Level = false;
        rig.Tick(3);
    }
}
