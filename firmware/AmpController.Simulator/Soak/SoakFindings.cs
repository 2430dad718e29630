using System;
using System.Collections.Generic;

namespace AmpController.Simulator.Soak;

/// <summary>A swap the load watch missed or cut after <see cref="SwapJudge.OverLimitBoundMs"/>: the seed and time that replay it.</summary>
public sealed record MissedSwap(int Seed, long TMs);

/// <summary>
/// What the soak's BoardChecker measured beside the broken rules (issue 19): loads swapped behind an adapter
/// (<see cref="SwapJudge"/>: how many, how many put the ear above the limit before the relay opened, how long and how
/// far, and the ones the watch missed, each with its seed) and ticks in which a confirmed profile of another, less
/// sensitive headphone was in force (<see cref="ProfileJudge"/>, S12's residual). Findings, never filtered: the soak
/// prints them and gives them in --json (docs/design.md §7).
/// </summary>
public sealed class SoakFindings
{
    /// <summary>Missed swaps listed with their seed (the count goes on beyond).</summary>
    public const int MissedListed = 20;

    public int Swaps { get; private set; }
    public int DangerousSwaps { get; private set; }
    public int MissedSwaps { get; private set; }
    public List<MissedSwap> Missed { get; } = new();
    public long WorstSwapOverLimitMs { get; private set; }
    public double WorstSwapOverLimitDb { get; private set; }
    public long WrongProfileTicks { get; private set; }
    public double WrongProfileWorstOverLimitDb { get; private set; }

    /// <summary>Adds one board's figures; <paramref name="offsetMs"/>: the seed's time before this board.</summary>
    public void Add(int seed, long offsetMs, BoardChecker checker)
    {
        var swaps = checker.Swaps;
        Swaps += swaps.Swaps;
        DangerousSwaps += swaps.DangerousSwaps;
        MissedSwaps += swaps.Missed;
        if (swaps.FirstMissedAtMs >= 0 && Missed.Count < MissedListed) Missed.Add(new MissedSwap(seed, offsetMs + swaps.FirstMissedAtMs));
        WorstSwapOverLimitMs = Math.Max(WorstSwapOverLimitMs, swaps.WorstOverLimitMs);
        WorstSwapOverLimitDb = Math.Max(WorstSwapOverLimitDb, swaps.WorstOverLimitDb);
        WrongProfileTicks += checker.Profiles.WrongConfirmedTicks;
        WrongProfileWorstOverLimitDb = Math.Max(WrongProfileWorstOverLimitDb, checker.Profiles.WorstOverLimitDb);
    }

    /// <summary>Adds another seed's findings (the run's total).</summary>
    public void Add(SoakFindings other)
    {
        Swaps += other.Swaps;
        DangerousSwaps += other.DangerousSwaps;
        MissedSwaps += other.MissedSwaps;
        foreach (var m in other.Missed) if (Missed.Count < MissedListed) Missed.Add(m);
        WorstSwapOverLimitMs = Math.Max(WorstSwapOverLimitMs, other.WorstSwapOverLimitMs);
        WorstSwapOverLimitDb = Math.Max(WorstSwapOverLimitDb, other.WorstSwapOverLimitDb);
        WrongProfileTicks += other.WrongProfileTicks;
        WrongProfileWorstOverLimitDb = Math.Max(WrongProfileWorstOverLimitDb, other.WrongProfileWorstOverLimitDb);
    }
}
