using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Sensing;

[TestClass]
public class SenseCalibrationStoreTests
{
    static SenseCalibration Sample() => new()
    {
        LeftGain = 0.987654, LeftZoomGain = 5.012345, LeftSeriesOhm = 241.234, LeftZoomZero = 1.234,
        RightGain = 1.012345, RightZoomGain = 4.956789, RightSeriesOhm = 239.876, RightZoomZero = -2.345,
    };

    [TestMethod]
    public void Saved_constants_load_back()
    {
        var files = new SimFileStore();
        var store = new SenseCalibrationStore(files);
        Assert.IsTrue(store.Save(Sample()));
        var c = store.Load();
        Assert.IsFalse(c.FellBackToDefaults);
        Assert.AreEqual(0.987654, c.LeftGain, 1e-6);
        Assert.AreEqual(5.012345, c.LeftZoomGain, 1e-6);
        Assert.AreEqual(241.234, c.LeftSeriesOhm, 1e-3);
        Assert.AreEqual(1.012345, c.RightGain, 1e-6);
        Assert.AreEqual(4.956789, c.RightZoomGain, 1e-6);
        Assert.AreEqual(239.876, c.RightSeriesOhm, 1e-3);
        Assert.AreEqual(1.234, c.LeftZoomZero, 1e-3);
        Assert.AreEqual(-2.345, c.RightZoomZero, 1e-3);
    }

    [TestMethod]
    public void S9_a_corrupt_byte_anywhere_in_one_copy_uses_the_other()
    {
        for (int at = 0; at < SenseCalibrationStore.RecordLength; at++)
        {
            var files = new SimFileStore();
            var store = new SenseCalibrationStore(files);
            store.Save(Sample());
            var bad = files.ReadAll(SenseCalibrationStore.NameA)!;
            bad[at] ^= 0x10;
            files.WriteAll(SenseCalibrationStore.NameA, bad);
            var c = store.Load();
            Assert.IsFalse(c.FellBackToDefaults, $"byte {at}");
            Assert.AreEqual(241.234, c.LeftSeriesOhm, 1e-3);
            Assert.AreEqual(1, store.RejectedCopies);
        }
    }

    [TestMethod]
    public void S9_both_copies_corrupt_or_missing_fall_back_to_defaults_and_flag()
    {
        var files = new SimFileStore();
        var store = new SenseCalibrationStore(files);
        Assert.IsTrue(store.Load().FellBackToDefaults);
        files.WriteAll(SenseCalibrationStore.NameA, new byte[] { 1, 2, 3 });
        files.WriteAll(SenseCalibrationStore.NameB, new byte[SenseCalibrationStore.RecordLength]);
        var c = store.Load();
        Assert.IsTrue(c.FellBackToDefaults);
        Assert.AreEqual(2, store.RejectedCopies);
    }

    [TestMethod]
    public void Implausible_constants_with_a_good_crc_are_rejected_on_load_and_not_saved()
    {
        var files = new SimFileStore();
        var store = new SenseCalibrationStore(files);
        var wild = new SenseCalibration { LeftGain = 1.5 };
        Assert.IsFalse(store.Save(wild));
        Assert.IsNull(files.ReadAll(SenseCalibrationStore.NameA));
        files.WriteAll(SenseCalibrationStore.NameA, SenseCalibrationStore.Encode(wild));
        files.WriteAll(SenseCalibrationStore.NameB, SenseCalibrationStore.Encode(wild));
        Assert.IsTrue(store.Load().FellBackToDefaults);
    }

    [TestMethod]
    public void A_version_1_record_of_the_old_front_end_is_not_used()
    {
        var files = new SimFileStore();
        var store = new SenseCalibrationStore(files);
        var v1 = SenseCalibrationStore.Encode(Sample());
        v1[4] = 1;
        files.WriteAll(SenseCalibrationStore.NameA, v1);
        Assert.IsNull(SenseCalibrationStore.Decode(v1));
        Assert.IsTrue(store.Load().FellBackToDefaults);
        Assert.IsNull(SenseCalibrationStore.Decode(new byte[28]), "the old 28-byte layout");
    }

    [TestMethod]
    public void A_factory_calibrated_board_stores_and_reloads_its_constants()
    {
        var rig = new SimSenseRig(31);
        var files = new SimFileStore();
        var store = new SenseCalibrationStore(files);
        Assert.IsTrue(store.Save(rig.Sensor.Calibration));
        rig.Sensor.Calibration = store.Load();
        Assert.IsFalse(rig.Sensor.Calibration.FellBackToDefaults);
        Assert.AreEqual(120, rig.Measure(SimSenseLoad.Stereo(120)).LeftOhm, 2.4);
    }
}

[TestClass]
public class SenseCalibrationRunTests
{
    [TestMethod]
    public void A_run_without_all_three_resistors_falls_back_and_a_full_run_calibrates()
    {
        var rig = new SimSenseRig(41, calibrate: false);
        var run = new SenseCalibrationRun();
        rig.Measure(SimSenseLoad.Stereo(SenseCalibrationRun.ZoomOhm));
        Assert.IsTrue(run.Add(rig.Sensor, SenseCalibrationRun.StepZoom));
        rig.Measure(SimSenseLoad.Stereo(SenseCalibrationRun.LowOhm));
        Assert.IsTrue(run.Add(rig.Sensor, SenseCalibrationRun.StepLow));
        Assert.IsTrue(run.Finish().FellBackToDefaults, "the high resistor is missing");
        rig.Measure(SimSenseLoad.Stereo(SenseCalibrationRun.HighOhm));
        Assert.IsTrue(run.Add(rig.Sensor, SenseCalibrationRun.StepHigh));
        var cal = run.Finish();
        Assert.IsFalse(cal.FellBackToDefaults);
        rig.Sensor.Calibration = cal;
        Assert.AreEqual(64, rig.Measure(SimSenseLoad.Stereo(64)).LeftOhm, 1.28);
        Assert.AreEqual(12, rig.Measure(SimSenseLoad.Stereo(12)).LeftOhm, 0.24);
    }

    [TestMethod]
    public void Readings_of_the_wrong_thing_are_refused()
    {
        var rig = new SimSenseRig(42, calibrate: false);
        var run = new SenseCalibrationRun();
        rig.Measure(SimSenseLoad.Open);
        Assert.IsFalse(run.Add(rig.Sensor, SenseCalibrationRun.StepLow), "an open jack is not the 100 Ω resistor");
        rig.Measure(SimSenseLoad.Stereo(SenseCalibrationRun.HighOhm));
        Assert.IsFalse(run.Add(rig.Sensor, SenseCalibrationRun.StepZoom), "470 Ω is not read zoomed: not the 10 Ω resistor");
        rig.Measure(SimSenseLoad.Stereo(SenseCalibrationRun.ZoomOhm));
        Assert.IsFalse(run.Add(rig.Sensor, SenseCalibrationRun.StepHigh), "10 Ω is read zoomed: not the 470 Ω resistor");
        Assert.IsTrue(run.Add(rig.Sensor, SenseCalibrationRun.StepZoom));
        rig.Measure(new SimSenseLoad(100, 100, Intermittent: true));
        run.Add(rig.Sensor, SenseCalibrationRun.StepLow);
        rig.Measure(SimSenseLoad.Stereo(56));
        run.Add(rig.Sensor, SenseCalibrationRun.StepHigh);
        Assert.IsTrue(run.Finish().FellBackToDefaults, "56 Ω in place of 470 Ω (and no 100 Ω) gives no plausible constants");
    }
}
