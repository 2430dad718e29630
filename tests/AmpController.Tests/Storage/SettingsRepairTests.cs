using AmpController.Core.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Storage;

/// <summary>S9 at start-up (issue 15): a copy damaged by a power cut during a save is rewritten from the good one.</summary>
[TestClass]
public class SettingsRepairTests
{
    [TestMethod]
    public void S9_a_damaged_copy_is_rewritten_from_the_good_one_and_the_status_says_so_plainly()
    {
        var files = new MemoryFileStore();
        var saved = SettingsSamples.New();
        Assert.AreEqual(SettingsResult.Ok, saved.TrySetLimit(80));
        byte[] good = SettingsCodec.EncodeRecord(saved, 7);
        files.Files[SettingsStore.DefaultNameA] = good;
        files.Files[SettingsStore.DefaultNameB] = new byte[] { 9, 9, 9 };
        var store = new SettingsStore(files);
        var loaded = new Settings();

        Assert.AreEqual(LoadOutcome.OneCopyValid, store.Load(loaded));
        StringAssert.Contains(store.Status.Describe(), "one copy damaged");
        Assert.IsTrue(store.RepairCopies());

        CollectionAssert.AreEqual(good, files.Files[SettingsStore.DefaultNameB], "the damaged copy now holds the good record");
        CollectionAssert.AreEqual(good, files.Files[SettingsStore.DefaultNameA], "the good copy is never written");
        StringAssert.Contains(store.Status.Describe(), "saved, one copy repaired");
        Assert.IsFalse(store.RepairCopies(), "nothing left to repair");
        var again = new Settings();
        Assert.AreEqual(LoadOutcome.BothCopiesValid, new SettingsStore(files).Load(again));
        Assert.AreEqual(80, again.LimitDbA);
    }

    [TestMethod]
    public void S9_nothing_is_written_when_both_copies_are_good_or_both_are_damaged()
    {
        var files = new MemoryFileStore();
        files.Files[SettingsStore.DefaultNameA] = new byte[] { 1 };
        files.Files[SettingsStore.DefaultNameB] = new byte[] { 2 };
        var store = new SettingsStore(files);
        Assert.AreEqual(LoadOutcome.CorruptDefaults, store.Load(new Settings()));
        Assert.IsFalse(store.RepairCopies());
        CollectionAssert.AreEqual(new byte[] { 1 }, files.Files[SettingsStore.DefaultNameA]);
        CollectionAssert.AreEqual(new byte[] { 2 }, files.Files[SettingsStore.DefaultNameB]);
    }
}
