using System;
using System.Linq;
using AmpController.Core.LoadWatch;
using AmpController.Simulator.Board;
using AmpController.Simulator.Data;
using AmpController.Tests.Acoustics;
using CsCheck;

namespace AmpController.Tests.LoadWatch;

/// <summary>
/// A headphone of data/headphones.csv as the load watch sees it: its DC resistance and its |Z| across the programme's band
/// as multiples of the DC resistance (HeadphoneLoad.ZMinPerDc / ZMaxPerDc).
/// </summary>
public sealed record Phone(int Row, double Dc, double ZMin, double ZMax)
{
    public static readonly HeadphoneRow[] Rows = HeadphonesCsv.Rows.Where(r => !r.IsElectrostatic).ToArray();

    public HeadphoneRow Model => Rows[Row];
    public double DcOhm => Model.NominalOhm * Dc;
    public double LowOhm => DcOhm * ZMin;
    public double HighOhm => DcOhm * ZMax;

    public HeadphoneLoad Load => new(DcOhm, DcOhm, Model.DbPerV, ZMinPerDc: ZMin, ZMaxPerDc: ZMax);

    public override string ToString() => $"{Model.Model} dc {DcOhm:F1} Ω |Z| {ZMin:F2}–{ZMax:F2}";

    /// <summary>
    /// DC resistance and impedance swing by headphone type (docs/design.md §5: DC reads 0.85–1.0× nominal for dynamic
    /// drivers, about 1.0× for planars; balanced-armature and multi-driver IEMs vary with frequency and a multi-driver
    /// IEM's DC path can show only one branch). The swing is the |Z| the peak detectors see over music, between the
    /// band's minimum and the bass resonance: dynamic full-size up to 2× (the 1.97× headphone of the first load-watch
    /// run), dynamic IEMs up to 1.4×, planars flat within 10 %, balanced armatures 0.7–2×, hybrids 0.5–2×; all inside
    /// the scenario contract's 0.3–1 and 1–4 (docs/design.md §7).
    /// </summary>
    public static Gen<Phone> Of(int row) => Rows[row].Kind switch
    {
        "planar" => Make(row, Gen.Double[0.97, 1.0], Gen.Double[0.97, 1.0], Gen.Double[1.0, 1.1]),
        "dynamic_iem" => Make(row, Gen.Double[0.85, 1.0], Gen.Double[0.9, 1.0], Gen.Double[1.0, 1.4]),
        "ba_iem" => Make(row, Gen.Double[0.85, 1.0], Gen.Double[0.7, 1.0], Gen.Double[1.0, 2.0]),
        "hybrid_iem" => Make(row, Gen.Double[0.85, 1.0], Gen.Double[0.5, 1.0], Gen.Double[1.0, 2.0]),
        _ => Make(row, Gen.Double[0.85, 1.0], Gen.Double[0.9, 1.0], Gen.Double[1.0, 2.0]),
    };

    static Gen<Phone> Make(int row, Gen<double> dc, Gen<double> lo, Gen<double> hi) =>
        Gen.Select(dc, lo, hi).Select((d, l, h) => new Phone(row, d, l, h));

    public static readonly Gen<Phone> Any = Gen.Int[0, Rows.Length - 1].SelectMany(Of);

    /// <summary>The models a dangerous swap goes to: the sensitive ones (≥ 115 dB/V, mostly IEMs).</summary>
    public static readonly int[] Sensitive = Enumerable.Range(0, Rows.Length).Where(i => Rows[i].DbPerV >= 115).ToArray();

    public static readonly Gen<Phone> AnySensitive = Gen.OneOf(Sensitive.Select(i => Gen.Const(i)).ToArray()).SelectMany(Of);
}

/// <summary>What the new load is.</summary>
public enum SwapTo { Headphone, Open, Short, Same }

/// <summary>
/// One swap behind an adapter (issue 19 item 3): the first headphone plays (its profile confirmed by the long press in
/// three cases of four), the encoder turns, then the old plug comes out and after an open gap of
/// <see cref="GapTicks"/> × 10 ms (0: the worst case, no gap) the new load goes in, with the jack switch closed
/// throughout. During the gap the music plays or pauses (<see cref="GapSilent"/>: silent from
/// <see cref="PauseBefore"/> ticks before the old plug comes out to <see cref="PauseAfter"/> ticks after the new one is
/// in); independently a silence of <see cref="SilenceTicks"/> starts <see cref="SilenceStart"/> ticks after the new load
/// goes in (negative: before).
/// </summary>
public sealed record SwapCase(int BoardSeed, Phone First, bool Confirm, int Detents, int LimitDbA, int SwapAfterTicks,
    SwapTo To, Phone? Second, int GapTicks, bool GapSilent, int PauseBefore, int PauseAfter, int SilenceStart, int SilenceTicks)
{
    public const int AfterTicks = 300;

    public HeadphoneLoad NewLoad => To switch
    {
        SwapTo.Open => Open,
        SwapTo.Short => new HeadphoneLoad(0.2, 0.2, double.NaN),
        _ => Second!.Load,
    };

    /// <summary>An open output: nothing in the adapter (docs/scenarios.md: 1e5 Ω and above is open).</summary>
    public static readonly HeadphoneLoad Open = new(1e7, 1e7, double.NaN);

    /// <summary>
    /// The watch's accuracy on a step, as a factor on |Z|: the ADC's gain error (±11 %) scales a step read in decades,
    /// its INL (±12 LSB) and the holds' mismatch (4 %) add to it (hardware/README.md "Load watch"); about ±10 % at the
    /// 30 % threshold. A load within it of the band's edge may or may not be seen.
    /// </summary>
    public const double Accuracy = 1.1;

    /// <summary>
    /// Whether the new load's |Z| range lies wholly beyond issue 19's 30 % of the old one's, by the watch's accuracy
    /// (or it is open or a short): then the watch must see it.
    /// </summary>
    public bool BeyondWindow => To switch
    {
        SwapTo.Open or SwapTo.Short => true,
        SwapTo.Same => false,
        _ => Second!.HighOhm * Accuracy < LoadWatchDesign.LowerRatio * First.LowOhm ||
             Second.LowOhm > LoadWatchDesign.HigherRatio * First.HighOhm * Accuracy,
    };

    /// <summary>A headphone (or the same one) whose |Z| range reaches into ±30 % of the old one's, the accuracy left out.</summary>
    public bool InsideWindow => (To == SwapTo.Headphone || To == SwapTo.Same) &&
        !(Second!.HighOhm < LoadWatchDesign.LowerRatio * First.LowOhm || Second.LowOhm > LoadWatchDesign.HigherRatio * First.HighOhm);

    /// <summary>
    /// Whether the watch must see the new load: beyond the ±30 % window, or while an S12 profile is confirmed beyond the
    /// ±10 % band around the old load's |Z| range (LoadWatchDesign.ConfirmedLowerRatio/HigherRatio), by the accuracy.
    /// </summary>
    public bool BeyondBand(bool profileConfirmed) => BeyondWindow || profileConfirmed && To == SwapTo.Headphone &&
        (Second!.HighOhm * Accuracy < LoadWatchDesign.ConfirmedLowerRatio * First.LowOhm ||
         Second.LowOhm > LoadWatchDesign.ConfirmedHigherRatio * First.HighOhm * Accuracy);

    /// <summary>Programme silent at tick <paramref name="s"/> counted from the moment the old plug comes out.</summary>
    public bool SilentAt(int s) =>
        (GapSilent && s >= -PauseBefore && s < GapTicks + PauseAfter) ||
        (s - GapTicks >= SilenceStart && s - GapTicks < SilenceStart + SilenceTicks);

    public override string ToString() =>
        $"board {BoardSeed}, limit {LimitDbA} dBA: {First}{(Confirm ? " (profile confirmed)" : "")}, +{Detents}, " +
        $"swap after {SwapAfterTicks} ticks to {To} {Second}, gap {GapTicks * 10} ms{(GapSilent ? $" paused {PauseBefore}/{PauseAfter} ticks" : " with music")}, " +
        $"silence {SilenceStart}+{SilenceTicks} ticks";

    static readonly Gen<Phone> SecondGen = Gen.Frequency((1, Phone.Any), (1, Phone.AnySensitive));

    static readonly Gen<SwapTo> ToGen = Gen.Frequency((6, Gen.Const(SwapTo.Headphone)), (1, Gen.Const(SwapTo.Open)),
        (1, Gen.Const(SwapTo.Short)), (2, Gen.Const(SwapTo.Same)));

    /// <summary>Open gaps: a quarter with none (0 ms, the worst case), the rest log-uniform 10 ms – 3 s.</summary>
    static readonly Gen<int> GapGen = Gen.Frequency((1, Gen.Const(0)),
        (3, Gen.Double[0, Math.Log(300)].Select(x => (int)Math.Round(Math.Exp(x)))));

    /// <summary>The limit: mostly the default 85 dBA, a quarter anywhere in the settings' 60–100 dBA.</summary>
    static readonly Gen<int> LimitGen = Gen.Frequency((3, Gen.Const(85)), (1, Gen.Int[60, 100]));

    // Three cases in four confirm a profile (S12): the cap is then the headphone's own, the level high, and a swap to
    // a sensitive load dangerous; without it the worst-case cap keeps most swaps below the limit.
    public static readonly Gen<SwapCase> Cases =
        Gen.Select(Gen.Int[1, 1_000_000], Phone.Any, Gen.Int[0, 3].Select(n => n > 0), Gen.Int[0, 60], LimitGen,
                Gen.Int[0, 300])
            .SelectMany((seed, first, confirm, detents, limit, swapAfter) =>
                Gen.Select(ToGen, SecondGen, GapGen, Gen.Int[0, 2].Select(n => n == 0), Gen.Int[0, 100], Gen.Int[0, 100])
                    .SelectMany((to, second, gap, gapSilent, before, after) =>
                        Gen.Select(Gen.Int[-50, 250], Gen.Int[0, 150]).Select((silenceStart, silenceTicks) =>
                            new SwapCase(seed, first, confirm, detents, limit, swapAfter, to,
                                to == SwapTo.Headphone ? second : to == SwapTo.Same ? first with { Dc = first.Dc * 1.01 } : null,
                                gap, gapSilent, before, after, silenceStart, silenceTicks))));
}
