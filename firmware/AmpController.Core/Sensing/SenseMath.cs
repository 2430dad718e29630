using System;

namespace AmpController.Core.Sensing
{
    /// <summary>Pure conversions between a measured ratio and ohms (hardware/README.md, equations 3–5).</summary>
    public static class SenseMath
    {
        public static double Parallel(double a, double b)
        {
            if (double.IsPositiveInfinity(a)) return b;
            if (double.IsPositiveInfinity(b)) return a;
            return a * b / (a + b);
        }

        /// <summary>
        /// Load resistance from ratio = gain · Rp / (Rp + series), where Rp is the load in parallel with the gain
        /// stage's input (<see cref="SenseDesign.SenseInputOhm"/>). Returns +∞ when the reading is at or above what an
        /// open jack gives, 0 for a non-positive ratio, NaN for NaN input.
        /// </summary>
        public static double OhmFromRatio(double ratio, double gain, double seriesOhm)
        {
            if (double.IsNaN(ratio) || !(gain > 0)) return double.NaN;
            if (ratio <= 0) return 0.0;
            double u = ratio / gain;
            if (u >= 1.0) return double.PositiveInfinity;
            double parallel = seriesOhm * u / (1.0 - u);
            double inputOhm = SenseDesign.SenseInputOhm;
            if (parallel >= inputOhm) return double.PositiveInfinity;
            return parallel * inputOhm / (inputOhm - parallel);
        }

        /// <summary>The ratio a load gives (inverse of OhmFromRatio), used by calibration checks and tests.</summary>
        public static double RatioFromOhm(double ohm, double gain, double seriesOhm)
        {
            return gain * DividerFraction(ohm, seriesOhm);
        }

        /// <summary>u = Rp / (Rp + series): the fraction of the source that reaches the jack pin.</summary>
        public static double DividerFraction(double ohm, double seriesOhm)
        {
            double p = Parallel(ohm, SenseDesign.SenseInputOhm);
            return p / (p + seriesOhm);
        }
    }
}
