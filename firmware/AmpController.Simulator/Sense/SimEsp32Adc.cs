using System;

namespace AmpController.Simulator.Sense;

/// <summary>
/// ESP32 ADC1 as nanoFramework opens it (docs/design.md §3a): 11 dB attenuation, raw 12-bit codes from adc1_get_raw,
/// no calibration. nf-interpreter targets/ESP32/_nanoCLR/System.Device.Adc/sys_dev_adc_native_System_Device_Adc_AdcController.cpp
/// (NativeOpenChannel) configures every ADC1 channel with ADC_ATTEN_DB_11 (ADC_ATTEN_DB_12 in newer ESP-IDF) and
/// ..._AdcChannel.cpp (NativeReadValue) returns adc1_get_raw; the managed API has no attenuation setting.
///
/// The transfer curve, per board (one converter serves every channel):
/// - linear part: code = 4095 · (V − <see cref="ZeroOffsetVolts"/>) / <see cref="FullScaleVolts"/>. ESP-IDF
///   components/esp_adc/esp32/adc_cali_line_fitting.c characterises 11 dB as V = raw · 3·Vref / 4095 + 142 mV
///   (Vref 1.0–1.2 V by chip; 54 mV offset in its two-point fit) and driver/adc.h gives 3.9 V full scale at 11 dB:
///   full scale is drawn from 3.1–3.9 V, the zero offset from 60–140 mV (the uncalibrated gain error of §3a);
/// - flat at the bottom: below the zero offset the code is 0, joined by a soft knee (<see cref="KneeVolts"/>), so
///   readings are trustworthy only from 150 mV (ESP-IDF adc.h: 11 dB "between 150 to 2450mV");
/// - bent at the top: above 2.45 V the code runs ahead of the line — the line-fitting LUT (lut_adc1_low/high) reaches
///   code 4095 at 3.06–3.21 V, up to about 110 codes above the line — and clips flat at 4095;
/// - integral non-linearity inside the window: three smooth bows, ±12 LSB together (ESP32 datasheet, ADC
///   characteristics: INL ±12 LSB at 11 dB with 100 nF at the pin), Gaussian noise of 1.5–3.5 LSB rms, rounding;
/// - injected spikes (scenario fault adcSpike, bursts): full-scale, zero or random codes.
/// </summary>
public sealed class SimEsp32Adc
{
    public const int MaxCode = 4095;
    public const int AttenuationDb = 11;

    /// <summary>Documented ranges the board's converter is drawn from (see the class comment).</summary>
    public const double MinFullScaleVolts = 3.1, MaxFullScaleVolts = 3.9;
    public const double MinZeroOffsetVolts = 0.06, MaxZeroOffsetVolts = 0.14;
    public const double LinearFromVolts = 0.150, LinearToVolts = 2.450;

    /// <summary>Softness of the knee at the zero offset: 1 LSB of rounding left at 150 mV on the worst board.</summary>
    public const double KneeVolts = 0.006;

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
        FullScaleVolts = MinFullScaleVolts + parts.NextDouble() * (MaxFullScaleVolts - MinFullScaleVolts);
        ZeroOffsetVolts = MinZeroOffsetVolts + parts.NextDouble() * (MaxZeroOffsetVolts - MinZeroOffsetVolts);
        NoiseLsb = 1.5 + parts.NextDouble() * 2.0;
        for (int k = 0; k < _inl.Length; k++) _inl[k] = (parts.NextDouble() * 2 - 1) * InlBowLsb[k];
        BendLsb = 80 + parts.NextDouble() * 60;
    }

    /// <summary>Input span of 4095 codes on the linear part (the chip's uncalibrated gain).</summary>
    public double FullScaleVolts { get; set; }

    /// <summary>Input at which the linear part crosses code 0.</summary>
    public double ZeroOffsetVolts { get; set; }

    public double NoiseLsb { get; set; }

    /// <summary>How far the codes run ahead of the line 600 mV above 2.45 V (the LUT's +80…+140 codes).</summary>
    public double BendLsb { get; set; }

    /// <summary>When true the converter is ideal (the linear part only: no knee, bend, INL or noise): for ngspice checks.</summary>
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

    /// <summary>Conversions since the board was made (every channel): counts the slow native reads.</summary>
    public long Conversions { get; private set; }

    /// <summary>Integral non-linearity in LSB at a code (smooth bows over the whole range).</summary>
    public double InlLsb(double code)
    {
        double f = Math.Clamp(code / MaxCode, 0, 1);
        double s = 0;
        for (int k = 0; k < _inl.Length; k++) s += _inl[k] * Math.Sin((k + 1) * Math.PI * f);
        return s;
    }

    /// <summary>The straight line through the linear part: code for a pin voltage, unclipped.</summary>
    public double LinearCode(double volts) => (volts - ZeroOffsetVolts) / FullScaleVolts * MaxCode;

    /// <summary>The noise-free code (before rounding and clipping) for a pin voltage: knee, line, INL and bend.</summary>
    public double MeanCode(double volts)
    {
        if (Ideal) return LinearCode(volts);
        double u = volts - ZeroOffsetVolts;
        double soft = u > 20 * KneeVolts ? u : KneeVolts * Math.Log(1 + Math.Exp(u / KneeVolts));
        double code = soft / FullScaleVolts * MaxCode;
        code += InlLsb(code);
        if (volts > LinearToVolts)
        {
            double x = (volts - LinearToVolts) / 0.6;
            code += BendLsb * x * x;
        }
        return code;
    }

    public int Convert(double volts)
    {
        Conversions++;
        if (NextIsSpike())
        {
            double pick = _noise.NextDouble();
            return pick < 0.5 ? MaxCode : pick < 0.75 ? 0 : _noise.Next(0, MaxCode + 1);
        }
        double code = MeanCode(volts);
        if (!Ideal) code += Gaussian() * NoiseLsb;
        return (int)Math.Clamp(Math.Round(code), 0, MaxCode);
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

    double Gaussian()
    {
        double u1 = 1.0 - _noise.NextDouble();
        double u2 = _noise.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
