using System;
using System.Collections.Generic;
using AmpController.Core.Platform;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Storage;

/// <summary>
/// Flash in RAM. Optionally cuts the power during one chosen write: the file then holds what a torn write leaves
/// (see <see cref="TornWrite"/>, the model of <see cref="SimFileStore.Tear"/>) and the write "never returns" (it throws, as the program would simply stop).
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
            var torn = SimFileStore.Tear(previous, data, _cutAtByte, 0, _cutMode, Garbage);
            if (torn == null) Files.Remove(name); else Files[name] = torn;
            throw new PowerCutException();
        }
        Files[name] = (byte[])data.Clone();
        return true;
    }
}
