namespace AmpController.Core.Acoustics
{
    /// <summary>The fixed numbers of the safety policy, each with its source.</summary>
    public static class PolicyLimits
    {
        /// <summary>EN 50332 programme level: full scale −10 dB (docs/design.md §4 S4). Full scale = programme + 10 dB of peaks.</summary>
        public const int ProgrammeBelowFullScaleDb = 10;

        /// <summary>
        /// S4: default 85 dBA, user-raisable to at most 100 dBA. 60 dBA is the bottom of the settings range (below it
        /// is not useful listening); the policy itself honours any lower limit, since quieter is always safe.
        /// </summary>
        public const double DefaultLimitDbA = 85.0;
        public const double MaxLimitDbA = 100.0;
        public const double MinLimitDbA = 60.0;

        /// <summary>
        /// S12: the acknowledged tier's limit, default 100 dBA, configurable 85–100 dBA (IEC 62368-1 / EN 50332-3: above
        /// the default only after a warning and the listener's acknowledgment, and never above 100 dBA).
        /// </summary>
        public const double DefaultAckLimitDbA = 100.0;
        public const double MinAckLimitDbA = 85.0;
        public const double MaxAckLimitDbA = 100.0;

        /// <summary>S2: safe default 70 dBA, configurable 60–80 dBA (the policy caps it at 80, never raises it).</summary>
        public const double DefaultSafeDbA = 70.0;
        public const double MinSafeDbA = 60.0;
        public const double MaxSafeDbA = 80.0;

        /// <summary>
        /// Hiss counts as audible above 10 dBA at the ear: the hearing threshold at 1–4 kHz is about 0 dB SPL (ISO 226),
        /// and broadband hiss spreads its energy over ~20 critical bands, so its total must be ~10 dB higher to be heard
        /// in a quiet room.
        /// </summary>
        public const double HissAudibleDbA = 10.0;

        /// <summary>docs/design.md §5: at or below about 95 dB/mW a headphone needs a dedicated amplifier.</summary>
        public const double DedicatedAmpDbPerMw = 95.0;

        /// <summary>docs/design.md §5: the headphone should be at least 8× the amplifier's output impedance.</summary>
        public const double MinDampingFactor = 8.0;

        /// <summary>Plausible sensitivity values (dB SPL for 1 mW or 1 V); the console and `ampsim cap` reject others.</summary>
        public const double MinSensitivityDb = 40.0;
        public const double MaxSensitivityDb = 180.0;

        /// <summary>
        /// Whether the policy may use a stated sensitivity. Only the low side is refused (a too-low figure would make
        /// the cap too loud; the worst case applies instead); an implausibly high one is used as stated, which is quieter.
        /// </summary>
        public static bool IsUsableSensitivity(double db)
        {
            return AcousticMath.IsFinite(db) && db >= MinSensitivityDb;
        }
    }
}
