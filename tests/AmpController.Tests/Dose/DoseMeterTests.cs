using System;
using AmpController.Core.Dose;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Dose;

[TestClass]
public class DoseMeterTests
{
    private const long Hour = DoseMeter.MsPerHour;
    // Closed hours round up by at most 1 ppm each.
    private const double Rounding = DoseMeter.WindowHours / (double)DoseMeter.PartsPerMillion;

    /// <summary>Plays <paramref name="level"/> from <paramref name="fromMs"/> for <paramref name="ms"/> in 10 ms ticks.</summary>
    internal static long Play(DoseMeter meter, long fromMs, long ms, double level, long tickMs = 10)
    {
        long t = fromMs;
        for (long end = fromMs + ms; t < end;)
        {
            t = Math.Min(end, t + tickMs);
            meter.Update(t, level);
        }
        return t;
    }

    private static DoseMeter Started(long atMs = 0)
    {
        var meter = new DoseMeter();
        meter.Update(atMs, double.NaN);
        return meter;
    }

    [TestMethod]
    public void Dose_40_hours_at_80_dBA_is_100_percent_and_warns_once()
    {
        var meter = Started();
        long t = Play(meter, 0, 40 * Hour - 60_000, 80.0, 60_000);
        Assert.IsFalse(meter.TakeWarning(out _), $"warned early at {meter.WeeklyFraction}");
        Play(meter, t, 60_000, 80.0, 60_000);
        Assert.AreEqual(1.0, meter.WeeklyFraction, Rounding);
        Assert.IsTrue(meter.TakeWarning(out int multiple));
        Assert.AreEqual(1, multiple);
        Assert.IsFalse(meter.TakeWarning(out _), "the same multiple warns only once");
    }

    [TestMethod]
    public void Dose_one_hour_of_10_ms_ticks_at_85_dBA_adds_up_like_the_formula()
    {
        var meter = Started();
        Play(meter, 0, Hour, 85.0);
        Assert.AreEqual(DoseMath.Fraction(85.0, 3600.0), meter.WeeklyFraction, 1e-6);
        Assert.AreEqual(0.0790569, meter.WeeklyFraction, 1e-5); // 10^0.5 / 40
    }

    [TestMethod]
    public void Dose_warns_again_at_each_multiple()
    {
        var meter = Started();
        long t = 0;
        var warnings = new System.Collections.Generic.List<int>();
        for (int i = 0; i < 13; i++) // 13 h at 90 dBA = 3.25 allowances
        {
            t = Play(meter, t, Hour, 90.0, 1000);
            if (meter.TakeWarning(out int m)) warnings.Add(m);
        }
        CollectionAssert.AreEqual(new[] { 1, 2, 3 }, warnings);
        Assert.AreEqual(3.25, meter.WeeklyFraction, Rounding);
    }

    [TestMethod]
    public void Dose_muted_or_unplugged_adds_nothing()
    {
        var meter = Started();
        Play(meter, 0, 10 * Hour, double.NaN, 1000);
        Assert.AreEqual(0.0, meter.WeeklyFraction);
    }

    [TestMethod]
    public void Dose_leaves_the_window_after_seven_days()
    {
        var meter = Started();
        long t = Play(meter, 0, 40 * Hour, 80.0, 1000);
        Assert.AreEqual(1.0, meter.WeeklyFraction, Rounding);
        Assert.IsTrue(meter.TakeWarning(out _));
        t = Play(meter, t, 128 * Hour, double.NaN, 60_000); // now exactly 168 h after the start
        Assert.AreEqual(39.0 / 40.0, meter.WeeklyFraction, Rounding, "the first hour left the window");
        t = Play(meter, t, 39 * Hour, double.NaN, 60_000);
        Assert.AreEqual(0.0, meter.WeeklyFraction, 1e-12);
        Assert.IsFalse(meter.TakeWarning(out int m));
        Assert.AreEqual(0, m);
        Play(meter, t, 40 * Hour, 80.0, 1000);
        Assert.IsTrue(meter.TakeWarning(out m), "a new week warns again");
        Assert.AreEqual(1, m);
    }

    [TestMethod]
    public void Dose_a_long_gap_between_updates_is_split_over_the_hours_it_spans()
    {
        var meter = Started();
        meter.Update(3 * Hour + Hour / 2, 90.0);
        Assert.AreEqual(DoseMath.Fraction(90.0, 3.5 * 3600.0), meter.WeeklyFraction, Rounding);
        Assert.IsTrue(meter.HourPpm(1) > 0 && meter.HourPpm(3) > 0);
        Assert.AreEqual(meter.HourPpm(1), meter.HourPpm(3));
        meter.Update(400 * Hour, double.NaN); // longer than the window, silent
        Assert.AreEqual(0.0, meter.WeeklyFraction);
    }

    [TestMethod]
    public void Dose_time_going_backwards_changes_nothing()
    {
        var meter = Started(1000);
        meter.Update(Hour, 90.0);
        double before = meter.WeeklyFraction;
        meter.Update(500, 110.0);
        meter.Update(Hour, 110.0);
        Assert.AreEqual(before, meter.WeeklyFraction);
    }

    [TestMethod]
    public void Dose_update_allocates_nothing_over_a_simulated_day_of_ticks()
    {
        var meter = Started();
        meter.Update(10, 75.0);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long t = 10;
        for (int i = 0; i < 100_000; i++)
        {
            t += 10;
            meter.Update(t, i % 1000 < 500 ? 75.0 : 82.5);
            meter.TakeWarning(out _);
        }
        t += 26 * Hour;
        meter.Update(t, 75.0);
        Assert.AreEqual(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [TestMethod]
    public void Dose_a_gap_longer_than_the_window_counts_like_continuous_ticks()
    {
        var meter = Started();
        meter.Update(400 * Hour, 80.0);
        var ticked = Started();
        Play(ticked, 0, 400 * Hour, 80.0, 60_000);
        Assert.AreEqual(ticked.WeeklyFraction, meter.WeeklyFraction, Rounding);
        // On an hour boundary the window is 167 closed hours plus an empty running hour.
        Assert.AreEqual(167.0 / 40.0, meter.WeeklyFraction, Rounding);
        Assert.IsTrue(meter.TakeWarning(out int m));
        Assert.AreEqual(4, m);
    }

    [TestMethod]
    public void Dose_an_absurd_level_saturates_instead_of_overflowing()
    {
        var meter = Started();
        meter.Update(2 * Hour, 200.0);
        Assert.AreEqual(int.MaxValue, meter.HourPpm(2));
        Assert.IsTrue(meter.WeeklyFraction > 2000.0);
    }
}
