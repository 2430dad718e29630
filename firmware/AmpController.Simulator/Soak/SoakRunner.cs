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
    /// <summary>Simulated days of all seeds together.</summary>
    public double SimulatedDays => SimulatedHours * Seeds / 24.0;

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
/// every tick on the simulated chips' real state. A violation is counted and the seed's life goes on with a fresh
/// board (its state after a violation proves nothing) on the same stream of operations, so every violation of a seed
/// replays from that seed, and one finding does not hide the rest of the run. Memory stays bounded: nothing is kept
/// per tick (the checker keeps the last few operations for its message).
/// </summary>
public static class SoakRunner
{
    public const long MsPerHour = 3_600_000;

    /// <param name="createBoard">The board under test (a test passes a deliberately broken one).</param>
    /// <param name="progress">One line per finished seed (stderr of `ampsim soak`).</param>
    public static SoakResult Run(double hours, int seeds, int firstSeed = 1, Func<BoardConfig, SimulatedBoard>? createBoard = null,
        Action<string>? progress = null)
    {
        createBoard ??= config => new SimulatedBoard(config);
        var watch = Stopwatch.StartNew();
        long ticks = 0, playing = 0, boots = 0;
        int violations = 0, failedSeeds = 0;
        double highest = double.NegativeInfinity;
        SoakViolation? first = null;
        var writes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var byRule = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bytes = new SortedDictionary<string, long>(StringComparer.Ordinal);
        long endMs = (long)Math.Round(hours * MsPerHour);
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++)
        {
            var generator = new SoakGenerator(seed);
            long doneMs = 0; // simulated time of the seed's earlier boards (after a violation)
            int seedViolations = 0;
            while (doneMs < endMs)
            {
                var checker = new BoardChecker(createBoard(generator.Config));
                try
                {
                    while (doneMs + checker.Board.NowMs < endMs)
                        checker.Play(Clipped(generator.Next(), endMs - doneMs - checker.Board.NowMs));
                    checker.StopFaultsAndCheckLiveness();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    // A broken rule, or the controller or the board threw (a crash is a violation too, never skipped).
                    var v = e is SafetyViolation sv
                        ? new SoakViolation(seed, sv.Rule, doneMs + sv.TMs, sv.Message)
                        : new SoakViolation(seed, "crash", doneMs + checker.Board.NowMs, e.ToString());
                    violations++;
                    seedViolations++;
                    byRule[v.Rule] = byRule.GetValueOrDefault(v.Rule) + 1;
                    first ??= v;
                }
                // A board that broke a rule at its first tick must still move time on, or the seed would never end.
                doneMs += Math.Max(checker.Board.NowMs, Core.Control.ControllerTiming.TickMs);
                ticks += checker.Ticks;
                playing += checker.PlayingTicks;
                boots += checker.Board.Boots;
                highest = Math.Max(highest, checker.HighestAboveLimitDb);
                foreach (var (name, n) in checker.Board.Flash.WritesByName) writes[name] = writes.GetValueOrDefault(name) + n;
                foreach (var (name, n) in checker.Board.Flash.BytesByName) bytes[name] = bytes.GetValueOrDefault(name) + n;
            }
            if (seedViolations > 0) failedSeeds++;
            progress?.Invoke($"seed {seed} ({generator.Config.VolumeChip}): {seedViolations} violations; " +
                             $"{ticks:N0} ticks so far ({watch.Elapsed.TotalSeconds:F0} s)");
        }
        return new SoakResult(hours, seeds, ticks, violations, first, watch.Elapsed.TotalSeconds, writes, byRule, failedSeeds,
            playing, highest, boots, bytes);
    }

    /// <summary>The last operation's pause ends at the end of the soak.</summary>
    static BoardOp Clipped(BoardOp op, long msLeft)
    {
        int ticksLeft = (int)Math.Max(0, Math.Min(int.MaxValue, msLeft / Core.Control.ControllerTiming.TickMs));
        return op.DelayTicks <= ticksLeft ? op : op with { DelayTicks = ticksLeft };
    }
}
