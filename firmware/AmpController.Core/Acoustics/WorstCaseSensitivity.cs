using System;

namespace AmpController.Core.Acoustics
{
    /// <summary>
    /// The sensitivity (dB/V) assumed when nothing better is known (S4), as a function of the measured DC resistance R.
    ///
    ///   S_wc(R) = P(R / 4) + 10·log10(1000 / (R / 2)) + 6 dB
    ///
    /// - R / 2: the nominal impedance may be as low as half the DC reading. Dynamic drivers read 0.85–1.0× nominal
    ///   (nominal ≥ R), but a multi-driver IEM's DC path can show only one branch (docs/design.md §5), so the 1 kHz
    ///   nominal may sit well below R. dB/V is converted at this lowest plausible nominal impedance.
    /// - P(x): the highest efficiency (dB/mW) of any model in data/headphones.csv with nominal impedance ≥ x
    ///   (WorstCaseTable, generated). Using x = R / 4 (half the lowest nominal) assumes an unlisted model is no more
    ///   efficient than listed models down to half its impedance: the same driver rewound for another impedance keeps
    ///   its dB/mW (e.g. DT 770 Pro 32/80/250 Ω are all 96 dB/mW).
    /// - +6 dB: maker tolerance (±3 dB published), 500 Hz vs 1 kHz and drum-reference-point conventions, models not listed.
    /// Above the listed impedances the value is held flat (not extrapolated down). Electrostatics are not in the
    /// table: they are not driven by this amplifier and have no measurable DC resistance.
    /// S_wc never increases with R (P is a suffix maximum and the log term falls), so a lower reading is never louder.
    /// </summary>
    public static class WorstCaseSensitivity
    {
        public const double MarginDb = 6.0;

        /// <summary>Lowest plausible nominal impedance as a fraction of the DC reading (multi-driver IEMs).</summary>
        public const double LowestNominalPerDc = 0.5;

        /// <summary>Unlisted models borrow the efficiency of listed ones down to this fraction of their impedance.</summary>
        public const double EfficiencySpread = 0.5;

        /// <summary>Below about 2 Ω a load counts as a short (docs/design.md §5); the global worst case is taken there.</summary>
        public const double MinHeadphoneOhm = 2.0;

        /// <summary>Readings are floored here only to keep the logarithm finite.</summary>
        const double FloorOhm = 0.1;

        public static double DbPerVForMeasuredOhm(double measuredOhm)
        {
            double r = measuredOhm;
            if (double.IsNaN(r) || r < FloorOhm) r = FloorOhm;
            double lastBandTop = WorstCaseTable.BandTopOhm[WorstCaseTable.BandTopOhm.Length - 1];
            double holdFrom = lastBandTop / (LowestNominalPerDc * EfficiencySpread);
            if (r > holdFrom) r = holdFrom;
            double lowestNominal = r * LowestNominalPerDc;
            double efficiency = MaxEfficiencyDbPerMwAtOrAbove(lowestNominal * EfficiencySpread);
            return AcousticMath.DbPerMwToDbPerV(efficiency, lowestNominal) + MarginDb;
        }

        /// <summary>The worst case over every headphone reading (at the short threshold): used for unconfirmed results (S7).</summary>
        public static double GlobalMaxDbPerV
        {
            get { return DbPerVForMeasuredOhm(MinHeadphoneOhm); }
        }

        /// <summary>P(x) of the table: highest listed dB/mW among models with nominal impedance ≥ x.</summary>
        public static double MaxEfficiencyDbPerMwAtOrAbove(double nominalOhm)
        {
            double[] tops = WorstCaseTable.BandTopOhm;
            for (int i = 0; i < tops.Length; i++)
            {
                if (nominalOhm <= tops[i]) return WorstCaseTable.MaxDbPerMwTenths[i] / 10.0;
            }
            return WorstCaseTable.MaxDbPerMwTenths[tops.Length - 1] / 10.0;
        }
    }
}
