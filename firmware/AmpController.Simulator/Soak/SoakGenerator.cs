using System;
using System.Collections.Generic;
using System.Linq;
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using AmpController.Simulator.Data;
using K = AmpController.Simulator.Board.BoardFaultKind;
using D = AmpController.Simulator.Board.FaultDevice;

namespace AmpController.Simulator.Soak;

/// <summary>
/// The endless random life of one soak seed (issue 18 item 4): the board (volume chip variant by seed: DS1882 on odd
/// seeds, PT2258 on even), the user's settings and stored profiles, then operations for as long as asked — plugs of
/// the real headphones of data/headphones.csv and of strange loads (short, open, mono, line input, half-inserted,
/// swapped behind an adapter without a jack event), encoder spins, short and long presses, every fault kind the
/// simulator knows on both chips, whole-board power cuts, stalled loops, and `safemode off` typed on the console
/// after a crash loop. Everything is drawn from one System.Random seeded by the seed, so a seed replays exactly.
/// Nothing is left out because it fails.
/// </summary>
public sealed class SoakGenerator
{
    /// <summary>Headphones an amplifier drives (electrostatics excluded: they need their own energiser).</summary>
    static readonly HeadphoneRow[] Rows = HeadphoneTable.Embedded.Where(r => !r.IsElectrostatic).ToArray();

    static readonly K[] BusKinds = { K.Nack, K.StuckBus, K.PartialTransfer, K.BitFlip, K.ChipReset, K.PowerCycle };

    readonly Random _random;
    readonly ProfileSpec[] _profiles;

    public SoakGenerator(int seed)
    {
        _random = new Random(seed);
        var chip = seed % 2 == 0 ? VolumeChipChoice.Pt2258 : VolumeChipChoice.Ds1882;
        int limit = _random.Next(80, 101);
        int safe = Math.Min(_random.Next(60, 81), limit);
        _profiles = Enumerable.Range(0, _random.Next(0, 9))
            .Select(_ => Rows[_random.Next(Rows.Length)])
            .DistinctBy(r => ProfileSpec.StorableName(r.Model))
            .Select(r => new ProfileSpec(ProfileSpec.StorableName(r.Model), r.NominalOhm, r.DbPerV, SensitivityUnit.DbPerV))
            .ToArray();
        Config = new BoardConfig(seed, chip, limit, safe, _profiles.Length == 0 ? null : _profiles);
    }

    public BoardConfig Config { get; }

    /// <summary>
    /// The next operation, after a random pause of 0–1.2 s (a few per second of simulated time). Mostly listening and
    /// turning (most operations are encoder spins, so levels reach the cap between disturbances), one in ten a fault
    /// (about one every 6 s, a reboot about every minute — far more than a real amplifier sees): denser faults keep
    /// the board recovering at its safe level, where S4 is never put to the test.
    /// </summary>
    public BoardOp Next()
    {
        int delay = _random.Next(0, 121);
        int pick = _random.Next(200);
        return pick switch
        {
            < 14 => Insert(delay),
            < 18 => new CompleteOp(delay),
            < 26 => new RemoveOp(delay),
            < 32 => Swap(delay),
            < 156 => new TurnOp(delay, _random.Next(-20, 21)),
            < 168 => new MuteOp(delay),
            < 178 => new PressOp(delay, _random.Next(0, 3) == 0 ? _random.Next(1500, 4001) : _random.Next(1, 1500)),
            < 198 => new FaultOp(delay, Fault()),
            _ => new LeaveSafeModeOp(delay),
        };
    }

    BoardOp Insert(int delay)
    {
        var (load, what) = Load();
        bool half = what != "open" && _random.Next(4) == 0;
        return new InsertOp(delay, load with { HalfInserted = half }, what);
    }

    BoardOp Swap(int delay)
    {
        var (load, what) = Load();
        return new SwapOp(delay, load, what);
    }

    (HeadphoneLoad, string) Load()
    {
        int pick = _random.Next(11);
        if (pick < 8)
        {
            var h = Headphone();
            return pick < 6 ? (h, "headphone") : (h with { RightOhm = 0.3 }, "mono");
        }
        if (pick == 8) { double o = 5_000 + 42_000 * _random.NextDouble(); return (new HeadphoneLoad(o, o, double.NaN), "line"); }
        if (pick == 9) { double o = 0.05 + 1.45 * _random.NextDouble(); return (new HeadphoneLoad(o, o, double.NaN), "short"); }
        return (new HeadphoneLoad(1e7, 1e7, double.NaN), "open");
    }

    /// <summary>
    /// A real headphone, DC resistance 0.85–1.0× nominal (docs/design.md §5), channels within 2 %. A stored profile is
    /// the precondition of S12's confirmation — the listener confirms the profile of the headphone in the jack — so a
    /// model a stored, less sensitive profile would be taken for is plugged as that profile's own model instead.
    /// </summary>
    HeadphoneLoad Headphone()
    {
        var row = Rows[_random.Next(Rows.Length)];
        for (bool replaced = true; replaced;)
        {
            replaced = false;
            foreach (var p in _profiles)
            {
                if (!MayMatch(p, row) || p.Sensitivity >= row.DbPerV - 1e-6) continue;
                row = Rows.First(r => ProfileSpec.StorableName(r.Model) == p.Name); // strictly less sensitive each time: this ends
                replaced = true;
            }
        }
        double dc = 0.85 + 0.15 * _random.NextDouble();
        double match = 0.98 + 0.04 * _random.NextDouble();
        return new HeadphoneLoad(row.NominalOhm * dc, row.NominalOhm * dc * match, row.DbPerV);
    }

    /// <summary>
    /// Whether a reading of this model may match the profile: DC 0.85–1.0× nominal, the sense circuit's ±3 %, and the
    /// profile's ±5 % window (HeadphoneProfile.Matches), with a little margin.
    /// </summary>
    static bool MayMatch(ProfileSpec p, HeadphoneRow row) =>
        p.ImpedanceOhm * 0.94 <= row.NominalOhm * 1.03 && p.ImpedanceOhm * 1.06 >= row.NominalOhm * 0.85 * 0.97;

    FaultSpec Fault()
    {
        int pick = _random.Next(11);
        if (pick < 8)
            return new FaultSpec(BusKinds[_random.Next(BusKinds.Length)], _random.Next(2) == 0 ? D.Volume : D.Expander,
                _random.Next(1, 31), _random.Next(0, 401));
        if (pick == 8) return new FaultSpec(K.AdcSpike, D.Sense, _random.Next(1, 6));
        if (pick == 9) return new FaultSpec(K.PowerCycle, D.Board, 1, _random.Next(10, 501));
        int[] stalls = { 0, 300, 1500 };
        return new FaultSpec(K.Stall, D.Board, 1, stalls[_random.Next(stalls.Length)]);
    }
}
