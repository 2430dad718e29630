using System;
using System.Collections.Generic;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Soak;

/// <summary>
/// One seed's life in a soak: its stream of operations (<see cref="SoakGenerator"/>) played on a board checked after
/// every tick (<see cref="BoardChecker"/>). After a violation the seed goes on with a fresh board on the same stream,
/// so each of its violations replays from the seed. Keeps only counters: nothing grows with the simulated time.
/// </summary>
internal sealed class SoakSeed
{
    private readonly SoakGenerator _generator;
    private readonly Func<BoardConfig, SimulatedBoard> _createBoard;
    private BoardChecker _checker;
    private long _earlierBoardsMs; // simulated time of the seed's boards before the current one

    public SoakSeed(int seed, Func<BoardConfig, SimulatedBoard> createBoard)
    {
        Seed = seed;
        _generator = new SoakGenerator(seed);
        _createBoard = createBoard;
        _checker = new BoardChecker(createBoard(_generator.Config));
    }

    public int Seed { get; }
    public VolumeChipChoice Chip => _generator.Config.VolumeChip;
    public long NowMs => _earlierBoardsMs + _checker.Board.NowMs;
    public List<SoakViolation> Violations { get; } = new();
    public long Ticks { get; private set; }
    public long PlayingTicks { get; private set; }
    public long Boots { get; private set; }
    public double HighestAboveLimitDb { get; private set; } = double.NegativeInfinity;
    /// <summary>Swaps and confirmed wrong profiles measured by the checker (findings, not broken rules).</summary>
    public SoakFindings Findings { get; } = new();
    public SortedDictionary<string, long> Writes { get; } = new(StringComparer.Ordinal);
    public SortedDictionary<string, long> Bytes { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Plays operations until the seed's time reaches <paramref name="untilMs"/> (an operation's pause may run past it,
    /// so where a run is split does not change the seed's life) or <paramref name="stop"/> says so; the last
    /// operation's pause ends at <paramref name="endMs"/>, where the faults stop and music must come back.
    /// </summary>
    public void Advance(long untilMs, long endMs, Func<bool> stop)
    {
        while (NowMs < untilMs && !stop())
        {
            try
            {
                _checker.Play(Clipped(_generator.Next(), endMs - NowMs));
                if (NowMs >= endMs) _checker.StopFaultsAndCheckLiveness();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A broken rule, or the controller or the board threw (a crash is a violation too, never skipped).
                Violations.Add(e is SafetyViolation sv
                    ? new SoakViolation(Seed, sv.Rule, _earlierBoardsMs + sv.TMs, sv.Message)
                    : new SoakViolation(Seed, "crash", NowMs, e.ToString()));
                // A board that broke a rule at its first tick must still move time on, or the seed would never end.
                long boardMs = Math.Max(_checker.Board.NowMs, Core.Control.ControllerTiming.TickMs);
                Collect();
                _earlierBoardsMs += boardMs;
                _checker = new BoardChecker(_createBoard(_generator.Config));
            }
        }
    }

    /// <summary>Adds the current board's counters into the seed's (once, when the board is done).</summary>
    public void Collect()
    {
        Ticks += _checker.Ticks;
        PlayingTicks += _checker.PlayingTicks;
        Boots += _checker.Board.Boots;
        HighestAboveLimitDb = Math.Max(HighestAboveLimitDb, _checker.HighestAboveLimitDb);
        Findings.Add(Seed, _earlierBoardsMs, _checker);
        foreach (var (name, n) in _checker.Board.Flash.WritesByName) Writes[name] = Writes.GetValueOrDefault(name) + n;
        foreach (var (name, n) in _checker.Board.Flash.BytesByName) Bytes[name] = Bytes.GetValueOrDefault(name) + n;
    }

    /// <summary>Ticks checked so far, the current board's included.</summary>
    public long TicksSoFar => Ticks + _checker.Ticks;

    /// <summary>The last operation's pause ends at the end of the soak.</summary>
    private static BoardOp Clipped(BoardOp op, long msLeft)
    {
        int ticksLeft = (int)Math.Max(0, Math.Min(int.MaxValue, msLeft / Core.Control.ControllerTiming.TickMs));
        return op.DelayTicks <= ticksLeft ? op : op with { DelayTicks = ticksLeft };
    }
}
