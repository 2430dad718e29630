using System;
using System.Linq;
using AmpController.Core.Dose;
using AmpController.Core.Platform;
using AmpController.Core.Storage;
using AmpController.Simulator.Platform;
using AmpController.Tests.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Dose;

/// <summary>S13 (issue 16): the dose survives power cuts like settings (two CRC copies), within one write per 10 min of listening.</summary>
[TestClass]
public class DoseStoreTests
{
    private const long Hour = DoseMeter.MsPerHour;

    private static long Play(DoseMeter meter, long fromMs, long ms, double level, long tickMs = 1000) =>
        DoseMeterTests.Play(meter, fromMs, ms, level, tickMs);

    private static DoseState Sample(int seed)
    {
        var rng = new Random(seed);
        var s = new DoseState { RunningPpm = rng.Next(0, 3_000_000), RunningElapsedMs = rng.Next(0, (int)Hour), WarnedMultiple = rng.Next(0, 4) };
        for (int i = 0; i < DoseState.ClosedHours; i++) s.ClosedPpm[i] = rng.Next(4) == 0 ? rng.Next(0, 2_500_000) : 0;
        return s;
    }

    private static bool Same(DoseState a, DoseState b) =>
        a.RunningPpm == b.RunningPpm && a.RunningElapsedMs == b.RunningElapsedMs && a.WarnedMultiple == b.WarnedMultiple
        && a.ClosedPpm.SequenceEqual(b.ClosedPpm);

    private static byte[] Payload(DoseState s)
    {
        var p = new byte[DoseRecord.PayloadLength];
        DoseRecord.EncodePayload(s, p);
        return p;
    }

    [TestMethod]
    public void S13_dose_record_round_trips_through_both_copies()
    {
        var flash = new SimFileStore();
        var pair = DoseRecord.Pair(flash);
        var first = Sample(1);
        var second = Sample(2);
        Assert.IsTrue(pair.Save(Payload(first), DoseRecord.PayloadLength));
        Assert.IsTrue(pair.Save(Payload(second), DoseRecord.PayloadLength));
        Assert.AreEqual(2, flash.Names.Count(), "two files, A and B");
        var decoded = new DoseState();
        Assert.IsTrue(DoseRecord.TryDecode(flash.ReadAll(DoseRecord.NameA), decoded) && Same(decoded, first));
        Assert.IsTrue(DoseRecord.TryDecode(flash.ReadAll(DoseRecord.NameB), decoded) && Same(decoded, second));
        Assert.AreEqual(RecordPair.HeaderLength + DoseRecord.PayloadLength + RecordPair.CrcLength, flash.ReadAll(DoseRecord.NameA)!.Length);
    }

    [TestMethod]
    public void S13_S9_dose_record_loads_old_or_new_after_a_power_cut_at_any_byte_and_bit()
    {
        var history = new[] { Sample(3), Sample(4) };
        var record = new StoredRecord<DoseState>("dose",
            Load: files =>
            {
                var meter = new DoseMeter();
                var state = new DoseState();
                if (new DoseStore(files).Load(meter, 0)) meter.Export(state, 0);
                return state;
            },
            Save: (files, s) => DoseRecord.Pair(files).Save(Payload(s), DoseRecord.PayloadLength),
            Same: Same, History: history, Next: Sample(5),
            NeverLouder: null);
        // Every byte in the long run (AMP_LONG_SWEEP=1, about a minute); every 13th byte (all bits) in the suite.
        int stride = Environment.GetEnvironmentVariable("AMP_LONG_SWEEP") == "1" ? 1 : 13;
        var result = TornWriteSweep.Run(record, byteStride: stride);
        Console.WriteLine($"dose record: {result.Cases} torn writes, {result.CutPointsPerWrite} cut points per write, {result.LongestRecord} bytes");
        Assert.AreEqual(RecordPair.HeaderLength + DoseRecord.PayloadLength + RecordPair.CrcLength, result.LongestRecord);
    }

    [TestMethod]
    public void S13_decoder_is_pure_and_refuses_every_damaged_copy()
    {
        var good = new byte[RecordPair.HeaderLength + DoseRecord.PayloadLength + RecordPair.CrcLength];
        var flash = new SimFileStore();
        DoseRecord.Pair(flash).Save(Payload(Sample(6)), DoseRecord.PayloadLength);
        good = flash.ReadAll(DoseRecord.NameA)!;
        var into = Sample(7);
        var before = Payload(into);
        var rng = new Random(8);
        for (int i = 0; i < 2000; i++)
        {
            var bad = (byte[])good.Clone();
            bad[rng.Next(bad.Length)] ^= (byte)(1 << rng.Next(8));
            Assert.IsFalse(DoseRecord.TryDecode(bad, into), $"flip {i} accepted");
            Assert.IsFalse(DoseRecord.TryDecode(bad[..rng.Next(bad.Length)], into));
        }
        Assert.IsFalse(DoseRecord.TryDecode(null, into));
        Assert.IsFalse(DoseRecord.TryDecode(Array.Empty<byte>(), into));
        CollectionAssert.AreEqual(before, Payload(into), "a refused copy leaves the state untouched");
        Assert.IsTrue(DoseRecord.TryDecode(good, into));
        Assert.IsTrue(DoseRecord.TryDecode(good, into), "the same bytes decode the same way again");
    }

    [TestMethod]
    public void S13_out_of_range_values_under_a_valid_crc_read_as_more_dose_never_less()
    {
        var s = new DoseState { RunningElapsedMs = 0, RunningPpm = 5, WarnedMultiple = 1 };
        var p = Payload(s);
        LittleEndian.WriteUInt32(p, 0, uint.MaxValue);      // elapsed past the hour
        LittleEndian.WriteUInt32(p, 4, uint.MaxValue);      // running ppm beyond int
        LittleEndian.WriteUInt32(p, 12, 0x80000000u);       // a closed hour beyond int
        var d = new DoseState();
        Assert.IsTrue(DoseRecord.TryDecodePayload(p, p.Length, d));
        Assert.AreEqual(0, d.RunningElapsedMs, "the running hour starts again: its share stays in the window longer");
        Assert.AreEqual(int.MaxValue, d.RunningPpm);
        Assert.AreEqual(int.MaxValue, d.ClosedPpm[0]);
        Assert.IsFalse(DoseRecord.TryDecodePayload(p, p.Length - 4, d));
    }

    [TestMethod]
    public void S13_power_off_time_never_reduces_the_dose()
    {
        var flash = new SimFileStore();
        var meter = new DoseMeter();
        meter.Update(0, double.NaN);
        long t = Play(meter, 0, 3 * Hour, 90.0);
        var store = new DoseStore(flash);
        store.Flush(meter, t);
        double before = meter.WeeklyFraction;
        // Power off for "a month": the next run's uptime starts again at 0; nothing rolls out of the window.
        var after = new DoseMeter();
        Assert.IsTrue(new DoseStore(flash).Load(after, 0));
        Assert.IsTrue(after.WeeklyFraction >= before - 1e-12, $"{after.WeeklyFraction} < {before}");
        Assert.AreEqual(before, after.WeeklyFraction, 168e-6 + 1e-6);
        // It leaves the window only after 7 days of uptime.
        Play(after, 0, 164 * Hour, double.NaN, 60_000);
        Assert.IsTrue(after.WeeklyFraction > 0.0);
        Play(after, 164 * Hour, 5 * Hour, double.NaN, 60_000);
        Assert.AreEqual(0.0, after.WeeklyFraction, 1e-12);
    }

    [TestMethod]
    public void S13_at_most_one_write_per_10_minutes_of_listening_and_none_in_silence()
    {
        var flash = new SimFileStore();
        var meter = new DoseMeter();
        var store = new DoseStore(flash);
        meter.Update(0, double.NaN);
        long t = 0;
        // 5 h of listening in 37-second bursts with 23 s pauses, flushing after every second, then 10 h of silence.
        for (int burst = 0; burst < 5 * 3600 / 37; burst++)
        {
            for (int s = 0; s < 37; s++) { t += 1000; meter.Update(t, 85.0); store.Flush(meter, t); }
            for (int s = 0; s < 23; s++) { t += 1000; meter.Update(t, double.NaN); store.Flush(meter, t); }
        }
        int afterListening = store.Writes;
        for (int s = 0; s < 10 * 3600; s++) { t += 1000; meter.Update(t, double.NaN); store.Flush(meter, t); }
        Assert.AreEqual(afterListening, store.Writes, "no write while nothing plays");
        long listeningMinutes = meter.ListeningMs / 60_000;
        Assert.IsTrue(store.Writes <= listeningMinutes / 10, $"{store.Writes} writes for {listeningMinutes} min of listening");
        Assert.AreEqual(listeningMinutes / 10, store.Writes, "and it does write every 10 minutes of listening");
        Assert.AreEqual(store.Writes, flash.Writes);
    }
}
