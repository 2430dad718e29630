using System;
using System.Collections.Generic;
using System.Linq;
using AmpController.Core.Acoustics;
using AmpController.Simulator.Board;
using AmpController.Tests.Acoustics;
using CsCheck;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
using AmpController.Core.Storage;
using AmpController.Simulator.Data;
using AmpController.Simulator.Soak;
using K = AmpController.Simulator.Board.BoardFaultKind;
using D = AmpController.Simulator.Board.FaultDevice;

namespace AmpController.Tests.Control;

/// <summary>A generated case: volume chip, user settings, stored profiles (true data of some CSV models) and the operations.</summary>
public sealed record BoardScript(VolumeChipChoice Chip, int LimitDbA, int SafeDefaultDbA, ProfileSpec[] Profiles, BoardOp[] Ops)
{
    public BoardConfig Config => new(Seed: 5, VolumeChip: Chip, LimitDbA: LimitDbA, SafeDefaultDbA: SafeDefaultDbA,
        Profiles: Profiles.Length == 0 ? null : Profiles);

    public override string ToString() =>
        $"{Chip}, limit {LimitDbA}, safe {SafeDefaultDbA}, profiles [{string.Join(", ", Profiles.Select(p => p.Name))}]: " +
        string.Join("; ", Ops.Select(o => o.ToString()));
}

/// <summary>CsCheck generators for property runs on the simulated board.</summary>
public static class BoardGen
{
    /// <summary>Headphones from data/headphones.csv (their true sensitivity), electrostatics excluded (no amp drives them).</summary>
    private static readonly HeadphoneRow[] Rows = HeadphonesCsv.Rows.Where(r => !r.IsElectrostatic).ToArray();

    /// <summary>DC resistance reads 0.85–1.0× nominal (docs/design.md §5); channels match within 2 %.</summary>
    public static readonly Gen<HeadphoneLoad> Headphone =
        Gen.Select(Gen.Int[0, Rows.Length - 1], Gen.Double[0.85, 1.0], Gen.Double[0.98, 1.02])
            .Select((i, dc, match) => new HeadphoneLoad(Rows[i].NominalOhm * dc, Rows[i].NominalOhm * dc * match, Rows[i].DbPerV));

    public static readonly Gen<(HeadphoneLoad, string)> Load = Gen.Frequency(
        (6, Headphone.Select(h => (h, "headphone"))),
        (2, Headphone.Select(h => (h with { RightOhm = 0.3 }, "mono"))),
        (1, Gen.Double[5_000, 47_000].Select(o => (new HeadphoneLoad(o, o, double.NaN), "line"))),
        (1, Gen.Double[0.05, 1.5].Select(o => (new HeadphoneLoad(o, o, double.NaN), "short"))),
        (1, Gen.Const((new HeadphoneLoad(1e7, 1e7, double.NaN), "open"))));

    private static readonly K[] BusKinds = { K.Nack, K.StuckBus, K.PartialTransfer, K.BitFlip, K.ChipReset, K.PowerCycle };

    private static Gen<FaultSpec> Fault(VolumeChipChoice chip) => Gen.Frequency(
        (8, Gen.Select(Gen.OneOf(BusKinds), Gen.OneOf(D.Volume, D.Expander), Gen.Int[1, 30], Gen.Int[0, 400])
            .Select((kind, device, count, ms) => new FaultSpec(kind, device, count, ms))),
        (1, Gen.Int[1, 5].Select(n => new FaultSpec(K.AdcSpike, D.Sense, n))),
        (1, Gen.Int[10, 500].Select(ms => new FaultSpec(K.PowerCycle, D.Board, 1, ms))),
        (1, Gen.OneOf(0, 300, 1500).Select(ms => new FaultSpec(K.Stall, D.Board, 1, ms))));

    private static Gen<BoardOp> Op(VolumeChipChoice chip)
    {
        var delay = Gen.Int[0, 120];
        return Gen.Frequency(
            (4, Gen.Select(delay, Load, Gen.Bool).Select((d, l, half) => (BoardOp)new InsertOp(d, l.Item1 with { HalfInserted = half && l.Item2 != "open" }, l.Item2))),
            (1, delay.Select(d => (BoardOp)new CompleteOp(d))),
            (2, delay.Select(d => (BoardOp)new RemoveOp(d))),
            (4, Gen.Select(delay, Gen.Int[-20, 20]).Select((d, n) => (BoardOp)new TurnOp(d, n))),
            (1, delay.Select(d => (BoardOp)new MuteOp(d))),
            (4, Gen.Select(delay, Fault(chip)).Select((d, f) => (BoardOp)new FaultOp(d, f))));
    }

    /// <summary>At most two stalls: three unexpected reboots in a row are safe mode by design (S8, tested apart).</summary>
    /// <summary>A stored profile with a model's true data, so the cap is exact and S4 is tested close to the limit.</summary>
    private static readonly Gen<ProfileSpec> Profile = Gen.Int[0, Rows.Length - 1].Select(i =>
        new ProfileSpec(Rows[i].Model, Rows[i].NominalOhm, Rows[i].DbPerV, SensitivityUnit.DbPerV));

    public static readonly Gen<BoardScript> Script =
        Gen.Select(Gen.OneOf(VolumeChipChoice.Ds1882, VolumeChipChoice.Pt2258), Gen.Int[80, 100], Gen.Int[60, 80], Profile.Array[0, 8])
            .SelectMany((chip, limit, safe, profiles) => Op(chip).Array[3, 20]
                .Select(ops => new BoardScript(chip, limit, Math.Min(safe, limit), profiles, ops)))
            .Where(s => s.Ops.Count(o => o is FaultOp { Fault.Kind: K.Stall }) <= 2)
            .Where(ProfilesDescribeWhatIsPlugged);

    /// <summary>
    /// The precondition of a stored profile: it is the headphone that matches it. A different, more sensitive model of
    /// similar impedance would be taken for it (the controller can only measure impedance), so such cases are not
    /// generated; without profiles the worst case for the impedance applies and no precondition is needed.
    /// </summary>
    private static bool ProfilesDescribeWhatIsPlugged(BoardScript s)
    {
        foreach (var op in s.Ops)
        {
            if (op is not InsertOp { What: "headphone" or "mono" } ins) continue;
            foreach (var p in s.Profiles)
            {
                var profile = new HeadphoneProfile(p.Name, p.ImpedanceOhm, p.Sensitivity, SensitivityUnit.DbPerV);
                bool matches = MayMatch(profile, ins.Load.LeftOhm) && (ins.What == "mono" || MayMatch(profile, ins.Load.RightOhm));
                if (matches && profile.DbPerV < ins.Load.SensitivityDbPerV - 1e-6) return false;
            }
        }
        return true;
    }

    /// <summary>Whether a reading of this load may match the profile, allowing for the sense circuit's error (±3 %).</summary>
    private static bool MayMatch(HeadphoneProfile p, double ohm) =>
        p.Matches(ohm * 0.97) || p.Matches(ohm) || p.Matches(ohm * 1.03);
}
