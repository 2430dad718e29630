using System;
using AmpController.Core.Acoustics;
using AmpController.Core.Sensing;
using AmpController.Core.Storage;
using AmpController.Core.Supervision;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Storage;

/// <summary>
/// Issue 18 item 2, rule S9: every record the firmware stores survives a power cut at every byte and every bit of
/// every write of a save (<see cref="TornWriteSweep"/> over the simulated flash's torn-write model). The numbers of
/// cut points tried are printed and quoted in docs/safety-s9-s10.md.
/// </summary>
[TestClass]
public class TornWriteTests
{
    /// <summary>The longest settings record: every profile slot used, every name at its longest.</summary>
    private static Settings Largest()
    {
        var profiles = new StoredProfile[Settings.MaxProfiles];
        for (int i = 0; i < profiles.Length; i++)
            profiles[i] = new StoredProfile($"phone-{i:D2}-abcdefg", 100 + 371 * i, 900 + 17 * i,
                i % 2 == 0 ? SensitivityUnit.DbPerMw : SensitivityUnit.DbPerV);
        var s = SettingsSamples.Make(84, 68, VolumeChipChoice.Pt2258, profiles);
        s.SetUserMuted(true);
        return s;
    }

    private static StoredRecord<Settings> SettingsRecord(Settings[] history, Settings next) => new(
        "settings",
        files => { var s = new Settings(); new SettingsStore(files).Load(s); return s; },
        (files, s) => new SettingsStore(files).Save(s),
        SettingsSamples.Same,
        history,
        next,
        (loaded, old, nxt) =>
        {
            SettingsSamples.AssertInRange(loaded);
            Assert.IsTrue(loaded.LimitDbA <= Math.Max(old.LimitDbA, nxt.LimitDbA), "S9: a torn save raised the limit");
            Assert.IsTrue(loaded.SafeDefaultDbA <= Math.Max(old.SafeDefaultDbA, nxt.SafeDefaultDbA), "S9: a torn save raised the safe default");
        });

    [TestMethod]
    public void S9_settings_load_old_or_new_after_a_cut_at_every_byte_and_bit_of_a_save()
    {
        var growing = TornWriteSweep.Run(SettingsRecord([SettingsSamples.Old(), SettingsSamples.Third()], Largest()));
        var shrinking = TornWriteSweep.Run(SettingsRecord([SettingsSamples.New(), Largest()], SettingsSamples.Third()));
        Console.WriteLine($"settings: record up to {growing.LongestRecord} bytes, {growing.CutPointsPerWrite} cut points per write " +
                          $"(every byte × 8 bits + the whole write), {growing.Cases + shrinking.Cases} cases");
        Assert.AreEqual(SettingsCodec.MaxRecordLength, growing.LongestRecord, "the sweep covers the longest record the codec writes");
        Assert.IsTrue(growing.Cases > 3 * 4 * 8 * SettingsCodec.MaxRecordLength);
    }

    /// <summary>The listener's mute (issue 19), written by SettingsStore.SaveUserMuted over the newest saved settings.</summary>
    [TestMethod]
    public void S9_the_stored_mute_loads_old_or_new_after_a_cut_at_every_byte_and_bit()
    {
        var record = new StoredRecord<bool>(
            "mute",
            files => { var s = new Settings(); new SettingsStore(files).Load(s); return s.UserMuted; },
            (files, muted) => new SettingsStore(files).SaveUserMuted(muted),
            (a, b) => a == b,
            [true, false],
            true);
        var r = TornWriteSweep.Run(record);
        Console.WriteLine($"mute: record {r.LongestRecord} bytes, {r.CutPointsPerWrite} cut points per write, {r.Cases} cases");
        Assert.AreEqual(r.LongestRecord * 8 + 1, r.CutPointsPerWrite);
    }

    private static SenseCalibration Cal(double lg, double ls, double rg, double rs) =>
        new() { LeftGain = lg, LeftSeriesOhm = ls, RightGain = rg, RightSeriesOhm = rs };

    private static bool SameCal(SenseCalibration a, SenseCalibration b) =>
        a.FellBackToDefaults == b.FellBackToDefaults && Math.Abs(a.LeftGain - b.LeftGain) < 1e-6
        && Math.Abs(a.LeftSeriesOhm - b.LeftSeriesOhm) < 1e-3 && Math.Abs(a.RightGain - b.RightGain) < 1e-6
        && Math.Abs(a.RightSeriesOhm - b.RightSeriesOhm) < 1e-3;

    [TestMethod]
    public void S9_calibration_loads_old_or_new_after_a_cut_at_every_byte_and_bit_of_either_copy()
    {
        var record = new StoredRecord<SenseCalibration>(
            "calibration",
            files => new SenseCalibrationStore(files).Load(),
            (files, c) => new SenseCalibrationStore(files).Save(c),
            SameCal,
            [Cal(0.987654, 240.234, 1.012345, 239.876), Cal(1.01, 236.5, 0.99, 244.5)],
            Cal(0.995, 241.25, 1.004, 238.75));
        var r = TornWriteSweep.Run(record);
        Console.WriteLine($"calibration: {r.WritesPerSave} writes per save of {r.LongestRecord} bytes, {r.CutPointsPerWrite} cut points per write, {r.Cases} cases");
        Assert.AreEqual(2, r.WritesPerSave, "both copies are written and both are cut");
        Assert.AreEqual(SenseCalibrationStore.RecordLength * 8 + 1, r.CutPointsPerWrite);
    }

    private static StoredRecord<int> BootCounter(int[] history, int next) => new(
        "boot counter",
        files => new BootLoopGuard(files).Load(),
        (files, count) =>
        {
            var guard = new BootLoopGuard(files);
            guard.Load();
            if (count == 0) { guard.Clear(); return; }
            while (guard.BootsInARow < count) guard.RecordUnexpectedReboot();
        },
        (a, b) => a == b,
        history,
        next);

    [TestMethod]
    public void S8_S9_boot_counter_loads_old_or_new_after_a_cut_at_every_byte_and_bit()
    {
        // Each save is one step from the value before it, as on the device (one reboot counted, or cleared).
        var first = TornWriteSweep.Run(BootCounter([], 1));
        var counting = TornWriteSweep.Run(BootCounter([1, 2], 3), fromDepth: 2);
        var clearing = TornWriteSweep.Run(BootCounter([1, 2], 0));
        Console.WriteLine($"boot counter: record {counting.LongestRecord} bytes, {counting.CutPointsPerWrite} cut points per write, " +
                          $"{first.Cases + counting.Cases + clearing.Cases} cases");
        Assert.AreEqual(counting.LongestRecord * 8 + 1, counting.CutPointsPerWrite);
    }
}
