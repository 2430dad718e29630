using System.Collections.Generic;
using System.Linq;
using AmpController.Core.Control;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>
/// From the jack to the music, on the controller with doubles and an exact clock (<see cref="OfferBench"/>): the
/// insertion debounce, an empty jack, the load watch's start from the measured impedances, the stored mute's writes,
/// the safe start below the cap, and what a turn does during the ramp.
/// </summary>
[TestClass]
public class InsertionToPlayingTests
{
    private sealed class RecordingMuteMemory : IMuteMemory
    {
        public bool Muted { get; set; }
        public readonly List<bool> Remembered = new();
        public void Remember(bool muted) { Remembered.Add(muted); Muted = muted; }
    }

    static SenseResult Headphone(double left, double right) => new()
    {
        LeftOhm = left, RightOhm = right, LeftClass = LoadClass.Headphone, RightClass = LoadClass.Headphone,
        Class = LoadClass.Headphone,
    };

    [TestMethod]
    public void S2_the_measurement_starts_exactly_one_insertion_debounce_after_the_jack_closed()
    {
        var bench = new OfferBench();
        bench.Boot();
        bench.Jack.Level = true;
        bench.Tick();
        Assert.AreEqual(ControllerPhase.Debounce, bench.Controller.Phase, "the first tick that reads the jack closed");
        long closedAt = bench.Clock.NowMs;
        bench.TickUntil(() => bench.Controller.Phase != ControllerPhase.Debounce);
        Assert.AreEqual(ControllerPhase.Measuring, bench.Controller.Phase, "then measuring");
        Assert.AreEqual(ControllerTiming.InsertionDebounceMs, bench.Clock.NowMs - closedAt, "after the debounce, not before");
    }

    [TestMethod]
    public void S2_an_empty_jack_keeps_the_controller_in_unplugged_every_tick()
    {
        var bench = new OfferBench();
        bench.Boot();
        for (int i = 0; i < 20; i++)
        {
            bench.Tick();
            Assert.AreEqual(ControllerPhase.Unplugged, bench.Controller.Phase, $"jack empty, tick {i}");
        }
        Assert.AreEqual(0, bench.Controller.InsertionCount, "no insertion without a plug");
    }

    [TestMethod]
    public void S7_the_load_watch_starts_once_per_insertion_from_the_measured_left_and_right_impedances()
    {
        var bench = new OfferBench();
        bench.Sensor.Next = Headphone(31, 35);
        bench.Boot();
        bench.PlugUntilPlaying();
        bench.Tick(20);
        Assert.AreEqual(1, bench.Watch.Begins.Count, "one start for the insertion");
        Assert.AreEqual((31.0, 35.0), bench.Watch.Begins[0], "the impedances the decision was taken on, per channel");

        bench.Jack.Level = false;
        bench.Tick(3);
        bench.Sensor.Next = Headphone(300, 290);
        bench.PlugUntilPlaying();
        bench.Tick(20);
        Assert.AreEqual(2, bench.Watch.Begins.Count, "a new insertion starts the watch again");
        Assert.AreEqual((300.0, 290.0), bench.Watch.Begins[1], "from the new load's measurement");
    }

    [TestMethod]
    public void S7_the_load_watch_runs_from_the_first_ramp_tick_and_never_while_the_relay_settles()
    {
        var bench = new OfferBench();
        bench.Boot();
        bench.PlugUntilPlaying();
        bench.Tick(10);
        var phases = bench.Watch.UpdatePhases;
        Assert.IsTrue(phases.Count > 0, "the watch ran");
        Assert.AreEqual(ControllerPhase.RampUp, phases[0], "it starts while the level ramps");
        Assert.IsTrue(phases.All(p => p is ControllerPhase.RampUp or ControllerPhase.Playing),
            "only while ramping or playing: " + string.Join(",", phases.Distinct()));
    }

    [TestMethod]
    public void S2_with_nothing_stored_an_empty_jack_writes_no_mute()
    {
        var memory = new RecordingMuteMemory();
        var bench = new OfferBench(muteMemory: memory);
        bench.Boot();
        bench.Tick(20);
        Assert.AreEqual(0, memory.Remembered.Count, "nothing to forget: the settings are not written every tick");
    }

    [TestMethod]
    public void S2_a_stored_mute_with_the_headphone_in_the_jack_survives_until_the_insertion_takes_it()
    {
        var memory = new RecordingMuteMemory { Muted = true };
        var bench = new OfferBench(muteMemory: memory);
        bench.Jack.Level = true;
        bench.TickUntil(() => bench.Controller.Phase == ControllerPhase.Measuring);
        Assert.IsTrue(memory.Muted, "not forgotten while the plug is in");
        CollectionAssert.DoesNotContain(memory.Remembered, false, "never written un-muted");
        bench.TickUntil(() => bench.Controller.State == ControllerState.Playing);
        Assert.AreEqual(ControllerPhase.PlayingMuted, bench.Controller.Phase, "comes up muted after the relay settled");
        Assert.IsTrue(bench.Volume.Muted, "the chip never un-muted");
        Assert.IsFalse(bench.Controller.MuteToRestore, "taken by this insertion");
    }

    [TestMethod]
    public void S2_the_ramp_comes_up_to_the_cap_when_the_cap_is_below_the_safe_start()
    {
        var bench = new OfferBench(new OfferPolicy { Offer = false, CapDb = -40, SafeStartDb = -30 });
        bench.Boot();
        bench.PlugUntilPlaying();
        Assert.AreEqual(-40, bench.Controller.TargetDb, "min(safe start, cap)");
        Assert.AreEqual(-40, bench.Controller.LevelDb, "played at the cap");
        Assert.IsTrue(bench.Volume.Written.All(l => l <= -40), "no write above the cap: " + string.Join(",", bench.Volume.Written));
        Assert.AreEqual(0, bench.Controller.FaultCount, "no fault on the way");
    }

    [TestMethod]
    public void S11_a_turn_during_the_ramp_moves_the_level_the_ramp_heads_for()
    {
        var bench = new OfferBench(new OfferPolicy { Offer = false });
        bench.Boot();
        bench.Jack.Level = true;
        bench.TickUntil(() => bench.Controller.Phase == ControllerPhase.RampUp);
        bench.Detent(+1);
        bench.Detent(+1);
        bench.Tick();
        Assert.AreEqual(ControllerPhase.RampUp, bench.Controller.Phase, "still ramping");
        Assert.AreEqual(bench.Policy.SafeStartDb + 2, bench.Controller.TargetDb, "two detents up during the ramp");
        bench.TickUntil(() => bench.Controller.Phase == ControllerPhase.Playing);
        Assert.AreEqual(bench.Policy.SafeStartDb + 2, bench.Controller.LevelDb, "the ramp ends at the moved level");
    }

    [TestMethod]
    public void S12_a_turn_past_the_cap_during_the_ramp_warns_of_the_acknowledged_tier()
    {
        var bench = new OfferBench(new OfferPolicy { Offer = false, AckAvailable = true });
        bench.Boot();
        bench.Jack.Level = true;
        bench.TickUntil(() => bench.Controller.Phase == ControllerPhase.RampUp);
        for (int i = 0; i < 25; i++) bench.Detent(+1);
        bench.Tick();
        Assert.AreEqual(ControllerPhase.RampUp, bench.Controller.Phase, "the turn came while ramping");
        Assert.AreEqual(1, bench.Controller.AckWarnings, "the cap stopped the turn: the warning");
        Assert.IsTrue(bench.Controller.AckWarningActive, "its window is open");
        Assert.AreEqual(bench.Policy.CapDb, bench.Controller.TargetDb, "the turn stops at the cap");
    }
}
