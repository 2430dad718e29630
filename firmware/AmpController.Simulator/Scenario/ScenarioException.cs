using System;

namespace AmpController.Simulator.Scenario;

/// <summary>
/// Bad scenario input: the message starts with the JSON path, e.g. `$.events[2].fault.kind: unknown fault kind 'foo' ...`;
/// a problem with the file itself (a folder, unreadable) has no path.
/// </summary>
public sealed class ScenarioException(string path, string problem) : Exception(path.Length == 0 ? problem : $"{path}: {problem}")
{
    public string Path { get; } = path;
}
