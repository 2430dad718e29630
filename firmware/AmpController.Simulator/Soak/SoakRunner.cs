using System;
using System.Collections.Generic;
using System.Diagnostics;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Soak;

/// <summary>The first broken rule of a soak: which seed replays it, the rule, when, and what the checker saw.</summary>
public sealed record SoakViolation(int Seed, string Rule, long TMs, string Message);

/// <summary>
/// What a soak did: simulated time, ticks checked, violations (all of them, by rule), the first one, flash writes per
/// file, and how much of the time music played and how close it came to the limit (so a quiet soak shows as such).
/// </summary>
public sealed record SoakResult(double SimulatedHours, int Seeds, long Ticks, int Violations, SoakViolation? FirstViolation,
    double WallSeconds, IReadOnlyDictionary<string, long> FlashWrites, IReadOnlyDictionary<string, int> ViolationsByRule,
    int SeedsWithViolations, long PlayingTicks, double HighestAboveLimitDb, long Boots, IReadOnlyDictionary<string, long> FlashBytes)
{
    /// <summary>Simulated hours of all seeds together (less than hours × seeds when the run was stopped early).</summary>
    public double SimulatedHoursDone { get; init; }

    /// <summary>Swaps behind an adapter and confirmed wrong profiles, as the checker measured them (issue 19).</summary>
    public SoakFindings Findings { get; init; } = new();

    /// <summary>Every violation, by seed then time (each replays from its seed: `--first-seed S --seeds 1`).</summary>
    public IReadOnlyList<SoakViolation> AllViolations { get; init; } = Array.Empty<SoakViolation>();

    /// <summary>Stopped before every seed had lived its hours (SIGINT, SIGTERM).</summary>
    public bool Interrupted { get; init; }

    /// <summary>Simulated days of all seeds together.</summary>
    public double SimulatedDays => SimulatedHoursDone / 24.0;

    /// <summary>Flash writes per simulated day of one board, one file.</summary>
    public double WritesPerDay(string file) => SimulatedDays <= 0 ? 0 : FlashWrites.GetValueOrDefault(file) / SimulatedDays;

    /// <summary>Each file's writes per simulated day of one board and mean record length (the wear model's input).</summary>
    public IEnumerable<FileUse> FileUses()
    {
        foreach (var (name, n) in FlashWrites)
            yield return new FileUse(name, WritesPerDay(name), n == 0 ? 0 : (double)FlashBytes.GetValueOrDefault(name) / n);
    }

    /// <summary>Flash writes per simulated day of one board (all files together).</summary>
    public double FlashWritesPerDay
    {
        get
        {
            long total = 0;
            foreach (var n in FlashWrites.Values) total += n;
            return SimulatedDays <= 0 ? 0 : total / SimulatedDays;
        }
    }
}

/// <summary>
/// `ampsim soak` (docs/design.md §7, issue 18 item 4): for each seed, a simulated board lives for the given hours under
/// <see cref="SoakGenerator"/>'s random use and faults, and <see cref="BoardChecker"/> checks every safety rule after
/// every tick on the simulated chips' real state (<see cref="SoakSeed"/>). The seeds advance together a simulated hour
/// at a time, so a run stopped early (SIGINT, SIGTERM) has covered every seed about equally and reports what it did. Memory
/// stays bounded: nothing is kept per tick.
/// </summary>
public static class SoakRunner
{
    public const long MsPerHour = 3_600_000;
    /// <summary>The seeds take turns a simulated hour at a time (a progress line after each round).</summary>
    public const long RoundMs = MsPerHour;

    /// <param name="createBoard">The board under test (a test passes a deliberately broken one).</param>
    /// <param name="progress">One line per round and per finished seed (stderr of `ampsim soak`).</param>
    /// <param name="stop">Stops the run early (checked between operations); the result says so.</param>
    public static SoakResult Run(double hours, int seeds, int firstSeed = 1, Func<BoardConfig, SimulatedBoard>? createBoard = null,
        Action<string>? progress = null, System.Threading.CancellationToken stop = default)
    {
        createBoard ??= config => new SimulatedBoard(config);
        var watch = Stopwatch.StartNew();
        long endMs = (long)Math.Round(hours * MsPerHour);
        var lives = new List<SoakSeed>();
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) lives.Add(new SoakSeed(seed, createBoard));
        Func<bool> stopped = () => stop.IsCancellationRequested;
        for (long until = Math.Min(RoundMs, endMs); !stopped(); until = Math.Min(until + RoundMs, endMs))
        {
            foreach (var life in lives) life.Advance(until, endMs, stopped);
            if (until >= endMs) break;
            long done = 0, ticks = 0, violations = 0;
            foreach (var life in lives) { done += life.NowMs; ticks += life.TicksSoFar; violations += life.Violations.Count; }
            progress?.Invoke($"{(double)done / MsPerHour:F0} simulated hours over {seeds} seeds, {ticks:N0} ticks, " +
                             $"{violations} violations ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        long ticksTotal = 0, playing = 0, boots = 0, doneMs = 0;
        int violationsTotal = 0, failedSeeds = 0;
        double highest = double.NegativeInfinity;
        SoakViolation? first = null;
        var all = new List<SoakViolation>();
        var writes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bytes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var findings = new SoakFindings();
        foreach (var life in lives)
        {
            life.Collect();
            findings.Add(life.Findings);
            doneMs += Math.Min(life.NowMs, endMs);
            ticksTotal += life.Ticks;
            playing += life.PlayingTicks;
            boots += life.Boots;
            highest = Math.Max(highest, life.HighestAboveLimitDb);
            foreach (var (name, n) in life.Writes) writes[name] = writes.GetValueOrDefault(name) + n;
            foreach (var (name, n) in life.Bytes) bytes[name] = bytes.GetValueOrDefault(name) + n;
            foreach (var v in life.Violations) byRule[v.Rule] = byRule.GetValueOrDefault(v.Rule) + 1;
            violationsTotal += life.Violations.Count;
            all.AddRange(life.Violations);
            if (life.Violations.Count > 0) failedSeeds++;
            first ??= life.Violations.Count > 0 ? life.Violations[0] : null;
            progress?.Invoke($"seed {life.Seed} ({life.Chip}): {(double)life.NowMs / MsPerHour:F1} simulated hours, " +
                             $"{life.Violations.Count} violations");
        }
        return new SoakResult(hours, seeds, ticksTotal, violationsTotal, first, watch.Elapsed.TotalSeconds, writes, byRule,
            failedSeeds, playing, highest, boots, bytes)
        { SimulatedHoursDone = (double)doneMs / MsPerHour, Interrupted = stop.IsCancellationRequested, Findings = findings, AllViolations = all };
    }
}
