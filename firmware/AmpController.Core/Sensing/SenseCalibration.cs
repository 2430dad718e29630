using System;

namespace AmpController.Core.Sensing
{
    /// <summary>
    /// Per-channel constants of the ratio model (hardware/README.md, equation 4): ratio = Gain · u with
    /// u = Rp / (Rp + SeriesOhm), Rp the load in parallel with the gain stage input. Gain is the channel's gain stage
    /// relative to the source's; SeriesOhm is R_lo ∥ R_hi plus switch and relay resistance (it also absorbs the
    /// first-order bow of the ADC's non-linearity). Both come from two known resistors; out-of-range values are
    /// rejected in favour of defaults.
    /// </summary>
    public sealed class SenseCalibration
    {
        /// <summary>1 % resistors in both gain stages give at most ±4 % gain ratio; ±8 % allows for ADC non-linearity.</summary>
        public const double MinGain = 0.92;
        public const double MaxGain = 1.08;

        /// <summary>100 Ω ± 1 % plus 0.3–3 Ω of switch and contacts, ±2 % for the ADC bow (hardware/README.md).</summary>
        public const double MinSeriesOhm = 97.0;
        public const double MaxSeriesOhm = 106.0;

        public double LeftGain = 1.0;
        public double LeftSeriesOhm = SenseDesign.LowRangeSeriesOhm;
        public double RightGain = 1.0;
        public double RightSeriesOhm = SenseDesign.LowRangeSeriesOhm;

        /// <summary>True when these are the nominal defaults because stored constants were missing or implausible.</summary>
        public bool FellBackToDefaults;

        public static SenseCalibration Defaults()
        {
            return new SenseCalibration();
        }

        public bool IsPlausible
        {
            get
            {
                return InRange(LeftGain, MinGain, MaxGain) && InRange(RightGain, MinGain, MaxGain)
                    && InRange(LeftSeriesOhm, MinSeriesOhm, MaxSeriesOhm) && InRange(RightSeriesOhm, MinSeriesOhm, MaxSeriesOhm);
            }
        }

        /// <summary>The candidate when plausible, otherwise the defaults flagged <see cref="FellBackToDefaults"/>.</summary>
        public static SenseCalibration Validated(SenseCalibration? candidate)
        {
            if (candidate != null && candidate.IsPlausible) return candidate;
            SenseCalibration d = Defaults();
            d.FellBackToDefaults = true;
            return d;
        }

        public double Gain(int channel) { return channel == SenseChannel.Left ? LeftGain : RightGain; }

        public double SeriesOhm(int channel) { return channel == SenseChannel.Left ? LeftSeriesOhm : RightSeriesOhm; }

        /// <summary>
        /// Solves one channel from the ratios read with two known resistors (r1 ≠ r2): 1/ratio is linear in 1/Rp,
        /// 1/ratio = 1/Gain + (SeriesOhm/Gain) · 1/Rp. False when the readings cannot come from the model.
        /// </summary>
        public static bool Solve(double r1, double ratio1, double r2, double ratio2, out double gain, out double seriesOhm)
        {
            gain = double.NaN;
            seriesOhm = double.NaN;
            double p1 = SenseMath.Parallel(r1, SenseDesign.SenseInputOhm);
            double p2 = SenseMath.Parallel(r2, SenseDesign.SenseInputOhm);
            if (!(ratio1 > 0) || !(ratio2 > 0) || !(p1 > 0) || !(p2 > 0) || p1 == p2) return false;
            double slope = (1.0 / ratio1 - 1.0 / ratio2) / (1.0 / p1 - 1.0 / p2);
            double intercept = 1.0 / ratio1 - slope / p1;
            if (!(intercept > 0) || !(slope > 0)) return false;
            gain = 1.0 / intercept;
            seriesOhm = slope / intercept;
            return true;
        }

        /// <summary>Builds constants for both channels; Validated() decides whether they are used.</summary>
        public static SenseCalibration? FromTwoResistors(double r1, double r2,
            double leftRatio1, double leftRatio2, double rightRatio1, double rightRatio2)
        {
            SenseCalibration c = new SenseCalibration();
            if (!Solve(r1, leftRatio1, r2, leftRatio2, out c.LeftGain, out c.LeftSeriesOhm)) return null;
            if (!Solve(r1, rightRatio1, r2, rightRatio2, out c.RightGain, out c.RightSeriesOhm)) return null;
            return c;
        }

        static bool InRange(double v, double lo, double hi)
        {
            return v >= lo && v <= hi;
        }
    }

    /// <summary>Channel indices used throughout sensing.</summary>
    public static class SenseChannel
    {
        public const int Left = 0;
        public const int Right = 1;
    }
}
