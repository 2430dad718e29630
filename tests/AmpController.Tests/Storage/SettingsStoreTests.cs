using System;
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using AmpController.Simulator.Platform;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Storage;

[TestClass]
public class SettingsStoreTests
{
    private static Settings LoadFresh(MemoryFileStore files, out LoadOutcome outcome)
    {
        var s = new Settings();
        outcome = new SettingsStore(files).Load(s);
        return s;
    }

    [TestMethod]
    public void S9_nothing_stored_loads_defaults_and_says_so()
    {
        var s = LoadFresh(new MemoryFileStore(), out var outcome);
        Assert.AreEqual(LoadOutcome.NoDataDefaults, outcome);
        Assert.AreEqual(85, s.LimitDbA);
        Assert.AreEqual(70, s.SafeDefaultDbA);
        Assert.AreEqual(VolumeChipChoice.Ds1882, s.VolumeChip);
        Assert.AreEqual(0, s.ProfileCount);
    }

    [TestMethod]
    public void S9_save_then_load_gives_the_same_settings_with_profiles()
    {
        var files = new MemoryFileStore();
        var store = new SettingsStore(files);
        Assert.IsTrue(store.Save(SettingsSamples.New()));
        var loaded = LoadFresh(files, out var outcome);
        Assert.AreEqual(LoadOutcome.OneCopyValid, outcome);
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.New(), loaded));
        Assert.AreEqual("IEM-10", loaded.GetProfile(1).Name);
        Assert.AreEqual(100, loaded.GetProfile(1).ImpedanceTenthsOhm);
        Assert.AreEqual(1190, loaded.GetProfile(1).SensitivityTenthsDb);
        Assert.AreEqual(SensitivityUnit.DbPerMw, loaded.GetProfile(1).Unit);
    }

    [TestMethod]
    public void S9_saves_alternate_between_the_two_copies_and_the_newest_wins()
    {
        var files = new MemoryFileStore();
        var store = new SettingsStore(files);
        Assert.IsTrue(store.Save(SettingsSamples.Old()));
        Assert.IsTrue(files.Files.ContainsKey(SettingsStore.DefaultNameA));
        Assert.IsFalse(files.Files.ContainsKey(SettingsStore.DefaultNameB));
        Assert.IsTrue(store.Save(SettingsSamples.New()));
        Assert.IsTrue(files.Files.ContainsKey(SettingsStore.DefaultNameB));
        Assert.IsTrue(store.Save(SettingsSamples.Third()));
        var loaded = LoadFresh(files, out var outcome);
        Assert.AreEqual(LoadOutcome.BothCopiesValid, outcome);
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.Third(), loaded));
        var b = new Settings();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(files.Files[SettingsStore.DefaultNameB], b, new DecodeReport()));
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.New(), b), "the third save must not overwrite the second");
    }

    [TestMethod]
    public void S9_sequence_numbers_compare_across_wraparound()
    {
        var files = new MemoryFileStore();
        files.Files[SettingsStore.DefaultNameA] = SettingsCodec.EncodeRecord(SettingsSamples.Old(), uint.MaxValue);
        files.Files[SettingsStore.DefaultNameB] = SettingsCodec.EncodeRecord(SettingsSamples.New(), 0);
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.New(), LoadFresh(files, out _)));

        Assert.IsTrue(new SettingsStore(files).Save(SettingsSamples.Third()));
        var a = new Settings();
        var report = new DecodeReport();
        Assert.IsTrue(SettingsCodec.TryDecodeRecord(files.Files[SettingsStore.DefaultNameA], a, report));
        Assert.AreEqual(1u, report.Sequence);
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.Third(), LoadFresh(files, out _)));
    }

    /// <summary>
    /// Power cut at every byte of a save, for every way a torn write can look, starting from every history
    /// (no copy yet, one copy, two copies): after the "reboot" the load gives exactly the old or the new settings.
    /// </summary>
    [TestMethod]
    public void S9_power_cut_at_every_byte_of_a_save_leaves_old_or_new_settings()
    {
        int cases = 0;
        int length = SettingsCodec.EncodeRecord(SettingsSamples.New(), 1).Length;
        var histories = new[] { new Settings[0], new[] { SettingsSamples.Old() }, new[] { SettingsSamples.Third(), SettingsSamples.Old() } };
        foreach (var history in histories)
            foreach (TornWrite mode in Enum.GetValues<TornWrite>())
            {
                var before = new Settings();
                if (history.Length > 0) before = history[^1];
                for (int cut = 0; cut <= length; cut++)
                {
                    var files = new MemoryFileStore { Garbage = new Random(cut) };
                    foreach (var h in history) Assert.IsTrue(new SettingsStore(files).Save(h));
                    files.CutNextWrite(cut, mode);
                    bool saved = new SettingsStore(files).Save(SettingsSamples.New());
                    Assert.IsFalse(saved, "a torn write must not report success");

                    var loaded = LoadFresh(files, out _);
                    bool isOld = SettingsSamples.Same(before, loaded);
                    bool isNew = SettingsSamples.Same(SettingsSamples.New(), loaded);
                    Assert.IsTrue(isOld || isNew, $"history {history.Length}, {mode}, cut at byte {cut}: garbage loaded");
                    // Only a write whose new CRC never reached the file must leave the old copy (else it may be complete).
                    bool mustBeOld = mode == TornWrite.Deleted || (cut < length && (mode == TornWrite.Truncated || cut < length - 4));
                    if (history.Length > 0 && mustBeOld) Assert.IsTrue(isOld, $"{mode} cut {cut}: previous copy lost");
                    SettingsSamples.AssertInRange(loaded);
                    cases++;
                }
            }
        Assert.AreEqual(histories.Length * Enum.GetValues<TornWrite>().Length * (length + 1), cases);
    }

    /// <summary>A second torn save right after recovering from the first still leaves a valid copy.</summary>
    [TestMethod]
    public void S9_two_power_cuts_in_a_row_never_lose_the_last_good_settings()
    {
        int length = SettingsCodec.EncodeRecord(SettingsSamples.New(), 1).Length;
        foreach (TornWrite mode in new[] { TornWrite.OldTail, TornWrite.Truncated, TornWrite.GarbageTail })
            for (int first = 0; first <= length; first += 3)
                for (int second = 0; second <= length; second += 5)
                {
                    var files = new MemoryFileStore { Garbage = new Random(first * 1000 + second) };
                    Assert.IsTrue(new SettingsStore(files).Save(SettingsSamples.Old()));
                    Assert.IsTrue(new SettingsStore(files).Save(SettingsSamples.Old()));
                    files.CutNextWrite(first, mode);
                    new SettingsStore(files).Save(SettingsSamples.New());
                    var afterFirst = LoadFresh(files, out _);
                    files.CutNextWrite(second, mode);
                    new SettingsStore(files).Save(SettingsSamples.Third());
                    var afterSecond = LoadFresh(files, out _);
                    Assert.IsTrue(SettingsSamples.Same(afterFirst, afterSecond) || SettingsSamples.Same(SettingsSamples.Third(), afterSecond),
                        $"{mode} cuts at {first} then {second}");
                    SettingsSamples.AssertInRange(afterSecond);
                }
    }

    [TestMethod]
    public void S9_failed_write_is_reported_and_the_old_settings_stay()
    {
        var files = new MemoryFileStore();
        var store = new SettingsStore(files);
        Assert.IsTrue(store.Save(SettingsSamples.Old()));
        files.FailWrites = true;
        Assert.IsFalse(store.Save(SettingsSamples.New()));
        StringAssert.Contains(store.Status.Describe(), "LAST SAVE FAILED");
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.Old(), LoadFresh(files, out _)));
    }

    [TestMethod]
    public void S9_a_file_store_that_throws_never_crashes_load_or_save()
    {
        var files = new MemoryFileStore { ThrowOnAccess = true };
        var store = new SettingsStore(files);
        var s = SettingsSamples.New();
        Assert.AreEqual(LoadOutcome.NoDataDefaults, store.Load(s));
        Assert.IsTrue(SettingsSamples.Same(new Settings(), s));
        Assert.IsFalse(store.Save(SettingsSamples.New()));
    }

    [TestMethod]
    public void S9_both_copies_corrupt_loads_defaults_and_reports_corruption()
    {
        var files = new MemoryFileStore();
        files.Files[SettingsStore.DefaultNameA] = new byte[] { 1, 2, 3 };
        var record = SettingsCodec.EncodeRecord(SettingsSamples.New(), 3);
        record[10] ^= 0x40;
        files.Files[SettingsStore.DefaultNameB] = record;
        var store = new SettingsStore(files);
        var s = SettingsSamples.New();
        Assert.AreEqual(LoadOutcome.CorruptDefaults, store.Load(s));
        Assert.IsTrue(SettingsSamples.Same(new Settings(), s));
        Assert.AreEqual(2, store.Status.CorruptCopies);
        StringAssert.Contains(store.Status.Describe(), "both saved copies are damaged");
    }

    [TestMethod]
    public void S9_one_corrupt_copy_falls_back_to_the_other_even_if_its_sequence_looks_newer()
    {
        var files = new MemoryFileStore();
        files.Files[SettingsStore.DefaultNameA] = SettingsCodec.EncodeRecord(SettingsSamples.Old(), 4);
        var newer = SettingsCodec.EncodeRecord(SettingsSamples.New(), 5);
        newer[^1] ^= 1;
        files.Files[SettingsStore.DefaultNameB] = newer;
        var store = new SettingsStore(files);
        var s = new Settings();
        Assert.AreEqual(LoadOutcome.OneCopyValid, store.Load(s));
        Assert.IsTrue(SettingsSamples.Same(SettingsSamples.Old(), s));
        Assert.AreEqual(4u, store.Status.Sequence);
        Assert.AreEqual(1, store.Status.CorruptCopies);
    }
}
