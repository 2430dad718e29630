using System;
using System.Collections.Generic;
using AmpController.Core.Platform;
using AmpController.Simulator.Platform;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Storage;

/// <summary>
/// One stored record under the torn-write sweep: how to load it from a flash, how to save a value, when two values
/// are the same, and the values to save (each history step, then the new value).
/// </summary>
public sealed record StoredRecord<T>(
    string What,
    Func<IFileStore, T> Load,
    Action<IFileStore, T> Save,
    Func<T, T, bool> Same,
    T[] History,
    T Next,
    Action<T, T, T>? NeverLouder = null);

/// <summary>
/// Issue 18 item 2: for every history (nothing stored, one save, two saves), every write a save makes, every way a
/// torn write may look (<see cref="TornWrite"/>) and every cut point — each byte offset of the written record, and
/// within that byte every bit (0–7 bits programmed), plus the complete write — the power goes; after the "reboot"
/// the record loads as exactly the old or the new value, and a later save works. Returns the cases tried.
/// </summary>
public static class TornWriteSweep
{
    public sealed record Result(int Cases, int CutPointsPerWrite, int LongestRecord, int WritesPerSave);

    /// <param name="fromDepth">The shortest history to start from (a record whose save is one step from the last value).</param>
    /// <param name="byteStride">Cut at every n-th byte offset only (every bit of it, and always the last byte and the
    /// complete write): for long records in the default suite; 1 (every byte) in the long run.</param>
    public static Result Run<T>(StoredRecord<T> record, int fromDepth = 0, int byteStride = 1)
    {
        int cases = 0, cutPoints = 0, longest = 0, writesPerSave = 0;
        for (int depth = fromDepth; depth <= record.History.Length; depth++)
        {
            var history = record.History[..depth];
            T old = record.Load(Prepared(record, history, 0));
            int[] lengths = WriteLengths(record, history);
            writesPerSave = Math.Max(writesPerSave, lengths.Length);
            for (int write = 0; write < lengths.Length; write++)
            {
                int length = lengths[write];
                longest = Math.Max(longest, length);
                cutPoints = Math.Max(cutPoints, length * 8 + 1);
                foreach (TornWrite shape in Enum.GetValues<TornWrite>())
                    for (int at = 0; at <= length; at++)
                        for (int bits = 0; bits < (at < length ? 8 : 1); bits++)
                        {
                            if (byteStride > 1 && at % byteStride != 0 && at < length - 1) continue;
                            if (shape == TornWrite.Deleted && (at > 0 || bits > 0)) continue; // one case: the cut point does not matter
                            var flash = Prepared(record, history, at * 8 + bits);
                            flash.CutWrite(write, at, bits, shape);
                            try { record.Save(flash, record.Next); }
                            catch (PowerCutException) { }
                            Check(record, flash, old, $"{record.What}: history {depth}, write {write}, {shape}, cut at byte {at} bit {bits}");
                            cases++;
                        }
            }
        }
        return new Result(cases, cutPoints, longest, writesPerSave);
    }

    private static void Check<T>(StoredRecord<T> record, SimFileStore flash, T old, string where)
    {
        Assert.IsTrue(flash.PowerLost, $"{where}: the cut never happened");
        flash.Restore();
        T loaded = record.Load(flash);
        bool isOld = record.Same(loaded, old), isNew = record.Same(loaded, record.Next);
        Assert.IsTrue(isOld || isNew, $"{where}: loaded neither the old nor the new value");
        record.NeverLouder?.Invoke(loaded, old, record.Next);
        record.Save(flash, record.Next);
        Assert.IsTrue(record.Same(record.Load(flash), record.Next), $"{where}: the next save after the cut did not hold");
    }

    private static SimFileStore Prepared<T>(StoredRecord<T> record, T[] history, int seed)
    {
        var flash = new SimFileStore { Garbage = new Random(seed) };
        foreach (var value in history) record.Save(flash, value);
        return flash;
    }

    /// <summary>The length of each write one save of the new value makes after this history.</summary>
    private static int[] WriteLengths<T>(StoredRecord<T> record, T[] history)
    {
        var flash = Prepared(record, history, 0);
        var recorder = new RecordingStore(flash);
        record.Save(recorder, record.Next);
        Assert.IsTrue(recorder.Lengths.Count > 0, $"{record.What}: a save wrote nothing");
        return recorder.Lengths.ToArray();
    }

    private sealed class RecordingStore(IFileStore inner) : IFileStore
    {
        public readonly List<int> Lengths = new();
        public byte[]? ReadAll(string name) => inner.ReadAll(name);
        public bool WriteAll(string name, byte[] data)
        {
            Lengths.Add(data.Length);
            return inner.WriteAll(name, data);
        }
    }
}
