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
    const double PlugOutAt = 0.060, LastFeedAt = 0.115, RelayOnAt = 0.020;
    static readonly string[] Corners = { "nominal", "short", "long" };
    static Dictionary<(string Corner, string Name), double>? _results;

    static Dictionary<(string, string), double> Results()
    {
        if (_results != null) return _results;
        var r = BoardDecks.Results("safety-timing").ToDictionary(kv => (kv.Key.Split(' ')[0], kv.Key.Split(' ')[1]), kv => kv.Value);
        Assert.HasCount(3 * 12, r, "every corner reports every measurement");
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
