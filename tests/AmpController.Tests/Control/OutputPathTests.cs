using AmpController.Core.Control;
using AmpController.Core.Devices;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>
/// Issue 17: OutputPath is the one owner of the output relay, the attenuator's mute and level, the gain relays and the
/// sense relay; it refuses (Rejected, nothing written) every write that would break S3 or S4, whatever the controller asks.
/// </summary>
[TestClass]
public class OutputPathTests
{
    private sealed class Path
    {
        public readonly FakeRelay Relay = new();
        public readonly FakeVolume Volume = new();
        public readonly FakeSwitches Switches;
        public readonly GainDecision Limits = new() { CapDb = -10 };
        public readonly OutputPath Output;
        public long Now = 1000;

        public Path()
        {
            Switches = new FakeSwitches(Relay, Volume);
            Output = new OutputPath(Relay, Volume, Switches, Limits, Now);
            Now += 500;
            Assert.AreEqual(DeviceStatus.Ok, Output.Initialize(Now));
        }

        /// <summary>Gain switched, a tick later the relay closed, then playing at <paramref name="db"/>.</summary>
        public void Play(int step, int db)
        {
            Now += ControllerTiming.TickMs;
            Assert.AreEqual(DeviceStatus.Ok, Output.SetGainStep(step, Now));
            Now += ControllerTiming.TickMs;
            Assert.AreEqual(DeviceStatus.Ok, Output.Close(Now));
            Assert.AreEqual(DeviceStatus.Ok, Output.SetLevel(db));
        }
    }

    [TestMethod]
    public void S1_the_relay_is_held_open_from_construction()
    {
        var p = new Path();
        Assert.IsFalse(p.Relay.Closed);
        Assert.IsFalse(p.Output.RelayClosed);
        Assert.IsTrue(p.Relay.Writes >= 1, "the pin is written open, not only believed open");
    }

    [TestMethod]
    public void S3_gain_is_refused_with_the_relay_closed()
    {
        var p = new Path();
        p.Play(1, -20);
        Assert.AreEqual(DeviceStatus.Ok, p.Output.Mute());
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.SetGainStep(2, p.Now + 100));
        Assert.AreEqual(1, p.Switches.GainStep);
        Assert.AreEqual(0, p.Switches.S3Violations);
    }

    [TestMethod]
    public void S3_gain_is_refused_with_the_attenuator_playing_even_with_the_relay_open()
    {
        var p = new Path();
        p.Play(1, -20);
        p.Output.Open(p.Now);
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.SetGainStep(2, p.Now + 100));
        Assert.AreEqual(1, p.Switches.GainStep);
    }

    [TestMethod]
    public void S3_gain_is_refused_until_the_output_relay_has_had_a_tick_to_release()
    {
        var p = new Path();
        p.Play(1, -20);
        Assert.AreEqual(DeviceStatus.Ok, p.Output.Mute());
        p.Output.Open(p.Now);
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.SetGainStep(2, p.Now), "same instant");
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.SetGainStep(2, p.Now + ControllerTiming.RelaySwitchMs - 1));
        Assert.AreEqual(1, p.Switches.GainStep);
        Assert.AreEqual(DeviceStatus.Ok, p.Output.SetGainStep(2, p.Now + ControllerTiming.RelaySwitchMs));
        Assert.AreEqual(2, p.Switches.GainStep);
    }

    [TestMethod]
    public void S3_the_output_relay_closes_only_a_tick_after_the_gain_relays_switched()
    {
        var p = new Path();
        p.Now += ControllerTiming.TickMs;
        Assert.AreEqual(DeviceStatus.Ok, p.Output.SetGainStep(2, p.Now));
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.Close(p.Now));
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.Close(p.Now + ControllerTiming.RelaySwitchMs - 1));
        Assert.IsFalse(p.Relay.Closed);
        Assert.AreEqual(DeviceStatus.Ok, p.Output.Close(p.Now + ControllerTiming.RelaySwitchMs));
        Assert.IsTrue(p.Relay.Closed);
        Assert.IsTrue(p.Volume.Muted, "closed onto the muted attenuator");
    }

    [TestMethod]
    public void S3_the_output_relay_closes_only_onto_a_muted_attenuator()
    {
        var p = new Path();
        p.Play(1, -20);
        p.Output.Open(p.Now);
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.Close(p.Now + 100), "the attenuator is playing");
        Assert.IsFalse(p.Relay.Closed);
        Assert.AreEqual(DeviceStatus.Ok, p.Output.Mute());
        Assert.AreEqual(DeviceStatus.Ok, p.Output.Close(p.Now + 100));
    }

    [TestMethod]
    public void S3_the_output_relay_stays_open_after_a_failed_gain_write_until_the_chips_are_initialised_again()
    {
        var p = new Path();
        p.Now += ControllerTiming.TickMs;
        p.Switches.FailNext = 1;
        Assert.AreEqual(DeviceStatus.BusError, p.Output.SetGainStep(2, p.Now));
        Assert.AreEqual(-1, p.Output.GainStep, "unknown after a failed write");
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.Close(p.Now + 100));
        Assert.IsFalse(p.Relay.Closed);
        Assert.AreEqual(DeviceStatus.Ok, p.Output.Initialize(p.Now + 100));
        Assert.AreEqual(0, p.Output.GainStep);
    }

    [TestMethod]
    public void S5_the_fault_path_forgets_what_the_chips_hold_so_nothing_closes_before_a_new_initialisation()
    {
        var p = new Path();
        p.Play(1, -20);
        p.Output.Open(p.Now);
        p.Output.MuteBestEffort();
        Assert.IsFalse(p.Output.ChipMuted);
        Assert.AreEqual(-1, p.Output.GainStep);
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.Close(p.Now + 100));
        Assert.AreEqual(DeviceStatus.Ok, p.Output.Initialize(p.Now + 100), "initialising again is what brings the path back");
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.Close(p.Now + 100), "the expander's initialisation may have moved the gain relays");
        Assert.AreEqual(DeviceStatus.Ok, p.Output.Close(p.Now + 100 + ControllerTiming.RelaySwitchMs));
    }

    [TestMethod]
    public void Sense_relay_never_closes_with_the_output_relay_closed_nor_the_output_relay_with_the_sense_relay_closed()
    {
        var p = new Path();
        p.Play(1, -20);
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.SetSenseRelay(true));
        Assert.IsFalse(p.Switches.SenseRelay);
        Assert.AreEqual(DeviceStatus.Ok, p.Output.Mute());
        p.Output.Open(p.Now);
        Assert.AreEqual(DeviceStatus.Ok, p.Output.SetSenseRelay(true));
        Assert.AreEqual(DeviceStatus.Rejected, p.Output.Close(p.Now + 100), "the test source must not meet the amplifier");
        Assert.AreEqual(DeviceStatus.Ok, p.Output.SetSenseRelay(false));
        Assert.AreEqual(DeviceStatus.Ok, p.Output.Close(p.Now + 100));
    }

    [TestMethod]
    [DataRow(-9, -10)]
    [DataRow(0, -10)]
    [DataRow(-10, -10)]
    [DataRow(-11, -11)]
    public void S4_no_level_above_the_cap_is_ever_written(int asked, int written)
    {
        var p = new Path();
        p.Play(1, asked);
        Assert.AreEqual(written, p.Volume.Level);
        Assert.AreEqual(written, p.Output.LevelDb);
        CollectionAssert.DoesNotContain(p.Volume.Written, -9);
    }

    [TestMethod]
    public void S4_the_cap_bound_is_the_decision_in_force()
    {
        var p = new Path();
        p.Play(1, -20);
        p.Limits.CapDb = -25; // a new, stricter decision
        Assert.AreEqual(DeviceStatus.Ok, p.Output.SetLevel(-20));
        Assert.AreEqual(-25, p.Volume.Level);
    }

    [TestMethod]
    public void Cut_drives_the_pin_open_and_the_next_open_records_it()
    {
        var p = new Path();
        p.Play(1, -20);
        p.Output.Cut();
        Assert.IsFalse(p.Relay.Closed, "the pin is open at once");
        p.Output.Open(p.Now);
        Assert.IsFalse(p.Output.RelayClosed);
    }
}
