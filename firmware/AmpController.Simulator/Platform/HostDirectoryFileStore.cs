using System;
using System.IO;
using AmpController.Core.Platform;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;

namespace AmpController.Simulator.Platform;

/// <summary>
/// The device's flash (IFileStore) as a host folder, so settings saved in one `ampsim console` run are loaded by the
/// next (S9). Like the ESP32 adapter (FlashFileStore): plain file names only, every failure is null/false, never a throw.
/// </summary>
public sealed class HostDirectoryFileStore(string directory) : IFileStore
{
    public byte[]? ReadAll(string name)
    {
        string? path = PathOf(name);
        if (path == null) return null;
        try { return File.Exists(path) ? File.ReadAllBytes(path) : null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    public bool WriteAll(string name, byte[] data)
    {
        string? path = PathOf(name);
        if (path == null || data == null) return false;
        try
        {
            Directory.CreateDirectory(directory);
            File.WriteAllBytes(path, data);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private string? PathOf(string name)
    {
        if (string.IsNullOrEmpty(name) || name.IndexOfAny(['/', '\\', ':']) >= 0 || name is "." or "..") return null;
        return Path.Combine(directory, name);
    }
}
