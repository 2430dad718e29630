namespace AmpController.Core.LoadWatch
{
    /// <summary>
    /// The load watch's circuit as the firmware decodes it (hardware/load-watch.cir, hardware/README.md "Load watch";
    /// nominal values). Each ADC pin carries V_pin = Offset + Slope · 0.5 · log10(ratio), so one decade of |Z| or of
    /// level is 0.549 V at the pin, whatever the volume.
    /// </summary>
    public static class LoadWatchDesign
    {
        /// <summary>Scaling stage (R417–R420): 1.5 · 2.5 V · 36.5k / 136.5k.</summary>
        public const double PinOffsetVolts = 1.0027;

        /// <summary>1.5 · 100k / 136.5k · 0.5 V per decade (LOG2112 datasheet: V_O = 0.5 V · log10(I1/I2)).</summary>
        public const double PinVoltsPerDecade = 0.54945;

        /// <summary>|Z| that gives V_pin = Offset: RS · G_INA / divider gain = 1 Ω · 29.74 / 0.4739.</summary>
        public const double ZeroOhm = 62.752;

        /// <summary>Output peak that gives the level pin Offset: (R410 · VREF / R416) / divider gain = 19.915 mV / 0.4739.</summary>
        public const double LevelZeroPeakVolts = 0.042022;

        /// <summary>ESP32 ADC1 at 11 dB: full scale about 3.1–3.9 V (docs/design.md §3a); the middle is assumed.</summary>
        public const double AdcFullScaleVolts = 3.5;

        /// <summary>
        /// The programme reveals the load from an output peak of 2 mV as decoded (level pin 0.28 V): the most sensitive
        /// listed headphone (136.4 dB/V, data/headphones.csv) reaches 85 dBA at 2.6 mVrms of programme, whose peaks are
        /// higher. The ADC's uncalibrated offset (up to 150 mV) and gain error shift this absolute threshold up to about
        /// 2× (3–4 mV real); |Z|, a difference of the two pins, keeps its accuracy (ngspice: within 6 % from 3 mV up).
        /// </summary>
        public const double MinPeakVolts = 0.002;

        /// <summary>A current estimate needs 0.1 mA peak: 3 mV at the rectifier, 11× the INA188's noise peaks (which
        /// then read |Z| at most 9 % low). A 15 Ω IEM draws it from 1.5 mV; it is the high-impedance loads that need
        /// more output before the watch sees them (600 Ω: 60 mV peak).</summary>
        public const double MinPeakAmps = 0.0001;

        /// <summary>A change of more than 30 % (issue 19).</summary>
        public const double LowerRatio = 0.7;
        public const double HigherRatio = 1.3;

        /// <summary>
        /// While an S12 profile is confirmed its cap is the headphone's own, and a swap to another headphone inside ±30 %
        /// can be dangerous (issue 19: a 32 Ω profile, a 36 Ω IEM of 133 dB/V). The band is then the learned range
        /// ±10 %: tighter than the drift of a resonant load's |Z| between two estimates allows would false-alarm (the
        /// rate is measured in LoadWatchPropertyTests), the profile match itself is ±5 % of the DC reading.
        /// </summary>
        public const double ConfirmedLowerRatio = 0.9;
        public const double ConfirmedHigherRatio = 1.1;

        /// <summary>An open output: at a level where the baseline load would draw the minimum current, a quarter of it
        /// or less (the I detector then holds only noise, about 13 µA).</summary>
        public const double OpenRatio = 4.0;

        /// <summary>Before the baseline is learned the insertion's DC reading is the reference, within this factor:
        /// |Z| at audio vs DC (resonance up to ~2×, multi-driver IEMs down to ~0.5×) and the ADC's ±11 % gain error at
        /// the pin (up to ~2× in |Z|).</summary>
        public const double InsertionWindow = 5.0;

        /// <summary>Valid estimates that form the baseline (50 ms of music or more).</summary>
        public const int LearnCount = 5;

        /// <summary>Estimates a lower reading must persist on one channel (one ADC spike is not a swap): 20 ms; a low
        /// reading on both channels counts at once (LoadWatchSensor).</summary>
        public const int LowerConfirmCount = 2;

        /// <summary>A higher or open reading: 20 ms like a lower one (issue 19: within 30 ms of the programme revealing the
        /// swap; a higher |Z| can be the more sensitive headphone); on both channels at once it counts at once too.</summary>
        public const int HigherConfirmCount = 2;

        /// <summary>The baseline follows a slow drift (the spectrum moving |Z| along the driver's curve) at most this
        /// fast, in decades per tick; a swap is a step of at least log10(1/0.7) = 0.155.</summary>
        public const double DriftPerTick = 0.003;

        /// <summary>The same in the tight band of a confirmed profile: a step beyond ±10 % is 0.041 decade or more, and a
        /// resonant load's |Z| moves up to about 0.01 decade per tick as the spectrum wanders (ProgrammeSignal).</summary>
        public const double ConfirmedDriftPerTick = 0.01;

        /// <summary>The level's recent maximum (the track) falls this fast, in decades per tick (0.3 dB). An estimate is
        /// fresh while the level is within <see cref="FreshDecades"/> (6 dB) of it: only fresh estimates are learned,
        /// followed as a drift or clear a count.</summary>
        public const double FreshDecades = 0.3;
        public const double TrackFallPerTick = 0.015;

        /// <summary>
        /// How far a held |Z| can be off, in decades per decade the level lies below its track: the holds decay apart.
        /// Each hold's τ is C·R (C403/C405 ±5 %, R434/R435 ±1 %: ±6 %), so τV/τI lies within 0.887–1.128 and while both
        /// decay their ratio drifts at most 0.128 decade per decade the V hold falls; a recharge of either hold only
        /// brings the ratio back towards the truth. The fall since the last joint recharge is at most the level's
        /// distance below the track times a/(a − r), a the hold's decay (≥ 0.054 decade a tick: τ 72 ms read through
        /// the ADC's −11 % gain) and r = <see cref="TrackFallPerTick"/>: ×1.38. So 0.128 × 1.38 = 0.177. A stale estimate
        /// (beyond <see cref="FreshDecades"/>) counts for a change only beyond the band by this margin: a large swap is then
        /// seen during a quiet passage right after a louder moment (issue 19 long run: 510 ms late when stale estimates
        /// were ignored). Fresh estimates keep the band as it is (their false-alarm rate is measured in
        /// LoadWatchPropertyTests); the margin would cost them the 10 % band's swaps.
        /// </summary>
        public const double StaleErrorPerDecade = 0.18;
    }
}
