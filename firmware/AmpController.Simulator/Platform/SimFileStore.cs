using System;
using System.Collections.Generic;
using AmpController.Core.Platform;

namespace AmpController.Simulator.Platform;

/// <summary>
/// The ESP32's internal flash as the controller sees it (IFileStore: whole files; survives reboots, not a re-flash).
/// It counts every write per file (flash wear, issue 18) and can cut the power in the middle of a chosen write at any
/// byte and any bit of that byte, leaving what a torn write may leave (<see cref="TornWrite"/>); the write then
/// throws <see cref="PowerCutException"/>, as the program simply stops there.
/// On the device the files live on LittleFS in the "config" partition (nf-interpreter
/// targets/ESP32/ESP32/target_FileSystem.cpp: the I: volume is littlefs; targets/ESP32/_IDF/esp32/
/// partitions_nanoclr_4mb.csv: 256 KiB). LittleFS commits a file atomically, so the real device only ever shows the
/// old or the new file, or the empty file nanoFramework creates before writing (littlefs_FS_Driver.cpp, Open syncs
/// a new empty file); the model here is deliberately worse: any prefix, any erased, old or garbage tail.
/// </summary>
public sealed class SimFileStore : IFileStore
{
    private readonly Dictionary<string, byte[]> _files = new();
    private readonly Dictionary<string, long> _writesByName = new();
    private readonly Dictionary<string, long> _bytesByName = new();
    private long _cutAt = -1;
    private int _cutByte;
    private int _cutBits;
    private TornWrite _cutShape;

    /// <summary>Seeds the garbage a <see cref="TornWrite.GarbageTail"/> leaves.</summary>
    public Random Garbage { get; set; } = new(1);

    /// <summary>Every WriteAll call so far (including a torn one): each a flash write on the device, the wear count.</summary>
    public int Writes { get; private set; }

    public long BytesWritten { get; private set; }

    /// <summary>Writes per file name.</summary>
    public IReadOnlyDictionary<string, long> WritesByName => _writesByName;

    /// <summary>Bytes asked to be written per file name (whole records, torn ones included): the wear model's input.</summary>
    public IReadOnlyDictionary<string, long> BytesByName => _bytesByName;

    public IEnumerable<string> Names => _files.Keys;

    /// <summary>After a cut write the power is gone: every further write throws too, until <see cref="Restore"/>.</summary>
    public bool PowerLost { get; private set; }

    /// <summary>The power comes back (the device reboots): writes work again.</summary>
    public void Restore() => PowerLost = false;

    public byte[]? ReadAll(string name) => _files.TryGetValue(name, out var data) ? (byte[])data.Clone() : null;

    public bool WriteAll(string name, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (PowerLost) throw new PowerCutException();
        int index = Writes++;
        _writesByName[name] = _writesByName.GetValueOrDefault(name) + 1;
        _bytesByName[name] = _bytesByName.GetValueOrDefault(name) + data.Length;
        if (index == _cutAt)
        {
            _cutAt = -1;
            _files.TryGetValue(name, out var previous);
            byte[]? torn = Tear(previous, data, _cutByte, _cutBits, _cutShape, Garbage);
            BytesWritten += Math.Min(_cutByte + (_cutBits > 0 ? 1 : 0), data.Length);
            if (torn == null) _files.Remove(name); else _files[name] = torn;
            PowerLost = true;
            throw new PowerCutException();
        }
        BytesWritten += data.Length;
        _files[name] = (byte[])data.Clone();
        return true;
    }

    /// <summary>The flash as the factory programmer (or the listener's earlier sessions) left it before the first boot:
    /// written with the device's own stores through this view, not counted as the device's writes.</summary>
    public IFileStore Factory => new FactoryProgrammer(this);

    private sealed class FactoryProgrammer(SimFileStore flash) : IFileStore
    {
        public byte[]? ReadAll(string name) => flash.ReadAll(name);

        public bool WriteAll(string name, byte[] data)
        {
            flash.Put(name, data);
            return true;
        }
    }

    /// <summary>Puts a file as it is (a test's prepared content); not counted as a write.</summary>
    public void Put(string name, byte[]? data)
    {
        if (data == null) _files.Remove(name); else _files[name] = (byte[])data.Clone();
    }

    /// <summary>
    /// The write <paramref name="afterWrites"/> writes from now (0 = the next) stops after <paramref name="atByte"/>
    /// whole bytes and <paramref name="bits"/> (0–7) bits of the next byte.
    /// </summary>
    public void CutWrite(int afterWrites, int atByte, int bits, TornWrite shape)
    {
        if (afterWrites < 0 || atByte < 0 || bits is < 0 or > 7) throw new ArgumentOutOfRangeException(nameof(atByte));
        _cutAt = Writes + afterWrites;
        _cutByte = atByte;
        _cutBits = bits;
        _cutShape = shape;
    }

    /// <summary>
    /// The file after a write of <paramref name="data"/> over <paramref name="previous"/> stopped after
    /// <paramref name="atByte"/> bytes and <paramref name="bits"/> bits of the next one. NOR flash programs by clearing
    /// bits, so a half-programmed byte holds the new value in the bits already programmed (low bits first here) and
    /// what was under it in the rest: 0xFF when erased, the old byte, or garbage. Null: the file is gone.
    /// </summary>
    public static byte[]? Tear(byte[]? previous, byte[] data, int atByte, int bits, TornWrite shape, Random garbage)
    {
        int whole = Math.Min(atByte, data.Length);
        bool partial = bits > 0 && whole < data.Length;
        switch (shape)
        {
            case TornWrite.Deleted:
                return null;
            case TornWrite.Truncated:
            {
                var result = new byte[whole + (partial ? 1 : 0)];
                Array.Copy(data, result, whole);
                if (partial) result[whole] = Blend(0xFF, data[whole], bits);
                return result;
            }
            case TornWrite.OldTail:
            {
                int length = Math.Max(whole + (partial ? 1 : 0), previous?.Length ?? 0);
                var result = new byte[length];
                if (previous != null) Array.Copy(previous, result, previous.Length);
                if (partial) result[whole] = Blend(whole < (previous?.Length ?? 0) ? previous![whole] : (byte)0xFF, data[whole], bits);
                Array.Copy(data, result, whole);
                return result;
            }
            case TornWrite.ErasedTail:
            case TornWrite.GarbageTail:
            {
                var result = new byte[data.Length];
                if (shape == TornWrite.ErasedTail) Array.Fill(result, (byte)0xFF); else garbage.NextBytes(result);
                if (partial) result[whole] = Blend(result[whole], data[whole], bits);
                Array.Copy(data, result, whole);
                return result;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(shape));
        }
    }

    /// <summary>The low <paramref name="bits"/> bits from the new byte, the rest from the one under it.</summary>
    private static byte Blend(byte under, byte value, int bits)
    {
        int mask = (1 << bits) - 1;
        return (byte)((value & mask) | (under & ~mask));
    }
}

/// <summary>What a write cut by a power loss leaves in the file (the cut is at a byte and bit of the new data).</summary>
public enum TornWrite
{
    /// <summary>The file holds only what was written before the cut.</summary>
    Truncated,
    /// <summary>The file is gone (its old version deleted, the new one never committed).</summary>
    Deleted,
    /// <summary>The new bytes over the old file (an in-place rewrite), at least as long as the old file.</summary>
    OldTail,
    /// <summary>The new length, the bytes after the cut still erased (0xFF).</summary>
    ErasedTail,
    /// <summary>The new length, the bytes after the cut random.</summary>
    GarbageTail,
}

/// <summary>Thrown by a cut write: the power went, the program stops here.</summary>
public sealed class PowerCutException : Exception
{
    public PowerCutException() : base("power cut during a flash write") { }
}
