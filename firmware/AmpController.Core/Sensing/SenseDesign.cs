namespace AmpController.Core.Sensing
{
    /// <summary>
    /// Sense front-end facts the estimator relies on (hardware/README.md, "Design equations" and "Timing").
    /// The circuit: a ramped test source drives each channel through R_lo (100 Ω + analog switch) in parallel
    /// with R_hi (100 kΩ); both the source and the jack pins are read through identical gain stages.
    /// </summary>
    public static class SenseDesign
    {
        /// <summary>Control tick that advances the sensor (docs/design.md §4, issue 8).</summary>
        public const int TickMs = 10;

        /// <summary>ADC samples per channel per window; the source and both channels are read interleaved.</summary>
        public const int SamplesPerWindow = 32;

        /// <summary>First window after the source is switched on: used for range decisions only (ramp still rising).</summary>
        public const int FirstWindowMs = 10;

        /// <summary>Windows from here on count for results: the 2-pole ramp (τ ≈ 3 ms) is above 99 % of its end value.</summary>
        public const int ResultWindowMs = 20;

        /// <summary>After switching the source off, the ramp falls below 0.05 % within this time (hardware/README.md).</summary>
        public const int RampDownMs = 30;

        /// <summary>
        /// Without two agreeing windows among this many the result is Uncertain (half-inserted plug, noise): about
        /// 200 ms at the regular tick. Counted in windows, not time, so a stalled control loop does not turn a
        /// measurement it never got to take into an Uncertain result.
        /// </summary>
        public const int MaxWindows = 20;

        /// <summary>Nominal low-range series resistance: R_lo 100 Ω + switch on-resistance 0.9 Ω + relay contacts.</summary>
        public const double LowRangeSeriesOhm = 101.0;

        /// <summary>High-range series resistor R_hi (1 %), in parallel with the 10 MΩ input bleeder of the gain stage.</summary>
        public const double HighRangeSeriesOhm = 100000.0;

        /// <summary>Input bleeder (10 MΩ) plus input resistor (10 kΩ) of each gain stage, seen as a load at the jack.</summary>
        public const double SenseInputOhm = 10010000.0;

        /// <summary>The 100 kΩ range resolves loads up to about this; above it an estimate says only "open".</summary>
        public const double MaxResolvableOhm = 2000000.0;

        /// <summary>Above this low-range estimate a channel switches to the high range (no headphone is that high).</summary>
        public const double RangeSwitchOhm = 2500.0;

        /// <summary>Two consecutive windows agree when their ratios differ by at most this (≈ 5 LSB of a 2500-count source).</summary>
        public const double StableRatioTolerance = 0.002;

        /// <summary>The source must read at least this many counts above its zero, else the source is faulty (Uncertain).</summary>
        public const double MinSourceCounts = 1000.0;

        /// <summary>
        /// ADC codes the estimator trusts: a sample outside them comes from the converter's flat or bent ends (or is
        /// clipped) and is rejected like a spike; a window with fewer than half of its samples in them is not used.
        /// </summary>
        public const int AdcMinUsableCode = 1;
        public const int AdcMaxUsableCode = 4094;
    }
}
