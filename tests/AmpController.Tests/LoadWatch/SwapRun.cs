using System;
using AmpController.Core.Acoustics;
using AmpController.Core.LoadWatch;
using AmpController.Simulator.Board;
using AmpController.Simulator.LoadWatch;

namespace AmpController.Tests.LoadWatch;

/// <summary>What one swap did, measured on the simulated hardware (relay pin, chip registers, the programme's envelope).</summary>
public sealed class SwapOutcome
{
    /// <summary>The relay was closed (music playing) when the old plug came out.</summary>
    public bool PlayingAtSwap;
    public long SwapAtMs;
    /// <summary>When the new load went in (the end of the open gap).</summary>
    public long NewAtMs;
    /// <summary>The relay was still closed when the new load went in (the gap was not seen).</summary>
    public bool ClosedAtNew;
    /// <summary>When the relay opened after the swap (−1: never).</summary>
    public long OpenedAtMs = -1;
    /// <summary>The relay opened during the open gap (the watch saw the open output).</summary>
    public bool GapSeen;
    /// <summary>Music at a level the watch needs to judge the open output played during the gap with the relay closed.</summary>
    public long GapRevealedMs;
    /// <summary>The detector sample at which the programme revealed the new load (<see cref="SwapReveal"/>; −1: never while
    /// the relay stayed closed).</summary>
    public long RevealAtMs = -1;
    /// <summary>The relay opened after the new load went in but before the programme revealed it (or within the reveal's
    /// window, which then cannot complete: nothing flows once the relay is open): the watch was faster than the reveal.</summary>
    public bool CutBeforeReveal;
    /// <summary>Loudest step at the ear (dBA: the programme level the chips and relay give that step, plus the music's
    /// level in it) with the new load before the reveal step, and over the whole run; −∞ when it never played.</summary>
    public double BeforeRevealDbA = double.NegativeInfinity;
    public double MaxDbA = double.NegativeInfinity;
    /// <summary>Time above the limit (at the ear and at the programme level): in all, before the reveal at steps whose
    /// programme did not reach the reveal's margin (a loud step alone, before a full window, is one the watch counts),
    /// and from the reveal on.</summary>
    public long OverLimitMs, OverLimitBeforeRevealMs, OverLimitFromRevealMs;
    /// <summary>The watch had an estimate of the old load when it was swapped (on either channel): from then on a step is a
    /// change. Without one (the music too quiet since the insertion) the first estimate is only checked against the
    /// insertion's DC reading, within LoadWatchDesign.InsertionWindow.</summary>
    public bool EstimatedAtSwap;
    /// <summary>The profile was confirmed when the old plug came out, and still when the run ended.</summary>
    public bool ConfirmedAtSwap, ConfirmedAtEnd;
    public int FalseAlarmsBefore;
    public int LoadChanges;

    public bool Dangerous => OverLimitMs > 0;
    public long SwapToOpenMs => OpenedAtMs < 0 ? -1 : OpenedAtMs - SwapAtMs;
    /// <summary>From the reveal sample to the relay opening (−1: no reveal, or it never opened).</summary>
    public long RevealToOpenMs => OpenedAtMs < 0 || RevealAtMs < 0 ? -1 : OpenedAtMs - RevealAtMs;
}

/// <summary>
/// "The programme reveals the swap" (issue 19 item 3), defined on the physical signal and independent of the firmware:
/// the first 10 ms detector sample after the new load is in that starts a full estimate window in which the programme peak at the output, on either channel, is
/// at least <see cref="Margin"/> times what the watch's rule for that change needs (LoadWatchDesign): a lower |Z| (or
/// a short) needs an output peak of MinPeakVolts and a load current of MinPeakAmps; a higher |Z| needs the old load, at
/// its highest |Z| × HigherRatio, to draw twice MinPeakAmps; an open output needs the old load to draw MinPeakAmps.
/// The margin is the spread of those absolute thresholds on an uncalibrated ESP32 ADC (LoadWatchDesign.MinPeakVolts:
/// up to about 2×); the sample is the tick's end, where the firmware reads the holds. It must hold for a full estimate
/// window (<see cref="WindowSamples"/> samples in a row: the watch confirms a change on two estimates); the reveal is
/// the window's first sample.
/// </summary>
public static class SwapReveal
{
    public const double Margin = 2.0;

    /// <summary>LoadWatchDesign.LowerConfirmCount and HigherConfirmCount (both 2).</summary>
    public const int WindowSamples = LoadWatchDesign.LowerConfirmCount > LoadWatchDesign.HigherConfirmCount
        ? LoadWatchDesign.LowerConfirmCount : LoadWatchDesign.HigherConfirmCount;

    public static bool Lower(double peakVolts, double peakAmps) =>
        peakVolts >= Margin * LoadWatchDesign.MinPeakVolts && peakAmps >= Margin * LoadWatchDesign.MinPeakAmps;

    public static bool Higher(double peakVolts, double oldHighOhm) =>
        peakVolts >= Margin * LoadWatchDesign.MinPeakVolts &&
        peakVolts / (oldHighOhm * LoadWatchDesign.HigherRatio) >= Margin * 2 * LoadWatchDesign.MinPeakAmps;

    public static bool Open(double peakVolts, double oldHighOhm) =>
        peakVolts >= Margin * LoadWatchDesign.MinPeakVolts && peakVolts / oldHighOhm >= Margin * LoadWatchDesign.MinPeakAmps;

    /// <summary>This step reveals the case's new load on either channel.</summary>
    public static bool Reveals(SwapCase c, LoadWatchChannel ch)
    {
        double v = ch.LastPeakVolts;
        return c.To switch
        {
            SwapTo.Open => Open(v, c.First.HighOhm),
            SwapTo.Short => Lower(v, ch.LastPeakAmps),
            _ => c.Second!.HighOhm <= c.First.LowOhm ? Lower(v, ch.LastPeakAmps) : Higher(v, c.First.HighOhm),
        };
    }
}

/// <summary>Plays a <see cref="SwapCase"/> on a new simulated board (the real controller, drivers and load watch).</summary>
public static class SwapRun
{
    const int TickMs = 10;

    public static SwapOutcome Play(SwapCase c, Action<string>? log = null)
    {
        var profiles = c.Confirm
            ? new[] { new ProfileSpec(ProfileSpec.StorableName(c.First.Model.Model), c.First.Model.NominalOhm, c.First.Model.DbPerV, SensitivityUnit.DbPerV) }
            : null;
        var board = new SimulatedBoard(new BoardConfig(Seed: c.BoardSeed, LimitDbA: c.LimitDbA, Profiles: profiles));
        var o = new SwapOutcome();
        for (int i = 0; i < 20; i++) board.Tick();
        board.Plug(c.First.Load);
        for (int i = 0; i < 40; i++) board.Tick();
        if (c.Confirm) board.PressButton(2000);
        for (int i = 0; i < 220; i++) board.Tick();
        board.TurnEncoder(c.Detents);
        int lead = 60 + c.SwapAfterTicks;
        for (int i = 0; i < lead; i++)
        {
            board.SetProgrammeSilent(c.SilentAt(i - lead));
            board.Tick();
            if (log != null && i > lead - 30) LogTick(board, "pre", log);
        }
        o.FalseAlarmsBefore = board.Controller.LoadChangeCount;
        o.PlayingAtSwap = board.Relay.Closed;
        o.ConfirmedAtSwap = board.Controller.ConfirmedProfile.Length > 0;
        o.EstimatedAtSwap = board.LoadWatchDriver.Left.HasEstimate || board.LoadWatchDriver.Right.HasEstimate;
        o.SwapAtMs = board.NowMs;
        int s = 0;
        if (c.GapTicks > 0) board.Plug(SwapCase.Open);
        for (; s < c.GapTicks; s++)
        {
            board.SetProgrammeSilent(c.SilentAt(s));
            board.Tick();
            if (board.Relay.Closed && (SwapReveal.Open(board.LoadWatch.Left.LastPeakVolts, c.First.HighOhm) ||
                                       SwapReveal.Open(board.LoadWatch.Right.LastPeakVolts, c.First.HighOhm)))
                o.GapRevealedMs += TickMs;
            NoteOpened(board, o, gap: true);
            log?.Invoke($"gap t{board.NowMs - o.SwapAtMs} {board.Controller.StateName} relay {board.Relay.Closed}");
        }
        board.Plug(c.NewLoad);
        o.NewAtMs = board.NowMs;
        o.ClosedAtNew = o.PlayingAtSwap && o.OpenedAtMs < 0 && board.Relay.Closed;
        long windowStartMs = -1;
        for (int k = 0; k < SwapCase.AfterTicks; k++, s++)
        {
            board.SetProgrammeSilent(c.SilentAt(s));
            // The level this step plays at comes from the chips and relay as the step starts (the controller's tick at
            // its end may open the relay: the step was heard all the same).
            double? programme = board.Relay.Closed && board.Load is { } load
                ? BoardAcoustics.LouderEar(load, board.Expander.GainDb, board.VolumeChip.AttenuationDb(0), board.VolumeChip.AttenuationDb(1))
                : null;
            bool watching = o.ClosedAtNew && o.OpenedAtMs < 0;
            board.Tick();
            double ear = programme is double p ? p + board.LoadWatch.Programme.LevelDb : double.NegativeInfinity;
            bool revealing = watching && (SwapReveal.Reveals(c, board.LoadWatch.Left) || SwapReveal.Reveals(c, board.LoadWatch.Right));
            if (o.RevealAtMs < 0 && revealing && windowStartMs >= 0 && board.NowMs - windowStartMs >= (SwapReveal.WindowSamples - 1) * TickMs)
                o.RevealAtMs = windowStartMs;
            windowStartMs = !revealing ? -1 : windowStartMs >= 0 ? windowStartMs : board.NowMs;
            NoteOpened(board, o, gap: false);
            if (watching && o.OpenedAtMs >= 0 && o.RevealAtMs < 0) o.CutBeforeReveal = true;
            if (ear > o.MaxDbA) o.MaxDbA = ear;
            bool beforeReveal = watching && o.RevealAtMs < 0 && !revealing;
            if (beforeReveal && ear > o.BeforeRevealDbA) o.BeforeRevealDbA = ear;
            // Above the limit: at the ear in this step, and at the programme level the cap is set for (S4; a phrase up to 3 dB
            // above the programme level on the old load at its own cap is the cap's convention, not the swap).
            if (ear > c.LimitDbA && programme > c.LimitDbA)
            {
                o.OverLimitMs += TickMs;
                if (o.RevealAtMs >= 0) o.OverLimitFromRevealMs += TickMs;
                else if (!revealing) o.OverLimitBeforeRevealMs += TickMs;
            }
            if (log != null)
            {
                var l = board.LoadWatchDriver.Left;
                log($"t{board.NowMs - o.SwapAtMs} {board.Controller.StateName} relay {board.Relay.Closed} ear {ear:F1} music {board.LoadWatch.Programme.LevelDb:F1} " +
                    $"pk {board.LoadWatch.Left.LastPeakVolts * 1000:F2} mV {board.LoadWatch.Left.LastPeakAmps * 1000:F3} mA reveal {o.RevealAtMs >= 0} | " +
                    $"z {Math.Pow(10, l.LastZLog):F1} v {Math.Pow(10, l.LastPeakVoltsLog) * 1000:F2} mV min {Math.Pow(10, l.BaselineMinLog):F1} " +
                    $"max {Math.Pow(10, l.BaselineMaxLog):F1} low {l.LowCount}");
            }
        }
        o.ConfirmedAtEnd = board.Controller.ConfirmedProfile.Length > 0;
        o.LoadChanges = board.Controller.LoadChangeCount - o.FalseAlarmsBefore;
        return o;
    }

    static void LogTick(SimulatedBoard board, string what, Action<string> log)
    {
        var l = board.LoadWatchDriver.Left;
        var ch = board.LoadWatch.Left;
        log($"{what} {board.Controller.StateName} relay {board.Relay.Closed} music {board.LoadWatch.Programme.LevelDb:F1} pk {ch.LastPeakVolts * 1000:F2} mV {ch.LastPeakAmps * 1000:F3} mA " +
            $"Zreal {ch.LastPeakVolts / ch.LastPeakAmps:F1} | z {Math.Pow(10, l.LastZLog):F1} v {Math.Pow(10, l.LastPeakVoltsLog) * 1000:F2} mV min {Math.Pow(10, l.BaselineMinLog):F1} max {Math.Pow(10, l.BaselineMaxLog):F1} low {l.LowCount}");
    }

    static void NoteOpened(SimulatedBoard board, SwapOutcome o, bool gap)
    {
        if (o.OpenedAtMs >= 0 || !o.PlayingAtSwap || board.Relay.Closed) return;
        o.OpenedAtMs = board.NowMs;
        o.GapSeen = gap;
    }
}
