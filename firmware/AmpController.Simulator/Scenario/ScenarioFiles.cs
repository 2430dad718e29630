using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace AmpController.Simulator.Scenario;

/// <summary>Loads scenario files and the built-in scenarios embedded from Scenarios/*.json.</summary>
public static class ScenarioFiles
{
    const string ResourcePrefix = "Scenarios.";

    /// <summary>
    /// The largest scenario file accepted: a week of events at one every few seconds fits many times over, and a file
    /// this size parses in well under the run's memory budget (issue 18: 200 MB for a 7-day run).
    /// </summary>
    public const int MaxFileBytes = 16 * 1024 * 1024;

    /// <summary>
    /// Reads and validates a file; a missing, unreadable or oversized file is bad input like a malformed one. The size
    /// is checked before reading (a 1.2 GB file is refused at once), and the read stops one byte past the limit, so a
    /// device or pipe that never ends (/dev/zero) is refused too, never read into memory.
    /// </summary>
    public static ScenarioSpec Load(string path)
    {
        if (Directory.Exists(path))
            throw new ScenarioException("", $"'{path}' is a folder; give a scenario file (e.g. {Path.Combine(path, "scenario.json")})");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            return ScenarioLoader.Parse(ReadBounded(stream, path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioException("", $"cannot read '{path}': {e.Message}");
        }
    }

    /// <summary>The stream's text, or a <see cref="ScenarioException"/> when it holds more than <see cref="MaxFileBytes"/>.</summary>
    public static string ReadBounded(Stream stream, string name)
    {
        if (stream.CanSeek && stream.Length > MaxFileBytes)
            throw new ScenarioException("", $"'{name}' is {stream.Length:N0} bytes; a scenario file may have at most {MaxFileBytes:N0} ({MaxFileBytes >> 20} MiB)");
        var buffer = new byte[Math.Min(MaxFileBytes + 1, stream.CanSeek ? (int)stream.Length + 1 : 1 << 16)];
        int filled = 0;
        while (true)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length > MaxFileBytes)
                    throw new ScenarioException("", $"'{name}' gives more than {MaxFileBytes:N0} bytes ({MaxFileBytes >> 20} MiB, the limit for a scenario file); is it a regular file?");
                Array.Resize(ref buffer, (int)Math.Min(MaxFileBytes + 1L, buffer.Length * 2L));
            }
            int read = stream.Read(buffer, filled, buffer.Length - filled);
            if (read == 0) break;
            filled += read;
        }
        int start = filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0; // a UTF-8 BOM
        try
        {
            return new UTF8Encoding(false, true).GetString(buffer, start, filled - start);
        }
        catch (DecoderFallbackException)
        {
            throw new ScenarioException("", $"'{name}' is not UTF-8 text (a scenario is a JSON file)");
        }
    }

    /// <summary>Built-in scenario names in demo order (file names without .json, sorted: they start with a number).</summary>
    public static IReadOnlyList<string> BuiltInNames =>
        typeof(ScenarioFiles).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[ResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal)
            .ToList();

    public static string BuiltInText(string name)
    {
        using var stream = typeof(ScenarioFiles).Assembly.GetManifestResourceStream(ResourcePrefix + name + ".json")
            ?? throw new ScenarioException("$", $"no built-in scenario '{name}' (have: {string.Join(", ", BuiltInNames)})");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static ScenarioSpec BuiltIn(string name) => ScenarioLoader.Parse(BuiltInText(name));
}
