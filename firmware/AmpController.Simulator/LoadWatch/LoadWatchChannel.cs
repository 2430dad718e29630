using System;

namespace AmpController.Simulator.LoadWatch;

/// <summary>
/// One channel of the load watch as physics (hardware/load-watch.cir, subcircuit LWCH), at the envelope level: the
/// output stage drives the load (0.1 Ω, 14.1 V and 354 mA peak limits, docs/design.md §2), the two full-wave peak
/// detectors charge at the programme's peaks and decay with their hold time constants, the log-ratio amplifier and its
/// scaling stage give the two pin voltages. Waveform details below the envelope (the chargers' finite speed) are left
/// to ngspice; tests/AmpController.Tests/Hardware/LoadWatchSpiceTests.cs bounds the difference.
/// </summary>
public sealed class LoadWatchChannel
{
    public const double OutputOhm = 0.1;          // docs/design.md §2 (after the feedback node)
    public const double MaxPeakVolts = 14.1;      // 10 Vrms
    public const double MaxPeakAmps = 0.354;      // 250 mA rms
    /// <summary>Noise peaks the I detector holds: INA188 12 nV/√Hz × 29.74 behind the 19.4 kHz low-pass (R436/C409)
    /// ≈ 64 µVrms, ×4 for the peaks a 68 ms hold keeps. The peak of signal plus noise rides up to this much above the
    /// signal's own peak (each step draws 50–100 %).</summary>
    public const double CurrentFloorVolts = 0.26e-3;
    /// <summary>Same for the V detector: the amplifier's own hiss (~10 µVrms) through the divider, peaks.</summary>
    public const double VoltageFloorVolts = 0.03e-3;
    /// <summary>The LOG2112's outputs are clamped inside its ±15 V rails; the pin's BAT54S clamps to −0.3 … 3.6 V.</summary>
    const double LogClampVolts = 13, PinLowVolts = -0.3, PinHighVolts = 3.6;

    readonly LoadWatchParts _parts;
    readonly double _gainV, _gainI, _tauVMs, _tauIMs, _dividerOhm;

    public LoadWatchChannel(LoadWatchParts parts)
    {
        _parts = parts;
        _gainV = parts.VoltageGain;
        _gainI = parts.CurrentGain;
        _tauVMs = parts.TauVSeconds * 1000;
        _tauIMs = parts.TauISeconds * 1000;
        _dividerOhm = parts.DividerInputOhm;
    }

    public LoadWatchParts Parts => _parts;

    /// <summary>Hold capacitor voltages of the V and I detectors.</summary>
    public double HoldV { get; private set; }
    public double HoldI { get; private set; }

    /// <summary>Peak voltage at the feedback node and peak current of the last step (for tests and the trace).</summary>
    public double LastPeakVolts { get; private set; }
    public double LastPeakAmps { get; private set; }

    /// <summary>
    /// Advances <paramref name="stepMs"/>: the output stage would drive <paramref name="openPeakVolts"/> (programme peak
    /// × gain × attenuation); the load is <paramref name="loadOhm"/> (∞ = open, 0 = short; the relay open is ∞); the
    /// step's largest peak came <paramref name="peakAgeMs"/> before its end (0 = none).
    /// </summary>
    public void Advance(double stepMs, double openPeakVolts, double loadOhm, double peakAgeMs, double noiseShare = 1)
    {
        HoldV *= Math.Exp(-stepMs / _tauVMs);
        HoldI *= Math.Exp(-stepMs / _tauIMs);
        HoldI = Math.Max(HoldI, CurrentFloorVolts * noiseShare);
        double v = Math.Min(Math.Max(openPeakVolts, 0), MaxPeakVolts);
        double amps = 0;
        if (v > 0 && !double.IsPositiveInfinity(loadOhm))
        {
            amps = Math.Min(v / (loadOhm + OutputOhm), MaxPeakAmps);
            v = amps * (loadOhm + OutputOhm);
        }
        LastPeakVolts = v;
        LastPeakAmps = amps;
        if (v <= 0) return;
        double xv = _gainV * v + Math.Abs(_parts.OffsetVVolts);
        // RS carries the load's current and the voltage divider's (it hangs on the feedback node).
        double xi = _gainI * (amps + v / _dividerOhm) + Math.Abs(_parts.OffsetIVolts) + CurrentFloorVolts * noiseShare;
        HoldV = Math.Max(HoldV, xv * Math.Exp(-peakAgeMs / _tauVMs));
        HoldI = Math.Max(HoldI, xi * Math.Exp(-peakAgeMs / _tauIMs));
    }

    /// <summary>Discharges both holds (board power-up).</summary>
    public void Reset()
    {
        HoldV = 0;
        HoldI = 0;
    }

    /// <summary>The |Z| pin: 0.5·log10(V hold / I hold) through the scaling stage.</summary>
    public double ZPinVolts => Pin(0.5 * Math.Log10(Math.Max(HoldV, VoltageFloorVolts) / Math.Max(HoldI, CurrentFloorVolts)));

    /// <summary>The level pin: 0.5·log10(V hold / (R410 · VREF / R416)).</summary>
    public double LevelPinVolts => Pin(0.5 * Math.Log10(Math.Max(HoldV, VoltageFloorVolts) / _parts.LevelZeroVolts));

    double Pin(double logVolts)
    {
        double log = Math.Clamp(logVolts * (_parts.LogVoltsPerDecade / 0.5), -LogClampVolts, LogClampVolts);
        return Math.Clamp(_parts.PinOffsetVolts + _parts.PinSlope * log, PinLowVolts, PinHighVolts);
    }
}
