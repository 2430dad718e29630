using System.Collections.Generic;
using System.Globalization;

namespace AmpController.Simulator.Scenario;

/// <summary>The result of checking all expectations of a run.</summary>
public sealed record ExpectationVerdict(int Checked, IReadOnlyList<string> Failures)
{
    public static ExpectationVerdict Check(RunRecord record)
    {
        var failures = new List<string>();
        foreach (var expectation in record.Scenario.Expect)
            if (expectation.Check(record) is string failure) failures.Add(failure);
        return new ExpectationVerdict(record.Scenario.Expect.Count, failures);
    }

    public bool Passed => Failures.Count == 0;

    public string Summary(RunRecord record)
    {
        string max = record.MaxSplDbA is double spl ? spl.ToString("0.0", CultureInfo.InvariantCulture) + " dBA" : "silent";
        return $"{record.Scenario.Name}: {record.Scenario.DurationMs} ms simulated, {record.Samples.Count} trace lines, " +
               $"max level {max}; {Checked - Failures.Count} of {Checked} expectations met";
    }
}
