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

/// <summary>S8: the watchdog check-in, the boot-loop guard and safe mode.</summary>
[TestClass]
public class SafeModeTests
{
    [TestMethod]
    public void S8_tick_checks_in_and_the_monitor_trips_when_it_stops()
    {
        var dog = new SoftwareWatchdog();
        var rig = new Rig(dog);
        rig.Tick(50);
        Assert.IsFalse(dog.Check());
        rig.Tick(1);
        Assert.IsFalse(dog.Check());
        Assert.IsTrue(dog.Check(), "no tick since the last check: stalled");
        rig.Tick(1);
        Assert.IsTrue(dog.Tripped, "latched");
    }

    [TestMethod]
    public void S8_repeated_unexpected_reboots_start_safe_mode_muted_with_relay_open()
    {
        var store = new MemoryStore();
        for (int i = 0; i < BootLoopGuard.QuickBootsForSafeMode; i++) { var g = new BootLoopGuard(store); g.Load(); g.RecordUnexpectedReboot(); }
        var guard = new BootLoopGuard(store);
        Assert.AreEqual(3, guard.Load());
        var rig = new Rig(null, guard);
        Assert.AreEqual(ControllerState.SafeMode, rig.Controller.State);
        Assert.AreEqual("safeMode", rig.Controller.StateName);
        rig.Jack.Level = true;
        rig.Tick(200);
        Assert.IsFalse(rig.Relay.Closed);
        Assert.AreEqual(0, rig.Sensor.Starts);
        rig.Controller.LeaveSafeMode();
        Assert.AreEqual(0, new BootLoopGuard(store).Load());
        Assert.IsTrue(rig.TickUntil(() => rig.Controller.State == ControllerState.Playing, 1000) >= 0);
    }

    [TestMethod]
    public void S8_fewer_reboots_boot_normally_and_a_stable_run_clears_the_count()
    {
        var store = new MemoryStore();
        var g1 = new BootLoopGuard(store); g1.Load(); g1.RecordUnexpectedReboot(); g1.RecordUnexpectedReboot();
        var guard = new BootLoopGuard(store);
        Assert.AreEqual(2, guard.Load());
        Assert.IsFalse(guard.SafeModeRequired);
        var rig = new Rig(null, guard);
        rig.Tick(BootLoopGuard.StableAfterMs / 10 - 2);
        Assert.AreEqual(2, new BootLoopGuard(store).Load());
        rig.Tick(3);
        Assert.AreEqual(0, new BootLoopGuard(store).Load());
    }

    [TestMethod]
    [DataRow(new byte[] { })]
    [DataRow(new byte[] { 5, 0xFA, 0xB0, 0x07 })] // the old single-copy format (bootloop.bin v1) is not read
    [DataRow(new byte[] { 0xB0, 0x07, 2, 1, 1, 0, 0, 0, 5, 0, 0, 0, 0 })] // right framing, wrong CRC
    [DataRow(new byte[] { 0xB0, 0x07, 2, 1, 1, 0, 0, 0, 5 })] // torn before the CRC
    public void S8_corrupt_boot_counter_reads_as_zero(byte[] data)
    {
        var store = new MemoryStore();
        store.Files[BootLoopGuard.NameA] = data;
        store.Files[BootLoopGuard.NameB] = data;
        Assert.AreEqual(0, new BootLoopGuard(store).Load());
    }

    [TestMethod]
    public void S8_S9_boot_counter_round_trips_and_a_corrupt_copy_falls_back_to_the_other()
    {
        var store = new MemoryStore();
        var writer = new BootLoopGuard(store);
        writer.Load();
        for (int i = 0; i < 5; i++) writer.RecordUnexpectedReboot();
        var g = new BootLoopGuard(store);
        Assert.AreEqual(5, g.Load());
        Assert.IsTrue(g.SafeModeRequired);
        // The newest copy (count 5) was written last; spoiling it leaves the previous count, never zero.
        string newest = store.Files[BootLoopGuard.NameA].Length > 0 && new BootLoopGuard(new OnlyFile(store, BootLoopGuard.NameA)).Load() == 5
            ? BootLoopGuard.NameA : BootLoopGuard.NameB;
        store.Files[newest][8] ^= 0x01;
        Assert.AreEqual(4, new BootLoopGuard(store).Load());
    }

    private sealed class OnlyFile(MemoryStore inner, string name) : IFileStore
    {
        public byte[]? ReadAll(string n) => n == name ? inner.ReadAll(n) : null;
        public bool WriteAll(string n, byte[] data) => false;
    }
}
