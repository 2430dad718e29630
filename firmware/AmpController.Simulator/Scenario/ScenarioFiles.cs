using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace AmpController.Simulator.Scenario;

/// <summary>Loads scenario files and the built-in scenarios embedded from Scenarios/*.json.</summary>
public static class ScenarioFiles
{
    const string ResourcePrefix = "Scenarios.";

    /// <summary>Reads and validates a file; a missing or unreadable file is bad input like a malformed one.</summary>
    public static ScenarioSpec Load(string path)
    {
        if (Directory.Exists(path))
            throw new ScenarioException("", $"'{path}' is a folder; give a scenario file (e.g. {Path.Combine(path, "scenario.json")})");
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioException("", $"cannot read '{path}': {e.Message}");
        }
        return ScenarioLoader.Parse(text);
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
