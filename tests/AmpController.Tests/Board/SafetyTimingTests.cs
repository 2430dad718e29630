using System;
using System.Collections.Generic;
using System.Linq;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Board;

/// <summary>
/// The hardware safety paths of sheet safety in ngspice (deck safety-timing, generated from the description, three
/// corners): the output relay K1 stays off while the ESP32 boots (S1), opens when the plug is pulled out with the
/// firmware still asking for it (S2) and when the control loop stops feeding the watchdog (S8) - and the numbers the
/// simulator is given (HardwareSafetyTiming) are the ones the circuit produces.
/// </summary>
[TestClass]
public sealed class SafetyTimingTests
{
    const double PlugOutAt = 0.060, LastFeedAt = 0.115, RelayOnAt = 0.020, RelayOnAgainAt = 0.100;
    static readonly string[] Corners = { "nominal", "short", "long" };
    static Dictionary<(string Corner, string Name), double>? _results;

    static Dictionary<(string, string), double> Results()
    {
        if (_results != null) return _results;
        var r = BoardDecks.Results("safety-timing").ToDictionary(kv => (kv.Key.Split(' ')[0], kv.Key.Split(' ')[1]), kv => kv.Value);
        Assert.HasCount(3 * 14, r, "every corner reports every measurement");
        return _results = r;
    }

    static double Ms(double seconds) => seconds * 1000;

    [TestMethod]
    public void S1_K1_stays_off_while_the_ESP32_boots_and_the_watchdog_is_unfed()
    {
        foreach (string c in Corners)
        {
            Assert.IsLessThan(1e-4, Results()[(c, "boot_max_coil_a")], $"{c}: coil current while booting (must release at 2.11 mA)");
            Assert.IsLessThan(0.1, Results()[(c, "wd_ok_max_boot_v")], $"{c}: watchdog output while booting");
            Assert.IsLessThan(0.1, Results()[(c, "coil_supply_max_boot_v")], $"{c}: K1 coil supply while booting");
        }
    }

    [TestMethod]
    public void S2_pulling_the_plug_releases_K1_with_the_firmware_still_driving_it()
    {
        double worst = Corners.Max(c => Ms(Results()[(c, "jack_coil_s")] - PlugOutAt));
        foreach (string c in Corners)
            Assert.IsLessThan(1.0, Ms(Results()[(c, "jack_contact_s")] - PlugOutAt), $"{c}: contacts open (model) within 1 ms");
        Assert.AreEqual(HardwareSafetyTiming.CoilReleaseAfterPlugRemovalMaxMs, worst, 0.05, "HardwareSafetyTiming is the circuit's figure");
        Assert.IsLessThanOrEqualTo(5.0, HardwareSafetyTiming.PlugRemovalToRelayOpenMaxMs);
    }

    [TestMethod]
    public void S2_S7_a_replug_between_two_ticks_keeps_K1_open_until_the_firmware_closes_it_again()
    {
        foreach (string c in Corners)
        {
            // The plug is back 4 ms after it was pulled with GPIO4 still high: the jack-out latch holds the coil off until
            // the firmware's next rising edge on GPIO4 (at 100 ms, after it opened K1 at 80 ms).
            Assert.IsLessThanOrEqualTo(HardwareSafetyTiming.LatchedReplugCoilCurrentMaxMa, 1000 * Results()[(c, "replug_max_coil_a")], $"{c}: coil current after the replug");
            Assert.IsLessThan(2.11, 1000 * Results()[(c, "replug_max_coil_a")], $"{c}: below must-release");
            Assert.IsLessThanOrEqualTo(HardwareSafetyTiming.CoilOperateMaxMs, Ms(Results()[(c, "rearm_operate_s")] - RelayOnAgainAt), $"{c}: the edge sets the latch and K1 operates");
        }
    }

    [TestMethod]
    public void S5_S8_the_watchdog_opens_K1_within_100_ms_of_a_fault_met_by_a_blocking_transfer_and_a_late_tick_never_trips_it()
    {
        // A fault is met by the next supervision (period 50 ms, one late FreeRTOS tick: 60 ms); that tick fed the watchdog
        // and then blocks in the transfer. Fed every 10 ms, a tick one grid step late leaves a 20 ms gap.
        double detectMs = AmpController.Core.Control.ControllerTiming.SupervisionPeriodMs + AmpController.Simulator.Runtime.DeviceTiming.FreeRtosTickMs;
        Assert.IsLessThanOrEqualTo(100.0, detectMs + HardwareSafetyTiming.LastFeedToRelayOpenMaxMs, "fault -> K1 open, worst case");
        double lateTickGapMs = AmpController.Core.Control.ControllerTiming.TickMs + AmpController.Simulator.Runtime.DeviceTiming.FreeRtosTickMs;
        Assert.IsGreaterThan(lateTickGapMs + 5, HardwareSafetyTiming.WatchdogTimeoutMinMs, "at least 5 ms left for a GC pause on a late tick");
        Assert.IsLessThan(HardwareSafetyTiming.WatchdogTimeoutMinMs, AmpController.Core.Control.ControllerTiming.FeedGapMs,
            "the firmware treats a gap as a possible drop before the watchdog can have dropped K1");
    }

    [TestMethod]
    public void S8_the_watchdog_times_out_within_its_published_range_and_then_releases_K1()
    {
        var timeout = Corners.ToDictionary(c => c, c => Ms(Results()[(c, "wd_q_s")] - LastFeedAt));
        Assert.AreEqual(HardwareSafetyTiming.WatchdogTimeoutNominalMs, timeout["nominal"], 0.05);
        Assert.AreEqual(HardwareSafetyTiming.WatchdogTimeoutMinMs, timeout["short"], 0.05);
        Assert.AreEqual(HardwareSafetyTiming.WatchdogTimeoutMaxMs, timeout["long"], 0.05);
        double release = Corners.Max(c => Ms(Results()[(c, "wd_coil_s")] - Results()[(c, "wd_q_s")]));
        Assert.AreEqual(HardwareSafetyTiming.CoilReleaseAfterWatchdogMaxMs, release, 0.05);
        foreach (string c in Corners)
        {
            Assert.IsGreaterThan(3.2, Results()[(c, "wd_ok_min_while_fed_v")], $"{c}: fed every 10 ms, the watchdog never drops");
            Assert.IsLessThan(0.01, Results()[(c, "coil_supply_after_watchdog_v")], $"{c}: the coil supply is off after the timeout");
        }
        Assert.IsLessThan(100.0, HardwareSafetyTiming.LastFeedToRelayOpenMaxMs, "a hung runtime opens the relay within 100 ms");
    }

    [TestMethod]
    public void K1_operates_within_its_published_time_and_the_flyback_clamp_protects_the_driver()
    {
        double operate = Corners.Max(c => Ms(Results()[(c, "operate_s")] - RelayOnAt));
        Assert.IsLessThanOrEqualTo(HardwareSafetyTiming.CoilOperateMaxMs, operate);
        Assert.IsGreaterThan(HardwareSafetyTiming.CoilOperateMaxMs - 0.2, operate, "the published figure is tight, not padded");
        foreach (string c in Corners) Assert.IsLessThan(50.0, Results()[(c, "drain_peak_v")], $"{c}: BSS138 drain (50 V) at turn-off");
    }
}
