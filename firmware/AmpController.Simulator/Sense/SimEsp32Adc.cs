using System;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Sense;

/// <summary>
/// ESP32 ADC1 at 0 dB attenuation, 12 bits (docs/design.md §5): uncalibrated reference 1.0–1.2 V, an input offset below
/// which it reads 0, a smooth integral non-linearity of up to ±12 LSB (ESP32 datasheet; sum of three bows, the widest largest), Gaussian noise of
/// a few LSB, quantisation, clipping at 0 and 4095, and injected spikes (random full-scale or random codes).
/// All drawn from the seed given.
/// </summary>
public sealed class SimEsp32Adc
{
    public const int MaxCode = 4095;

    /// <summary>Peak amplitudes of the 1st, 2nd and 3rd bow: together at most the datasheet's ±12 LSB INL.</summary>
    static readonly double[] InlBowLsb = { 6, 4, 2 };

    readonly Random _noise;
    readonly double[] _inl = new double[3];
    int _pendingSpikes;
    int _burstDelay;
    int _burstLeft;

    public SimEsp32Adc(Random parts, int noiseSeed)
    {
        _noise = new Random(noiseSeed);
        ReferenceVolts = 1.0 + parts.NextDouble() * 0.2;
        OffsetVolts = parts.NextDouble() * 0.06;
        NoiseLsb = 1.5 + parts.NextDouble() * 2.0;
        for (int k = 0; k < _inl.Length; k++) _inl[k] = (parts.NextDouble() * 2 - 1) * InlBowLsb[k];
    }

    public double ReferenceVolts { get; set; }
    public double OffsetVolts { get; set; }
    public double NoiseLsb { get; set; }

    /// <summary>When false the converter is ideal (no offset, INL or noise): used to compare with ngspice.</summary>
    public bool Ideal { get; set; }

    public int SpikesPending => _pendingSpikes + _burstLeft;

    public void InjectSpikes(int count) => _pendingSpikes += Math.Max(0, count);

    /// <summary>A burst of <paramref name="length"/> spikes that starts after the next <paramref name="afterReads"/>
    /// conversions (any channel): bursts at any position of a measurement (issue 19).</summary>
    public void ScheduleBurst(int afterReads, int length)
    {
        _burstDelay = Math.Max(0, afterReads);
        _burstLeft = Math.Max(0, length);
    }

    public void ClearSpikes()
    {
        _pendingSpikes = 0;
        _burstLeft = 0;
    }

    bool NextIsSpike()
    {
        if (_pendingSpikes > 0)
        {
            _pendingSpikes--;
            return true;
        }
        if (_burstLeft == 0) return false;
        if (_burstDelay > 0)
        {
            _burstDelay--;
            return false;
        }
        _burstLeft--;
        return true;
    }

    public double InlLsb(double fraction)
    {
        double s = 0;
        for (int k = 0; k < _inl.Length; k++) s += _inl[k] * Math.Sin((k + 1) * Math.PI * fraction);
        return s;
    }

    /// <summary>The ideal code (no noise, no rounding) for a pin voltage.</summary>
    public double IdealCode(double volts) => volts / ReferenceVolts * MaxCode;

    /// <summary>Conversions since the board was made (every channel): counts the slow native reads.</summary>
    public long Conversions { get; private set; }

    public int Convert(double volts)
    {
        Conversions++;
        if (NextIsSpike())
        {
            double pick = _noise.NextDouble();
            return pick < 0.5 ? MaxCode : pick < 0.75 ? 0 : _noise.Next(0, MaxCode + 1);
        }
        if (Ideal) return (int)Math.Clamp(Math.Round(IdealCode(volts)), 0, MaxCode);
        double fraction = Math.Max(0, volts - OffsetVolts) / ReferenceVolts;
        double code = fraction * MaxCode + InlLsb(Math.Min(1, fraction)) + Gaussian() * NoiseLsb;
        return (int)Math.Clamp(Math.Round(code), 0, MaxCode);
    }

    double Gaussian()
    {
        double u1 = 1.0 - _noise.NextDouble();
        double u2 = _noise.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
