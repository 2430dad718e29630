using System;
using System.Collections.Generic;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Scenario;

/// <summary>
/// What a scenario run produced. Every recorded sample (one per change of the real board state, at least every
/// 100 ms) goes through <see cref="Add"/>: the expectations are checked as it goes (<see cref="ExpectationChecker"/>)
/// and the loudest level is kept. The samples themselves are kept only when asked (tests, the demo, a plot): a
/// week-long run keeps nothing that grows with its length (issue 18 item 5).
/// </summary>
public sealed class RunRecord
{
    readonly ExpectationChecker[] _checkers;
    readonly bool _keepSamples;
    ExpectationVerdict? _verdict;

    public RunRecord(ScenarioSpec scenario, bool keepSamples = true, bool checkLive = true)
    {
        Scenario = scenario;
        _keepSamples = keepSamples;
        _checkers = checkLive ? Array.ConvertAll(ToArray(scenario.Expect), e => e.Start(scenario)) : [];
    }

    public ScenarioSpec Scenario { get; }

    /// <summary>The samples, when kept (empty otherwise).</summary>
    public List<BoardSnapshot> Samples { get; } = [];

    /// <summary>Samples recorded so far (kept or not): the trace's line count.</summary>
    public long SampleCount { get; private set; }

    public double? MaxSplDbA { get; private set; }

    public void Add(BoardSnapshot s)
    {
        if (_verdict is not null) throw new InvalidOperationException("the run's expectations were already checked");
        SampleCount++;
        if (s.SplDbA is double spl && (MaxSplDbA is null || spl > MaxSplDbA)) MaxSplDbA = spl;
        if (_keepSamples) Samples.Add(s);
        foreach (var checker in _checkers) checker.Observe(s);
    }

    /// <summary>Ends the checks (once) and says which expectations failed.</summary>
    public ExpectationVerdict Verdict()
    {
        if (_verdict is not null) return _verdict;
        var failures = new List<string>();
        foreach (var checker in _checkers)
            if (checker.Finish() is string failure) failures.Add(failure);
        return _verdict = new ExpectationVerdict(Scenario.Expect.Count, failures);
    }

    static Expectation[] ToArray(IReadOnlyList<Expectation> list)
    {
        var result = new Expectation[list.Count];
        for (int i = 0; i < result.Length; i++) result[i] = list[i];
        return result;
    }
}
