using System;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Sensing;

[TestClass]
public class SensorBehaviourTests
{
    /// <summary>A spike in each input's window (the first 3 of the 16 reads of the first zero: left, right, source) is
    /// rejected, not averaged. (More than a quarter of a window spiked makes it unclean and the result Uncertain:
    /// SpikeBurstPropertyTests.)</summary>
    [TestMethod]
    public void Adc_spikes_are_rejected()
    {
        for (int seed = 300; seed < 320; seed++)
        {
            var rig = new SimSenseRig(seed);
            rig.Circuit.Plug(SimSenseLoad.Stereo(32));
            rig.Circuit.InjectSpikes(3);
            var r = rig.MeasurePlugged();
            Assert.AreEqual(LoadClass.Headphone, r.Class, $"seed {seed}");
            Assert.AreEqual(32, r.LeftOhm, 0.64, $"seed {seed}");
            Assert.AreEqual(32, r.RightOhm, 0.64, $"seed {seed}");
            Assert.AreEqual(0, rig.Circuit.Adc.SpikesPending);
        }
    }

    [TestMethod]
    public void S7_a_spike_storm_never_yields_a_wrong_confirmed_headphone()
    {
        for (int seed = 400; seed < 430; seed++)
        {
            var rig = new SimSenseRig(seed);
            rig.Circuit.Plug(SimSenseLoad.Stereo(300));
            rig.Circuit.InjectSpikes(400);
            var r = rig.MeasurePlugged();
            if (r.Confirmed)
            {
                Assert.AreEqual(300, r.LeftOhm, 6, $"seed {seed}");
                Assert.AreEqual(300, r.RightOhm, 6, $"seed {seed}");
            }
        }
    }

    /// <summary>Issue 19 (2): a burst over the zero read after the ramp-down once turned a 36 Ω IEM into a confirmed 48 Ω.</summary>
    [TestMethod]
    public void S7_a_spike_burst_in_the_end_zero_gives_uncertain_not_a_wrong_reading()
    {
        for (int seed = 600; seed < 640; seed++)
        {
            var rig = new SimSenseRig(seed);
            long before = rig.Circuit.Adc.Conversions;
            rig.Measure(SimSenseLoad.Stereo(36));
            int reads = (int)(rig.Circuit.Adc.Conversions - before);
            int endZero = SenseDesign.TicksPerWindow * SenseDesign.ReadsPerTick;
            foreach (int length in new[] { endZero / 2, endZero })
            {
                rig.Circuit.Adc.ScheduleBurst(reads - endZero, length);
                var r = rig.MeasurePlugged();
                Assert.AreEqual(0, rig.Circuit.Adc.SpikesPending, "the burst landed inside the measurement");
                if (r.Class != LoadClass.Uncertain)
                {
                    Assert.AreEqual(LoadClass.Headphone, r.Class, $"seed {seed}, burst {length}");
                    Assert.AreEqual(36, r.LeftOhm, 0.72, $"seed {seed}, burst {length}");
                    Assert.AreEqual(36, r.RightOhm, 0.72, $"seed {seed}, burst {length}");
                }
            }
            rig.Circuit.Adc.ScheduleBurst(reads - endZero, endZero);
            Assert.AreEqual(LoadClass.Uncertain, rig.MeasurePlugged().Class, $"seed {seed}: an end zero made of spikes");
        }
    }

    [TestMethod]
    public void S7_a_half_inserted_plug_is_never_confirmed()
    {
        int uncertain = 0;
        for (int seed = 500; seed < 560; seed++)
        {
            var rig = new SimSenseRig(seed);
            var r = rig.Measure(new SimSenseLoad(32, 32, Intermittent: true));
            Assert.IsFalse(r.Confirmed, $"seed {seed}: {r.Class} {r.LeftOhm:F2}/{r.RightOhm:F2}");
            if (r.Class == LoadClass.Uncertain) uncertain++;
        }
        Assert.IsTrue(uncertain >= 50, $"only {uncertain} of 60 half-inserted plugs were Uncertain");
    }

    [TestMethod]
    public void A_completed_insertion_is_then_measured_normally()
    {
        var rig = new SimSenseRig(11);
        Assert.IsFalse(rig.Measure(new SimSenseLoad(250, 250, Intermittent: true)).Confirmed);
        var r = rig.Measure(SimSenseLoad.Stereo(250));
        Assert.AreEqual(LoadClass.Headphone, r.Class);
        Assert.AreEqual(250, r.LeftOhm, 5);
    }

    [TestMethod]
    public void S7_sense_relay_left_open_reads_short_not_headphone()
    {
        var rig = new SimSenseRig(12);
        rig.Circuit.SenseRelayClosed = () => false;
        var r = rig.Measure(SimSenseLoad.Stereo(32));
        Assert.IsFalse(r.Confirmed);
    }

    [TestMethod]
    public void Output_relay_closed_keeps_the_source_off_the_load()
    {
        var rig = new SimSenseRig(13);
        rig.Circuit.OutputRelayClosed = () => true;
        rig.Circuit.Plug(SimSenseLoad.Stereo(32));
        rig.Sensor.Start(rig.Clock.NowMs);
        for (int t = 0; t < 6; t++)
        {
            rig.Clock.NowMs += 10;
            rig.Sensor.Poll(rig.Clock.NowMs);
            Assert.AreEqual(0, rig.Circuit.LoadVolts(0));
            Assert.AreEqual(0, rig.Circuit.LoadAmps(1));
        }
        rig.Sensor.Stop();
    }

    [TestMethod]
    public void Calibration_that_fails_validation_falls_back_and_is_flagged()
    {
        var rig = new SimSenseRig(14, calibrate: false);
        rig.Sensor.Calibration = new SenseCalibration { LeftGain = 3.0 };
        Assert.IsTrue(rig.Sensor.Calibration.FellBackToDefaults);
        var r = rig.Measure(SimSenseLoad.Stereo(32));
        Assert.AreEqual(LoadClass.Headphone, r.Class, "classes hold on default constants");
        Assert.IsTrue(r.CalibrationFallback);
        Assert.AreEqual(32, r.LeftOhm, 32 * 0.03, "defaults still measure within the stated 3 % bound at 32 Ω");
        Assert.IsFalse(new SimSenseRig(14).Measure(SimSenseLoad.Stereo(32)).CalibrationFallback);
    }

    [TestMethod]
    public void Stop_switches_the_source_off_and_a_restart_waits_for_the_ramp_down()
    {
        var rig = new SimSenseRig(15);
        rig.Circuit.Plug(SimSenseLoad.Stereo(64));
        rig.Sensor.Start(rig.Clock.NowMs);
        rig.Clock.NowMs += 10;
        rig.Sensor.Poll(rig.Clock.NowMs);
        Assert.IsTrue(rig.Circuit.SourceEnabled);
        rig.Sensor.Stop();
        Assert.IsFalse(rig.Circuit.SourceEnabled);
        var r = rig.MeasurePlugged();
        Assert.AreEqual(64, r.LeftOhm, 1.28);
        Assert.IsTrue(rig.LastDurationMs > 60, "the restart waited for the previous ramp to decay");
    }

    [TestMethod]
    public void Same_seed_same_measurement()
    {
        var a = new SimSenseRig(21).Measure(SimSenseLoad.Stereo(47));
        var b = new SimSenseRig(21).Measure(SimSenseLoad.Stereo(47));
        Assert.AreEqual(a.LeftOhm, b.LeftOhm);
        Assert.AreEqual(a.RightOhm, b.RightOhm);
    }

    [TestMethod]
    public void A_measurement_allocates_nothing_after_construction()
    {
        var rig = new SimSenseRig(22);
        rig.Circuit.Plug(SimSenseLoad.Stereo(32));
        rig.MeasurePlugged();
        var sensor = rig.Sensor;
        long t = rig.Clock.NowMs + 100;
        long before = GC.GetAllocatedBytesForCurrentThread();
        sensor.Start(t);
        while (!sensor.Poll(t)) t += 10;
        long after = GC.GetAllocatedBytesForCurrentThread();
        Assert.AreEqual(0, after - before, "bytes allocated by Start/Poll (simulated ADC included)");
    }
}

[TestClass]
public class SensorStallTests
{
    [TestMethod]
    public void S7_a_stalled_control_loop_does_not_turn_an_open_jack_into_uncertain()
    {
        var rig = new SimSenseRig(33);
        rig.Circuit.Plug(SimSenseLoad.Open);
        rig.Sensor.Start(rig.Clock.NowMs);
        rig.Clock.NowMs += 10;
        rig.Sensor.Poll(rig.Clock.NowMs);
        rig.Clock.NowMs += 300; // the loop hung
        while (!rig.Sensor.Poll(rig.Clock.NowMs)) rig.Clock.NowMs += 10;
        Assert.AreEqual(LoadClass.Open, rig.Sensor.Result.Class);
    }
}
