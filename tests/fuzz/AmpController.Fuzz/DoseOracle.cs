using System;
using AmpController.Core.Dose;
using AmpController.Core.Platform;
using AmpController.Core.Storage;
using AmpController.Simulator.Platform;

namespace AmpController.Fuzz;

/// <summary>
/// Dose target (rules S13, S9): the input is the two stored copies of the dose record (a dose copy is 692 bytes, so
/// copy A's length is the input's first two bytes, little-endian). Oracles: a copy the decoder accepts gives values
/// inside their ranges, each at least what the copy stores (ppm clamped up, elapsed and warned multiple toward the
/// conservative side), and a refused copy leaves the state untouched; through DoseStore.Load into a DoseMeter the
/// newest valid copy wins (a corrupt copy falls back to the other one), the meter never holds a smaller dose than that
/// copy stores, never NaN or negative, and exports it back unchanged; with no valid copy the meter stays empty.
/// </summary>
public static class DoseOracle
{
    /// <summary>The uptime the reboot restores at (any value: power-off time counts as none).</summary>
    const long RestoredAtMs = 12_345;

    public static void Run(byte[] input)
    {
        var (a, b) = Split(input);
        var files = new SimFileStore();
        if (a != null) files.Put(DoseRecord.NameA, a);
        if (b != null) files.Put(DoseRecord.NameB, b);

        DoseState? decodedA = Decode(a, "copy A"), decodedB = Decode(b, "copy B");
        DoseState? expected = Newest(a, decodedA, b, decodedB);

        var meter = new DoseMeter();
        bool loaded = new DoseStore(files).Load(meter, RestoredAtMs);
        if (loaded != (expected != null))
            throw new OracleFailure(loaded ? "a dose loaded from no valid copy" : "a valid dose copy was not loaded");
        double fraction = meter.WeeklyFraction;
        if (!double.IsFinite(fraction) || fraction < 0) throw new OracleFailure($"weekly dose {fraction}");
        if (expected == null)
        {
            if (fraction != 0) throw new OracleFailure($"no valid copy, yet the meter holds {fraction}");
            return;
        }
        // A double keeps every integer ppm sum below 2^53 exactly; the meter may only round up (toward more dose).
        double storedPpm = expected.TotalPpm;
        if (fraction * DoseMeter.PartsPerMillion < storedPpm * (1 - 1e-12))
            throw new OracleFailure($"loaded dose {fraction * DoseMeter.PartsPerMillion} ppm below the stored {storedPpm} ppm");
        var exported = new DoseState();
        meter.Export(exported, RestoredAtMs);
        if (Problem(exported) is string bad) throw new OracleFailure("exported after load: " + bad);
        for (int i = 0; i < DoseState.ClosedHours; i++)
            if (exported.ClosedPpm[i] != expected.ClosedPpm[i]) throw new OracleFailure($"closed hour {i}: {exported.ClosedPpm[i]} after load, {expected.ClosedPpm[i]} stored");
        if (exported.RunningPpm < expected.RunningPpm) throw new OracleFailure($"running hour {exported.RunningPpm} ppm after load, {expected.RunningPpm} stored");
        if (exported.RunningElapsedMs != expected.RunningElapsedMs || exported.WarnedMultiple != expected.WarnedMultiple)
            throw new OracleFailure("the running hour's time or the warned multiple changed on load");
        // Listening on after the reboot only adds dose.
        meter.Update(RestoredAtMs + 1000, 85.0);
        if (!(meter.WeeklyFraction >= fraction)) throw new OracleFailure($"dose fell from {fraction} to {meter.WeeklyFraction} while listening");
        meter.TakeWarning(out _);
    }

    /// <summary>Copy A and copy B (null: the file does not exist, an empty input has neither).</summary>
    public static (byte[]? A, byte[]? B) Split(byte[] input)
    {
        if (input.Length < 2) return (null, null);
        int lengthA = Math.Min(input[0] | input[1] << 8, input.Length - 2);
        return (input.AsSpan(2, lengthA).ToArray(), input.AsSpan(2 + lengthA).ToArray());
    }

    /// <summary>The input a target reads for these two copies (the seed corpus writes real ones).</summary>
    public static byte[] Join(byte[]? a, byte[]? b)
    {
        a ??= [];
        b ??= [];
        return [(byte)a.Length, (byte)(a.Length >> 8), .. a, .. b];
    }

    static DoseState? Decode(byte[]? copy, string what)
    {
        var state = Sentinel();
        if (!DoseRecord.TryDecode(copy, state))
        {
            if (!IsSentinel(state)) throw new OracleFailure($"{what}: a refused copy changed the state");
            return null;
        }
        if (Problem(state) is string bad) throw new OracleFailure($"{what} decoded: {bad}");
        int offset = RecordPair.HeaderLength;
        uint Raw(int at) => LittleEndian.ReadUInt32(copy!, offset + at);
        if (!AtLeast(state.RunningPpm, Raw(4))) throw new OracleFailure($"{what}: running hour {state.RunningPpm} ppm below the stored {Raw(4)}");
        for (int i = 0; i < DoseState.ClosedHours; i++)
            if (!AtLeast(state.ClosedPpm[i], Raw(12 + 4 * i))) throw new OracleFailure($"{what}: closed hour {i} below the stored value");
        if ((uint)state.RunningElapsedMs > Raw(0)) throw new OracleFailure($"{what}: the running hour ran further than stored");
        if ((uint)state.WarnedMultiple > Raw(8)) throw new OracleFailure($"{what}: a warning counted that was not stored");
        return state;
    }

    /// <summary>Decoded ppm equals the stored value, or int.MaxValue when the stored value is beyond it.</summary>
    static bool AtLeast(int decoded, uint stored) => decoded == (stored > int.MaxValue ? int.MaxValue : (int)stored);

    /// <summary>RecordPair's rule, written out independently: the newest sequence among the copies that decode.</summary>
    static DoseState? Newest(byte[]? a, DoseState? decodedA, byte[]? b, DoseState? decodedB)
    {
        if (decodedA == null) return decodedB;
        if (decodedB == null) return decodedA;
        uint seqA = LittleEndian.ReadUInt32(a!, 4), seqB = LittleEndian.ReadUInt32(b!, 4);
        return RecordPair.IsNewer(seqB, seqA) ? decodedB : decodedA;
    }

    /// <summary>Null when every value is in its range, else what is not.</summary>
    public static string? Problem(DoseState s)
    {
        if (s.RunningElapsedMs < 0 || s.RunningElapsedMs >= DoseMeter.MsPerHour) return $"running hour elapsed {s.RunningElapsedMs} ms";
        if (s.RunningPpm < 0) return $"running hour {s.RunningPpm} ppm";
        if (s.WarnedMultiple < 0 || s.WarnedMultiple > DoseRecord.MaxWarnedMultiple) return $"warned multiple {s.WarnedMultiple}";
        for (int i = 0; i < DoseState.ClosedHours; i++)
            if (s.ClosedPpm[i] < 0) return $"closed hour {i}: {s.ClosedPpm[i]} ppm";
        return null;
    }

    static bool IsSentinel(DoseState s)
    {
        if (s.RunningPpm != -7 || s.RunningElapsedMs != -7 || s.WarnedMultiple != -7) return false;
        foreach (int ppm in s.ClosedPpm)
            if (ppm != -7) return false;
        return true;
    }

    static DoseState Sentinel()
    {
        var s = new DoseState { RunningPpm = -7, RunningElapsedMs = -7, WarnedMultiple = -7 };
        for (int i = 0; i < DoseState.ClosedHours; i++) s.ClosedPpm[i] = -7;
        return s;
    }

    /// <summary>Seeds: the records DoseStore itself writes after real listening (one write, two writes).</summary>
    public static System.Collections.Generic.IEnumerable<byte[]> Seeds()
    {
        foreach (int writes in new[] { 1, 2, 3 })
        {
            var files = new SimFileStore();
            var meter = new DoseMeter();
            var store = new DoseStore(files);
            meter.Update(0, double.NaN);
            long t = 0;
            for (int w = 0; w < writes; w++)
                for (int s = 0; s < 601; s++) { t += 1000; meter.Update(t, 88.0 + 4 * w); store.Flush(meter, t); }
            yield return Join(files.ReadAll(DoseRecord.NameA), files.ReadAll(DoseRecord.NameB));
        }
    }
}
