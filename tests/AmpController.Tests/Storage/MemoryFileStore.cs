using System;
using System.Collections.Generic;
using AmpController.Core.Platform;

namespace AmpController.Tests.Storage;

/// <summary>
/// Flash in RAM. Optionally cuts the power during one chosen write: the file then holds what a torn write leaves
/// (see <see cref="TornWrite"/>) and the write "never returns" (it throws, as the program would simply stop).
/// </summary>
public sealed class MemoryFileStore : IFileStore
{
    public readonly Dictionary<string, byte[]> Files = new();
    public int Writes { get; private set; }

    private int _cutWriteIndex = -1;
    private int _cutAtByte;
    private TornWrite _cutMode;
    public bool FailWrites;
    public bool ThrowOnAccess;
    public Random Garbage = new(1);

    /// <summary>The next write stops after <paramref name="atByte"/> bytes, leaving a torn file of the given kind.</summary>
    public void CutNextWrite(int atByte, TornWrite mode)
    {
        _cutWriteIndex = Writes;
        _cutAtByte = atByte;
        _cutMode = mode;
    }

    public byte[]? ReadAll(string name)
    {
        if (ThrowOnAccess) throw new InvalidOperationException("flash driver fault");
        return Files.TryGetValue(name, out var data) ? (byte[])data.Clone() : null;
    }

    public bool WriteAll(string name, byte[] data)
    {
        if (ThrowOnAccess) throw new InvalidOperationException("flash driver fault");
        if (FailWrites) return false;
        int index = Writes++;
        if (index == _cutWriteIndex)
        {
            _cutWriteIndex = -1;
            Files.TryGetValue(name, out var previous);
            var torn = Tear(previous, data, _cutAtByte, _cutMode, Garbage);
            if (torn == null) Files.Remove(name); else Files[name] = torn;
            throw new PowerCutException();
        }
        Files[name] = (byte[])data.Clone();
        return true;
    }

    /// <summary>The file content after a write of <paramref name="data"/> stopped after <paramref name="cut"/> bytes.</summary>
    public static byte[]? Tear(byte[]? previous, byte[] data, int cut, TornWrite mode, Random garbage)
    {
        switch (mode)
        {
            case TornWrite.Truncated:
                return data[..cut];
            case TornWrite.Deleted:
                return null;
            case TornWrite.OldTail:
            {
                int length = Math.Max(cut, previous?.Length ?? 0);
                var result = new byte[length];
                if (previous != null) Array.Copy(previous, result, previous.Length);
                Array.Copy(data, result, cut);
                return result;
            }
            case TornWrite.ErasedTail:
            case TornWrite.GarbageTail:
            {
                var result = new byte[data.Length];
                if (mode == TornWrite.ErasedTail) Array.Fill(result, (byte)0xFF); else garbage.NextBytes(result);
                Array.Copy(data, result, cut);
                return result;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(mode));
        }
    }
}

public enum TornWrite { Truncated, Deleted, OldTail, ErasedTail, GarbageTail }

public sealed class PowerCutException : Exception
{
    public PowerCutException() : base("power cut") { }
}
