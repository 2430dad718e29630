namespace AmpController.Core.Sensing
{
    public enum LoadClass
    {
        Open = 0,
        Short = 1,
        Mono = 2,
        Line = 3,
        Headphone = 4,
        /// <summary>Readings did not settle or disagreed (noise, half-inserted plug).</summary>
        Uncertain = 5,
    }

    /// <summary>
    /// One finished measurement. Ohm values are given for headphone-class channels only and are NaN elsewhere (open,
    /// line, a shorted channel, uncertain): a consumer may take the lower finite channel without meeting a short.
    /// </summary>
    public sealed class SenseResult
    {
        public double LeftOhm = double.NaN;
        public double RightOhm = double.NaN;
        public LoadClass LeftClass = LoadClass.Uncertain;
        public LoadClass RightClass = LoadClass.Uncertain;
        public LoadClass Class = LoadClass.Uncertain;

        /// <summary>The sensor ran on default constants (stored calibration missing or implausible): ohms may be off by
        /// up to 3 % (2.53 % measured over 1000 uncalibrated boards; the 11 dB ADC's 3.1–3.9 V gain spread cancels in the
        /// ratio, its offset in the zeros; hardware/README.md, Calibration) instead of 2 %.</summary>
        public bool CalibrationFallback;

        /// <summary>True only for a settled Headphone result: S7 gives anything else no higher cap or gain.</summary>
        public bool Confirmed { get { return Class == LoadClass.Headphone; } }
    }
}
