using System;

namespace AmpController.Core.Acoustics
{
    /// <summary>What the user is told about a headphone on this board (docs/design.md §5).</summary>
    public static class Advice
    {
        /// <summary>At or below about 95 dB/mW a headphone needs a dedicated amplifier.</summary>
        public static bool NeedsDedicatedAmp(double dbPerMw)
        {
            return dbPerMw <= PolicyLimits.DedicatedAmpDbPerMw;
        }

        /// <summary>Damping factor = Z_headphone / Z_out.</summary>
        public static double DampingFactor(double headphoneOhm, double outputOhm)
        {
            return headphoneOhm / outputOhm;
        }

        /// <summary>True when the headphone is below 8× the output impedance.</summary>
        public static bool DampingTooLow(double headphoneOhm, double outputOhm)
        {
            return DampingFactor(headphoneOhm, outputOhm) < PolicyLimits.MinDampingFactor;
        }

        /// <summary>
        /// Level error at one frequency from the source impedance, relative to the curve's minimum:
        /// 20·log10(Z(f)·(Z_min + Z_out) / (Z_min·(Z(f) + Z_out))).
        /// </summary>
        public static double FrequencyResponseErrorDb(double impedanceOhm, double minImpedanceOhm, double outputOhm)
        {
            return 20.0 * Math.Log10(impedanceOhm * (minImpedanceOhm + outputOhm)
                / (minImpedanceOhm * (impedanceOhm + outputOhm)));
        }

        /// <summary>Largest error over an impedance curve (ohms at any set of frequencies); NaN for an empty or invalid curve.</summary>
        public static double MaxFrequencyResponseErrorDb(double[] impedanceCurveOhm, double outputOhm)
        {
            if (impedanceCurveOhm == null || impedanceCurveOhm.Length == 0) return double.NaN;
            double zMin = double.PositiveInfinity;
            for (int i = 0; i < impedanceCurveOhm.Length; i++)
            {
                double z = impedanceCurveOhm[i];
                if (!AcousticMath.IsFinite(z) || z <= 0) return double.NaN;
                if (z < zMin) zMin = z;
            }
            double worst = 0;
            for (int i = 0; i < impedanceCurveOhm.Length; i++)
            {
                double e = FrequencyResponseErrorDb(impedanceCurveOhm[i], zMin, outputOhm);
                if (e > worst) worst = e;
            }
            return worst;
        }
    }
}
