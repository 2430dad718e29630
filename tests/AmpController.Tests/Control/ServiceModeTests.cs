using AmpController.Core.Control;
using AmpController.Core.Supervision;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>S10: a service procedure (selftest, calibrate) parks the controller and hands the hardware back (Controller.Service.cs).</summary>
[TestClass]
public class ServiceModeTests
{
    private static Rig Playing()
    {
        var rig = new Rig();
        rig.Boot();
        rig.PlugAndPlay();
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State, "precondition: playing");
        Assert.IsTrue(rig.Relay.Closed, "precondition: relay closed");
        return rig;
    }

    private static Rig InSafeMode()
    {
        var store = new MemoryStore();
        for (int i = 0; i < BootLoopGuard.QuickBootsForSafeMode; i++) { var g = new BootLoopGuard(store); g.Load(); g.RecordUnexpectedReboot(); }
        var guard = new BootLoopGuard(store);
        guard.Load();
        var rig = new Rig(null, guard);
        rig.Tick(50);
        Assert.AreEqual(ControllerState.SafeMode, rig.Controller.State, "precondition: safe mode");
        return rig;
    }

    [TestMethod]
    public void S10_parking_while_playing_opens_the_relay_mutes_and_forgets_the_decision()
    {
        var rig = Playing();
        rig.Controller.Park();
        Assert.IsTrue(rig.Controller.Parked, "parked");
        Assert.IsFalse(rig.Relay.Closed, "parking opens the output relay at once");
        Assert.IsFalse(rig.Controller.RelayClosed, "the controller knows the relay is open");
        Assert.IsTrue(rig.Volume.Muted, "parking mutes the attenuator at once");
        Assert.IsFalse(rig.Controller.HasDecision, "parking forgets the load decision");
    }

    [TestMethod]
    public void S10_parking_while_measuring_stops_the_sensor_and_opens_the_sense_relay()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Sensor.NeverFinishes = true;
        rig.Jack.Level = true;
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Measuring, 1000) >= 0, "precondition: measuring");
        Assert.IsTrue(rig.Sensor.Running && rig.Switches.SenseRelay, "precondition: the test source runs on the sense relay");
        rig.Controller.Park();
        Assert.IsFalse(rig.Sensor.Running, "parking stops the measurement");
        Assert.IsFalse(rig.Switches.SenseRelay, "parking opens the sense relay");
    }

    [TestMethod]
    public void S10_parking_withdraws_the_profile_offer()
    {
        var bench = new OfferBench();
        bench.Boot();
        bench.PlugUntilPlaying();
        bench.Tick(2);
        Assert.AreEqual(ProfileOfferState.Offered, bench.Controller.OfferState, "precondition: a profile is offered");
        bench.Controller.Park();
        Assert.AreEqual(ProfileOfferState.None, bench.Controller.OfferState, "parking forgets the offered profile");
    }

    [TestMethod]
    public void S10_parking_drops_a_pending_reevaluation()
    {
        var rig = new Rig();
        rig.Boot();
        rig.Controller.RequestReevaluation();
        Assert.IsFalse(rig.Controller.Settled, "precondition: the re-evaluation is pending");
        rig.Controller.Park();
        Assert.IsTrue(rig.Controller.Settled, "parking drops the console's pending re-evaluation");
    }

    [TestMethod]
    public void S10_a_second_park_leaves_what_the_procedure_set_alone()
    {
        var rig = Playing();
        rig.Controller.Park();
        int stops = rig.Sensor.Stops;
        rig.Switches.SetSenseRelay(true); // the calibration closes the sense relay itself
        rig.Controller.Park();
        Assert.IsTrue(rig.Switches.SenseRelay, "a repeated park does not undo the procedure's sense relay");
        Assert.AreEqual(stops, rig.Sensor.Stops, "a repeated park does not touch the sensor");
    }

    [TestMethod]
    public void S10_unpark_without_park_changes_nothing()
    {
        var rig = Playing();
        rig.Controller.Unpark();
        Assert.AreEqual(ControllerState.Playing, rig.Controller.State, "an unpark without a park does not restart");
        Assert.IsTrue(rig.Relay.Closed, "an unpark without a park leaves the relay closed");
    }

    [TestMethod]
    public void S1_unparking_restarts_from_the_safe_start_and_measures_the_plug_again()
    {
        var rig = Playing();
        int inits = rig.Volume.Inits;
        rig.Controller.Park();
        rig.Tick(5);
        rig.Controller.Unpark();
        Assert.IsFalse(rig.Controller.Parked, "unparked");
        Assert.AreEqual(ControllerState.SafeStart, rig.Controller.State, "unparking starts from the safe start");
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 2000) >= 0, "plays again");
        Assert.IsTrue(rig.Volume.Inits > inits, "the chips were initialised again");
        Assert.AreEqual(2, rig.Sensor.Starts, "S2: the plugged headphone is measured as a new insertion");
        Assert.AreEqual(2, rig.Controller.InsertionCount, "counted as a new insertion");
    }

    [TestMethod]
    public void S2_unparking_opens_the_relay_the_procedure_left_closed()
    {
        var rig = InSafeMode();
        rig.Controller.Park();
        rig.Relay.Write(true); // the selftest clicked the relay
        rig.Controller.Unpark();
        Assert.IsFalse(rig.Relay.Closed, "unparking drives the output relay open before anything else");
    }

    [TestMethod]
    public void S8_unparking_after_a_park_from_safe_mode_goes_back_to_safe_mode()
    {
        var rig = InSafeMode();
        rig.Controller.Park();
        rig.Controller.Unpark();
        Assert.AreEqual(ControllerState.SafeMode, rig.Controller.State, "back to safe mode, not the safe start");
        rig.Jack.Level = true;
        rig.Tick(100);
        Assert.AreEqual(ControllerState.SafeMode, rig.Controller.State, "stays in safe mode");
        Assert.AreEqual(0, rig.Sensor.Starts, "nothing measured in safe mode");
    }

    [TestMethod]
    public void S2_a_plug_pulled_and_replaced_while_parked_is_measured_once_after_unpark()
    {
        var rig = Playing();
        rig.Controller.Park();
        rig.Jack.Level = false;
        rig.Tick(3);
        rig.Jack.Level = true;
        rig.Tick(3);
        rig.Controller.Unpark();
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 2000) >= 0, "plays again");
        Assert.AreEqual(2, rig.Sensor.Starts, "one new measurement for the plug");
        Assert.AreEqual(2, rig.Controller.InsertionCount, "one new insertion, no removal left over from the parked time");
        Assert.AreEqual(0, rig.Controller.FaultCount, "no fault");
    }
    /// <summary>Ms from the unpark to the start of the new measurement, the plug pulled and replaced while parked or not.</summary>
    private static long MeasuringDelayAfterUnpark(bool pullWhileParked)
    {
        var rig = Playing();
        rig.Controller.Park();
        if (pullWhileParked) { rig.Jack.Level = false; rig.Tick(3); rig.Jack.Level = true; }
        rig.Tick(3);
        long unparkedAt = rig.Clock.NowMs;
        int starts = rig.Sensor.Starts;
        rig.Controller.Unpark();
        Assert.IsTrue(rig.TickUntil(() => rig.Sensor.Starts > starts, 2000) >= 0, "measured again");
        return rig.Sensor.StartedAt - unparkedAt;
    }

    [TestMethod]
    public void S2_after_unpark_a_plugged_headphone_waits_the_full_insertion_debounce_before_it_is_measured()
    {
        long delay = MeasuringDelayAfterUnpark(false);
        Assert.IsTrue(delay >= ControllerTiming.InsertionDebounceMs,
            $"the plug counts as a new insertion, debounced again from the unpark: measured after {delay} ms");
    }

    [TestMethod]
    public void S2_a_pull_while_parked_leaves_no_removal_to_handle_after_unpark()
    {
        long plain = MeasuringDelayAfterUnpark(false);
        long pulled = MeasuringDelayAfterUnpark(true);
        Assert.AreEqual(plain, pulled, "the pull seen while parked is forgotten at unpark: the same debounce, no later restart");
    }
}
