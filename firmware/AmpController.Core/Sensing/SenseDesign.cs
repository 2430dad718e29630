namespace AmpController.Core.Sensing
{
    /// <summary>
    /// Sense front-end facts the estimator relies on (hardware/README.md, "Design equations" and "Timing"; the netlist
    /// hardware/sense-frontend.cir). The circuit: a ramped 82 mV test source (LM4040 reference) drives each channel
    /// through R_lo (240 Ω + analog switch) in parallel with R_hi (100 kΩ); the source and both jack pins are read through
    /// gain stages (×20.6, the channels ×103 when zoomed) with a 0.31 V pedestal into ESP32 ADC1 at 11 dB.
    /// </summary>
    public static class SenseDesign
    {
        /// <summary>Control tick that advances the sensor (docs/design.md §4, issue 8).</summary>
        public const int TickMs = 10;

        /// <summary>
        /// ADC reads in one tick, at most 16 (issue 12: each AdcChannel.ReadValue is a slow native call): 4 of the source
        /// and 6 of each channel, interleaved so the three see the same moment of a ramp.
        /// </summary>
        public const int SourceReadsPerTick = 4;
        public const int ChannelReadsPerTick = 6;
        public const int ReadsPerTick = SourceReadsPerTick + 2 * ChannelReadsPerTick;

        /// <summary>A result window and the end zero each take the reads of this many ticks.</summary>
        public const int TicksPerWindow = 2;

        /// <summary>The decision window, this long after the source is switched on (ramp at about 80 %): it chooses the
        /// range and the zoom of each channel and is not used for results.</summary>
        public const int DecisionMs = 10;

        /// <summary>Result windows start this long after switch-on: the 2-pole ramp (τ ≈ 3.3 ms) is above 98 % and
        /// moves by less than 0.5 %/ms; interleaved reads keep the ratio exact while it moves.</summary>
        public const int ResultWindowMs = 20;

        /// <summary>The end zero is read from this long after switch-off (at most <see cref="MaxResidualFraction"/> of the
        /// source is left then; it reaches each channel in the channel's ratio and cancels).</summary>
        public const int EndZeroMs = 20;

        /// <summary>Source left 20 ms after switch-off: 1.5 % nominal, 2.2 % with the ramp parts at their tolerances.</summary>
        public const double MaxResidualFraction = 0.03;

        /// <summary>A new measurement waits this long after the previous switch-off: the source is below 0.05 % (one
        /// count) then, so the first zero carries nothing that matters (hardware/README.md, ramp).</summary>
        public const int QuietMs = 40;

        /// <summary>Without two agreeing result windows among this many the result is Uncertain (half-inserted plug,
        /// noise). Counted in windows, not time, so a stalled control loop resumes instead of timing out.</summary>
        public const int MaxWindows = 8;

        /// <summary>A disturbed decision window is read again on the next tick, at most this many times.</summary>
        public const int MaxDecisionTries = 3;

        /// <summary>Nominal low-range series resistance: R_lo 240 Ω + switch 0.9 Ω + relay contacts, in parallel with R_hi.</summary>
        public const double LowRangeSeriesOhm = 240.4;

        /// <summary>High-range series resistor R_hi (1 %), in parallel with the 10 MΩ input bleeder of the gain stage.</summary>
        public const double HighRangeSeriesOhm = 100000.0;

        /// <summary>Input bleeder (10 MΩ) plus input resistor (10 kΩ) of each gain stage, seen as a load at the jack.</summary>
        public const double SenseInputOhm = 10010000.0;

        /// <summary>The 100 kΩ range resolves loads up to about this; above it an estimate says only "open".</summary>
        public const double MaxResolvableOhm = 2000000.0;

        /// <summary>A channel reading above this in the low range moves to the high range (no headphone is that high).</summary>
        public const double RangeSwitchOhm = 2500.0;

        /// <summary>Channel gain zoomed over normal: (1 + RF/(RG ∥ (RGZ + 0.9 Ω))) / (1 + RF/RG) = 102.97 / 20.6 with
        /// RF 39.2 kΩ, RG 2 kΩ, RGZ 475 Ω (hardware/README.md, equation 5).</summary>
        public const double ZoomFactor = 4.998;

        /// <summary>
        /// A channel whose normal ratio is at most this (below about 56 Ω) is read zoomed: the zoomed reading then stays
        /// below 95 % of the source's span, inside the ADC window on every board (hardware/README.md, window margins).
        /// </summary>
        public const double ZoomMaxRatio = 0.19;

        /// <summary>
        /// ADC codes the estimator trusts: the 11 dB linear window 150–2450 mV (ESP-IDF adc.h) mapped through the worst
        /// uncalibrated converter (full scale 3.1–3.9 V, zero offset 60–140 mV; Simulator SimEsp32Adc): 150 mV reads at
        /// least 4095·(0.150 − 0.06)/3.1 = 118.9 codes, 2450 mV at most 4095·(2.450 − 0.14)/3.9 = 2425.5. A sample outside
        /// comes from the flat or bent ends (or a spike) and is never averaged.
        /// </summary>
        public const int AdcMinUsableCode = 119;
        public const int AdcMaxUsableCode = 2425;

        /// <summary>The source reads 1.53 V above the pedestal: 1604 counts at 3.9 V full scale, 2018 at 3.1 V. Outside
        /// these bounds (with margin) the source or the converter is faulty and the result is Uncertain.</summary>
        public const double MinSourceCounts = 1200.0;
        public const double MaxSourceCounts = 2400.0;

        /// <summary>Two result windows agree when their ratios differ by at most this many counts of the source: five
        /// times the noise of the difference of two 12-sample means at 3.5 LSB rms, with the source's share.</summary>
        public const double SettleCounts = 10.0;

        /// <summary>
        /// The zeros read after the ramp-down must agree with those read at Start (issue 19) within this many counts once
        /// the residual source is allowed for: 4.5 × 3.5 LSB · √(1/6 + 1/12) for a channel, · √(1/4 + 1/8) for the source.
        /// </summary>
        public const double ChannelZeroAgreementCounts = 8.0;
        public const double SourceZeroAgreementCounts = 10.0;

        /// <summary>A zoomed channel's zero differs from its normal zero by the op-amp offset times the extra gain: at most
        /// 25 µV (OPA2188) · 82 · 0.905 = 1.9 mV, 2.5 counts at 3.1 V full scale.</summary>
        public const double ZoomZeroShiftCounts = 2.5;

        /// <summary>A channel's zero must match the source's zero (same pedestal) within this many counts; more means an
        /// external voltage on the jack pin (above about 3 mV).</summary>
        public const double MaxZeroMismatchCounts = 60.0;
    }
}
