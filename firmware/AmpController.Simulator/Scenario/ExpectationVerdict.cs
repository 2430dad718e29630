using System.Collections.Generic;
using System.Globalization;

namespace AmpController.Simulator.Scenario;

/// <summary>The result of checking all expectations of a run.</summary>
public sealed record ExpectationVerdict(int Checked, IReadOnlyList<string> Failures)
{
    /// <summary>The verdict of the checks made while the run went (<see cref="RunRecord.Add"/>).</summary>
    public static ExpectationVerdict Check(RunRecord record) => record.Verdict();

    public bool Passed => Failures.Count == 0;

    public string Summary(RunRecord record)
    {
        string max = record.MaxSplDbA is double spl ? spl.ToString("0.0", CultureInfo.InvariantCulture) + " dBA" : "silent";
        return $"{record.Scenario.Name}: {record.Scenario.DurationMs} ms simulated, {record.SampleCount} trace lines, " +
               $"max level {max}; {Checked - Failures.Count} of {Checked} expectations met";
    }
}
