using System;
using System.IO;

namespace AmpController.Tests.Simulator;

/// <summary>Temporary scenario files for command tests; JSON may be written with ' for " to keep test rows readable.</summary>
public static class ScenarioFilesForTests
{
    public const string ValidEvents =
        "[{'atMs':100,'plug':{'leftOhm':300,'rightOhm':300,'sensitivity':97,'unit':'dB/V'}},{'atMs':900,'encoder':12},{'atMs':1500,'fault':{'kind':'chipReset','device':'volume'}},{'atMs':1900,'unplug':{}}]";

    public static string Valid(string events = ValidEvents, string extra = "") =>
        "{'name':'t','seed':7,'durationMs':2000," + extra + "'events':" + events + ",'expect':[{'maxSplDbA':85}]}";

    public static string Write(string json)
    {
        string path = Path.Combine(Path.GetTempPath(), $"ampsim-test-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json.Replace('\'', '"'));
        return path;
    }

    public static string TempPath(string extension) =>
        Path.Combine(Path.GetTempPath(), $"ampsim-test-{Guid.NewGuid():N}{extension}");
}
