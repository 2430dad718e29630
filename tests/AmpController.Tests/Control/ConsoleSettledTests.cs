using AmpController.Core.Control;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>S10: Controller.Settled, the console's "nothing under way" check before it prints the "now: ..." line.</summary>
[TestClass]
public class ConsoleSettledTests
{
    private static Rig Unplugged()
    {
        var rig = new Rig();
        rig.Boot();
        Assert.AreEqual(ControllerState.Unplugged, rig.Controller.State, "precondition: unplugged");
        return rig;
    }

    [TestMethod]
    public void S10_unplugged_with_nothing_pending_is_settled()
    {
        Assert.IsTrue(Unplugged().Controller.Settled, "unplugged and no request waiting: settled");
    }

    [TestMethod]
    public void S10_a_pending_volume_step_is_not_settled()
    {
        var rig = Unplugged();
        rig.Controller.RequestVolumeSteps(1);
        Assert.IsFalse(rig.Controller.Settled, "a volume step waits for the tick");
    }

    [TestMethod]
    public void S10_a_pending_mute_request_is_not_settled()
    {
        var rig = Unplugged();
        rig.Controller.RequestMute(true);
        Assert.IsFalse(rig.Controller.Settled, "a mute request waits for the tick");
    }

    [TestMethod]
    public void S10_a_pending_reevaluation_is_not_settled()
    {
        var rig = Unplugged();
        rig.Controller.RequestReevaluation();
        Assert.IsFalse(rig.Controller.Settled, "a re-evaluation waits for the tick");
        rig.Tick();
        Assert.IsTrue(rig.Controller.Settled, "taken by the tick: settled again");
    }

    [TestMethod]
    public void S10_measuring_is_not_settled()
    {
        var rig = Unplugged();
        rig.Sensor.NeverFinishes = true;
        rig.Jack.Level = true;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring, 1000) >= 0, "precondition: measuring");
        Assert.IsFalse(rig.Controller.Settled, "a measurement under way is not settled");
    }

    [TestMethod]
    public void S10_playing_at_the_wanted_level_is_settled_and_muted_playing_too()
    {
        var rig = Unplugged();
        rig.PlugAndPlay();
        Assert.AreEqual(rig.Controller.TargetDb, rig.Controller.LevelDb, "precondition: at the wanted level");
        Assert.IsTrue(rig.Controller.Settled, "playing at the wanted level: settled");
        rig.Controller.RequestMute(true);
        rig.Tick();
        Assert.IsTrue(rig.Controller.UserMuted, "precondition: muted");
        rig.Controller.RequestVolumeSteps(-3);
        rig.Tick();
        Assert.AreNotEqual(rig.Controller.TargetDb, rig.Controller.LevelDb, "precondition: the level to come back to moved while muted");
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State, "precondition: muted playing is a Playing state");
        Assert.IsTrue(rig.Controller.Settled, "muted: the level to come back to is not under way, settled");
    }
}
