using System;
using System.Collections.Generic;
using System.Linq;
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using AmpController.Simulator.Data;
using AmpController.Simulator.Soak;
using AmpController.Tests.Acoustics;
using CsCheck;
using K = AmpController.Simulator.Board.BoardFaultKind;
using D = AmpController.Simulator.Board.FaultDevice;

namespace AmpController.Tests.Control;

/// <summary>
/// A generated case: board seed (component tolerances, ADC, supervisor delay, programme), volume chip, user settings,
/// stored profiles and the operations. Profiles are of two kinds: true data of a CSV model, and profiles stored at
/// about the impedance of a load the case plugs in, with ANY sensitivity (so they match it or nearly, right or wrong).
/// </summary>
public sealed record BoardScript(int Seed, VolumeChipChoice Chip, int LimitDbA, int SafeDefaultDbA, ProfileSpec[] Profiles, BoardOp[] Ops,
    int AckLimitDbA = 100)
{
    public BoardConfig Config => new(Seed: Seed, VolumeChip: Chip, LimitDbA: LimitDbA, SafeDefaultDbA: SafeDefaultDbA,
        Profiles: Profiles.Length == 0 ? null : Profiles, AckLimitDbA: AckLimitDbA);

    public override string ToString() =>
        $"board seed {Seed}, {Chip}, limit {LimitDbA}, ack limit {AckLimitDbA}, safe {SafeDefaultDbA}, profiles [{string.Join(", ", Profiles.Select(p => $"{p.Name} {p.ImpedanceOhm:F1} ohm {p.Sensitivity:F1} {p.Unit}"))}]: " +
        string.Join("; ", Ops.Select(o => o.ToString()));
}

/// <summary>
/// CsCheck generators for property runs on the simulated board. Issue 19: nothing is filtered out — wrong profiles,
/// PT2258 resets and power cycles of any length, spike bursts of any length, swaps without a jack event, any number of
/// stalls, a new board seed per case; a case that fails is a finding.
/// </summary>
public static class BoardGen
{
    /// <summary>Headphones from data/headphones.csv (their true sensitivity), electrostatics excluded (no amp drives them).</summary>
    private static readonly HeadphoneRow[] Rows = HeadphonesCsv.Rows.Where(r => !r.IsElectrostatic).ToArray();

    /// <summary>DC resistance reads 0.85–1.0× nominal (docs/design.md §5); channels match within 2 %.</summary>
    public static readonly Gen<HeadphoneLoad> Headphone =
        Gen.Select(Gen.Int[0, Rows.Length - 1], Gen.Double[0.85, 1.0], Gen.Double[0.98, 1.02])
            .Select((i, dc, match) => new HeadphoneLoad(Rows[i].NominalOhm * dc, Rows[i].NominalOhm * dc * match, Rows[i].DbPerV));

    /// <summary>Channels 3–15 % apart (a damaged cable, a worn driver): near or past the ±5 % a profile match needs.</summary>
    private static readonly Gen<HeadphoneLoad> Unbalanced =
        Gen.Select(Headphone, Gen.Double[1.03, 1.15], Gen.Bool)
            .Select((h, ratio, left) => left ? h with { LeftOhm = h.RightOhm * ratio } : h with { RightOhm = h.LeftOhm * ratio });

    public static readonly Gen<(HeadphoneLoad, string)> Load = Gen.Frequency(
        (6, Headphone.Select(h => (h, "headphone"))),
        (1, Unbalanced.Select(h => (h, "headphone"))),
        (2, Headphone.Select(h => (h with { RightOhm = 0.3 }, "mono"))),
        (1, Gen.Double[5_000, 47_000].Select(o => (new HeadphoneLoad(o, o, double.NaN), "line"))),
        (1, Gen.Double[0.05, 1.5].Select(o => (new HeadphoneLoad(o, o, double.NaN), "short"))),
        (1, Gen.Const((new HeadphoneLoad(1e7, 1e7, double.NaN), "open"))));

    private static readonly K[] BusKinds = { K.Nack, K.StuckBus, K.PartialTransfer, K.BitFlip, K.ChipReset, K.PowerCycle };

    /// <summary>
    /// ADC spike bursts of any length: a few samples, part of a window, one or several whole readings (the estimator reads
    /// at most 16 samples a tick over 80 ms, docs/safety.md S7 sensing), up to far longer than a measurement.
    /// </summary>
    private static readonly Gen<int> SpikeBurst = Gen.Frequency((3, Gen.Int[1, 5]), (2, Gen.Int[6, 200]), (1, Gen.Int[200, 3000]));

    /// <summary>PT2258/DS1882 resets and power cycles of any length: shorter than one supervision period (50 ms), up to 400 ms.</summary>
    private static readonly Gen<FaultSpec> Fault = Gen.Frequency(
        (8, Gen.Select(Gen.OneOf(BusKinds), Gen.OneOf(D.Volume, D.Expander), Gen.Int[1, 30], Gen.Frequency((1, Gen.Int[0, 60]), (1, Gen.Int[0, 400])))
            .Select((kind, device, count, ms) => new FaultSpec(kind, device, count, ms))),
        (3, SpikeBurst.Select(n => new FaultSpec(K.AdcSpike, D.Sense, n))),
        (1, Gen.Int[10, 500].Select(ms => new FaultSpec(K.PowerCycle, D.Board, 1, ms))),
        (1, Gen.OneOf(0, 300, 1500).Select(ms => new FaultSpec(K.Stall, D.Board, 1, ms))));

    /// <summary>Short presses (mute), presses just either side of the 1500 ms long press, and long ones (S12).</summary>
    private static readonly Gen<int> Hold = Gen.Frequency((2, Gen.Int[30, 400]), (1, Gen.Int[1400, 1600]), (2, Gen.Int[1500, 3000]));

    /// <summary>Delays in ticks: often short, so faults and presses land during debounce, measuring, configuring and the ramp.</summary>
    private static readonly Gen<int> Delay = Gen.Frequency((2, Gen.Int[0, 12]), (3, Gen.Int[0, 120]));

    public static readonly Gen<BoardOp> Op = Gen.Frequency(
        (4, Gen.Select(Delay, Load, Gen.Bool).Select((d, l, half) => (BoardOp)new InsertOp(d, l.Item1 with { HalfInserted = half && l.Item2 != "open" }, l.Item2))),
        (1, Delay.Select(d => (BoardOp)new CompleteOp(d))),
        (2, Delay.Select(d => (BoardOp)new RemoveOp(d))),
        (1, Gen.Select(Delay, Load).Select((d, l) => (BoardOp)new SwapOp(d, l.Item1, l.Item2))),
        (4, Gen.Select(Delay, Gen.Int[-20, 40]).Select((d, n) => (BoardOp)new TurnOp(d, n))),
        (1, Delay.Select(d => (BoardOp)new MuteOp(d))),
        (3, Gen.Select(Gen.Int[0, 120], Hold).Select((d, ms) => (BoardOp)new PressOp(d, ms))),
        (4, Gen.Select(Delay, Fault).Select((d, f) => (BoardOp)new FaultOp(d, f))));

    /// <summary>A stored profile with a model's true data (nominal impedance, as makers state it).</summary>
    private static readonly Gen<ProfileSpec> CsvProfile = Gen.Int[0, Rows.Length - 1].Select(i =>
        new ProfileSpec(ProfileSpec.StorableName(Rows[i].Model), Rows[i].NominalOhm, Rows[i].DbPerV, SensitivityUnit.DbPerV));

    /// <summary>
    /// A profile stored for one of the case's loads at about the impedance the amplifier reads (±7 %: inside and just
    /// outside the ±5 % match), with any sensitivity from far less to far more sensitive than the truth: a matching
    /// profile on the right or the wrong headphone (issue 19 item 1).
    /// </summary>
    private static Gen<ProfileSpec> MatchingProfile(BoardOp[] ops)
    {
        var loads = ops.Select(o => o switch { InsertOp { What: "headphone" or "mono" } i => i.Load, SwapOp { What: "headphone" or "mono" } w => w.Load, _ => null })
            .Where(l => l != null).Select(l => l!).ToArray();
        if (loads.Length == 0) return CsvProfile;
        return Gen.Select(Gen.Int[0, loads.Length - 1], Gen.Double[0.93, 1.07], Gen.Double[70, 135], Gen.Bool)
            .Select((i, reading, sens, perMw) => new ProfileSpec($"P{i}-{sens:F1}", loads[i].LeftOhm * reading, sens,
                perMw ? SensitivityUnit.DbPerMw : SensitivityUnit.DbPerV));
    }

    public static readonly Gen<BoardScript> Script =
        Gen.Select(Gen.Int[1, int.MaxValue], Gen.OneOf(VolumeChipChoice.Ds1882, VolumeChipChoice.Pt2258), Gen.Int[80, 100], Gen.Int[60, 80])
            .SelectMany((seed, chip, limit, safe) => Op.Array[3, 20].SelectMany(ops =>
                Gen.Select(CsvProfile.Array[0, 4], MatchingProfile(ops).Array[0, 4])
                    .Select((csv, matching) => new BoardScript(seed, chip, limit, Math.Min(safe, limit),
                        Distinct(csv.Concat(matching)), ops))));

    /// <summary>
    /// Issue 19 item 1 in depth: a headphone with a stored profile near its measured impedance and ANY sensitivity (the
    /// right one, a less or a more sensitive one), the listener's long press once it plays, the knob turned up, then
    /// random use and faults. Every tick is judged as in <see cref="Script"/>.
    /// </summary>
    public static readonly Gen<BoardScript> ProfileScript =
        Gen.Select(Gen.Int[1, int.MaxValue], Gen.OneOf(VolumeChipChoice.Ds1882, VolumeChipChoice.Pt2258), Gen.Int[70, 100], Gen.Int[60, 80])
            .SelectMany((seed, chip, limit, safe) => Gen.Select(Headphone, Gen.Double[0.95, 1.05], Gen.Double[-30, 30], Gen.Bool)
                .SelectMany((load, reading, offsetDb, perMw) =>
                {
                    double ohm = load.LeftOhm * reading;
                    double sens = Storable(perMw ? load.SensitivityDbPerV - 10 * Math.Log10(1000 / load.LeftOhm) + offsetDb : load.SensitivityDbPerV + offsetDb, perMw, ohm);
                    var profile = new ProfileSpec("mine", ohm, sens, perMw ? SensitivityUnit.DbPerMw : SensitivityUnit.DbPerV);
                    return Gen.Select(Gen.Int[35, 80], Gen.Int[1500, 3000], Gen.Int[0, 80], Op.Array[0, 8])
                        .Select((wait, hold, turn, more) => new BoardScript(seed, chip, limit, Math.Min(safe, limit), new[] { profile },
                            new BoardOp[] { new InsertOp(0, load, "headphone"), new PressOp(wait, hold), new TurnOp(hold / 10 + 20, turn) }
                                .Concat(more).ToArray()));
                }));

    /// <summary>
    /// A sensitivity the device can store (StoredProfile.Validate: its unit's range, and the other unit's at the profile's
    /// impedance): the console refuses any other, so no board holds one (a 131.7 dB/V IEM + 30 dB was 161.7 dB/V).
    /// Kept 0.1 dB inside each edge so that rounding to tenths stays in.
    /// </summary>
    private static double Storable(double sens, bool perMw, double ohm)
    {
        double toPerV = 10 * Math.Log10(1000 / ohm); // dB/V = dB/mW + 10·log10(1000 / Z) (docs/design.md §5)
        double perMwValue = perMw ? sens : sens - toPerV;
        double low = Math.Max(StoredProfile.MinDbPerMwTenths / 10.0, StoredProfile.MinDbPerVTenths / 10.0 - toPerV) + 0.1;
        double high = Math.Min(StoredProfile.MaxDbPerMwTenths / 10.0, StoredProfile.MaxDbPerVTenths / 10.0 - toPerV) - 0.1;
        perMwValue = Math.Clamp(perMwValue, low, high);
        return perMw ? perMwValue : perMwValue + toPerV;
    }

    /// <summary>Profile names are unique on the device (Settings.TryAddProfile): the first of a name stays.</summary>
    private static ProfileSpec[] Distinct(IEnumerable<ProfileSpec> profiles) =>
        profiles.GroupBy(p => p.Name).Select(g => g.First()).ToArray();
}
