using AmpController.Core.Platform;
using AmpController.Core.Supervision;
using AmpController.Tests.Control;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Supervision;

[TestClass]
public class SupervisionTests
{
    private sealed class Pin : IDigitalOutput { public bool High = true; public void Write(bool high) => High = high; }
    private sealed class RebootSpy : IDeviceReboot { public int Count; public void Reboot() => Count++; }

    [TestMethod]
    public void S5_backoff_starts_at_the_first_delay_doubles_and_stops_at_the_cap()
    {
        var b = new RecoveryBackoff();
        b.Start(1000);
        Assert.AreEqual(1000 + RecoveryBackoff.FirstDelayMs, b.NextAttemptMs);
        Assert.IsFalse(b.Due(1000 + RecoveryBackoff.FirstDelayMs - 1));
        Assert.IsTrue(b.Due(1000 + RecoveryBackoff.FirstDelayMs));
        long[] expected = { 20, 40, 40, 40 };
        long now = 2000;
        foreach (long gap in expected)
        {
            b.Failed(now);
            Assert.AreEqual(now + gap, b.NextAttemptMs);
        }
        Assert.AreEqual(4, b.FailedAttempts);
        b.Start(5000);
        Assert.AreEqual(0, b.FailedAttempts);
        Assert.AreEqual(5000 + RecoveryBackoff.FirstDelayMs, b.NextAttemptMs);
        b.Failed(5000);
        Assert.AreEqual(5000 + 2 * RecoveryBackoff.FirstDelayMs, b.NextAttemptMs, "a new fault starts the schedule again");
    }

    [TestMethod]
    public void S8_watchdog_period_is_configurable_and_latches()
    {
        Assert.AreEqual(SoftwareWatchdog.DefaultPeriodMs, new SoftwareWatchdog().PeriodMs);
        var w = new SoftwareWatchdog(123);
        Assert.AreEqual(123, w.PeriodMs);
        Assert.IsFalse(w.Tripped);
        w.CheckIn();
        Assert.IsFalse(w.Check());
        Assert.IsTrue(w.Check());
        Assert.IsTrue(w.Tripped);
        w.CheckIn();
        Assert.IsTrue(w.Check(), "latched: a tripped watchdog stays tripped");
    }

    [TestMethod]
    public void S8_stall_monitor_opens_the_relay_counts_the_reboot_and_reboots_once()
    {
        var store = new MemoryStore();
        var guard = new BootLoopGuard(store);
        guard.Load();
        var dog = new SoftwareWatchdog();
        var relay = new Pin();
        var reboot = new RebootSpy();
        var monitor = new StallMonitor(dog, guard, relay, reboot);
        dog.CheckIn();
        Assert.IsFalse(monitor.Check());
        Assert.IsTrue(relay.High, "a healthy loop: nothing happens");
        Assert.AreEqual(0, reboot.Count);
        Assert.IsTrue(monitor.Check());
        Assert.IsFalse(relay.High);
        Assert.AreEqual(1, reboot.Count);
        Assert.AreEqual(1, new BootLoopGuard(store).Load());
        Assert.IsFalse(monitor.Check(), "reboots once");
        Assert.AreEqual(1, reboot.Count);
    }

    [TestMethod]
    public void S8_boot_counter_saturates_and_a_stable_run_clears_it_once()
    {
        var store = new MemoryStore();
        var guard = new BootLoopGuard(store);
        for (int i = 0; i < 300; i++) guard.RecordUnexpectedReboot();
        Assert.AreEqual(250, new BootLoopGuard(store).Load());
        var g = new BootLoopGuard(store);
        g.Load();
        g.Tick(BootLoopGuard.StableAfterMs - 1);
        Assert.AreEqual(250, g.BootsInARow);
        g.Tick(BootLoopGuard.StableAfterMs);
        Assert.AreEqual(0, g.BootsInARow);
        Assert.IsFalse(g.SafeModeRequired);
        Assert.AreEqual(0, new BootLoopGuard(store).Load());
        store.Files.Clear();
        g.Tick(BootLoopGuard.StableAfterMs + 10);
        Assert.AreEqual(0, store.Files.Count, "cleared once per run, not every tick");
    }

    [TestMethod]
    public void S8_exactly_the_threshold_of_reboots_requires_safe_mode()
    {
        var store = new MemoryStore();
        var g = new BootLoopGuard(store);
        g.Load();
        for (int i = 1; i < BootLoopGuard.QuickBootsForSafeMode; i++) g.RecordUnexpectedReboot();
        Assert.IsFalse(new BootLoopGuard(store) is var a && a.Load() >= 0 && a.SafeModeRequired);
        g.RecordUnexpectedReboot();
        var b = new BootLoopGuard(store);
        b.Load();
        Assert.IsTrue(b.SafeModeRequired);
        b.Clear();
        Assert.AreEqual(0, new BootLoopGuard(store).Load());
    }
}
