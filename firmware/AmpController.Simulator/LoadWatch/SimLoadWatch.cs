using System;
using AmpController.Core.Platform;
using AmpController.Simulator.Board;
using AmpController.Simulator.Sense;

namespace AmpController.Simulator.LoadWatch;

/// <summary>
/// The load watch of the simulated board: the programme, both channels' detectors and the four ESP32 ADC1 pins they
/// drive (hardware/pinmap.md: GPIO35 |Z| left, and through the analog switch U408 that follows the output relay's drive
/// GPIO36 level left, GPIO39 |Z| right, GPIO34 level right: relay closed → load watch, open → the sense front end). The ADC is ESP32 ADC1 at 11 dB attenuation (docs/design.md §3a):
/// full scale 3.1–3.9 V, a dead zone of 50–150 mV, flat above about 2.45 V, INL, noise.
/// </summary>
public sealed class SimLoadWatch
{
    /// <summary>The EN 50332 programme level at the source in Vrms (Board/BoardAcoustics).</summary>
    public static readonly double ProgrammeVrms = BoardAcoustics.SourceFullScaleVrms * Math.Pow(10, -BoardAcoustics.ProgrammeBelowFullScaleDb / 20);

    readonly SimEsp32Adc _adc;
    readonly Func<bool> _relayClosed;
    readonly Random _noise;

    public SimLoadWatch(int seed, Func<bool> relayClosed, IAdcChannel senseLeft, IAdcChannel senseRight, IAdcChannel senseSource)
    {
        var parts = new Random(seed + 401);
        Left = new LoadWatchChannel(LoadWatchParts.Draw(parts));
        Right = new LoadWatchChannel(LoadWatchParts.Draw(parts));
        Programme = new ProgrammeSignal(seed + 402);
        _adc = new SimEsp32Adc(parts, seed + 403);
        _relayClosed = relayClosed;
        _noise = new Random(seed + 404);
        ZLeft = new Pin(this, 0, null);
        LevelLeft = new Pin(this, 1, senseLeft);
        ZRight = new Pin(this, 2, senseRight);
        LevelRight = new Pin(this, 3, senseSource);
    }

    public LoadWatchChannel Left { get; }
    public LoadWatchChannel Right { get; }
    public ProgrammeSignal Programme { get; }
    public SimEsp32Adc Adc => _adc;

    public IAdcChannel ZLeft { get; }
    public IAdcChannel LevelLeft { get; }
    public IAdcChannel ZRight { get; }
    public IAdcChannel LevelRight { get; }

    /// <summary>
    /// One 10 ms step from the real board state: the gain relays, each channel's attenuator register (∞ = muted), the
    /// output relay and the plugged load (null = nothing: an open output).
    /// </summary>
    public void Advance(double gainDb, double leftAttenuationDb, double rightAttenuationDb, bool relayClosed, HeadphoneLoad? load)
    {
        Programme.Advance();
        double source = ProgrammeVrms * Programme.PeakFactor;
        Step(Left, source, gainDb, leftAttenuationDb, relayClosed && load != null ? LoadOhm(load, load.LeftOhm) : double.PositiveInfinity);
        Step(Right, source, gainDb, rightAttenuationDb, relayClosed && load != null ? LoadOhm(load, load.RightOhm) : double.PositiveInfinity);
    }

    public void Reset()
    {
        Left.Reset();
        Right.Reset();
    }

    double LoadOhm(HeadphoneLoad load, double dcOhm)
    {
        if (load.HalfInserted || dcOhm >= 1e5) return double.PositiveInfinity; // docs/scenarios.md: 1e5 Ω and above is open
        return Programme.EffectiveOhm(dcOhm, load.ZMinPerDc, load.ZMaxPerDc);
    }

    void Step(LoadWatchChannel ch, double sourcePeak, double gainDb, double attenuationDb, double loadOhm)
    {
        double open = double.IsPositiveInfinity(attenuationDb) ? 0 : sourcePeak * Math.Pow(10, (gainDb - attenuationDb) / 20);
        ch.Advance(ProgrammeSignal.StepMs, open, loadOhm, Programme.PeakAgeMs, 0.5 + 0.5 * _noise.NextDouble());
    }

    /// <summary>The pin voltage as the ESP32 converts it (SimEsp32Adc: nanoFramework's 11 dB converter).</summary>
    int Convert(double volts) => _adc.Convert(volts);

    sealed class Pin(SimLoadWatch owner, int index, IAdcChannel? sharedWith) : IAdcChannel
    {
        public int MaxValue => SimEsp32Adc.MaxCode;

        public int ReadRaw()
        {
            if (sharedWith != null && !owner._relayClosed()) return sharedWith.ReadRaw();
            LoadWatchChannel ch = index < 2 ? owner.Left : owner.Right;
            return owner.Convert(index % 2 == 0 ? ch.ZPinVolts : ch.LevelPinVolts);
        }
    }
}
