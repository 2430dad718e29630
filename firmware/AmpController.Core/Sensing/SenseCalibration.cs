using System;

namespace AmpController.Core.Sensing
{
    /// <summary>
    /// Per-channel constants of the ratio model (hardware/README.md, equations 7–9): ratio = Gain · u in the normal gain
    /// and ZoomGain · u zoomed, with u = Rp / (Rp + SeriesOhm) and Rp the load in parallel with the gain stage's input.
    /// Gain is the channel's stage relative to the source's, ZoomGain the same with the zoom on; SeriesOhm is R_lo ∥ R_hi
    /// plus switch and relay resistance. The ratio itself is free of the ADC's gain (ratiometric) and offset (zeros);
    /// the constants also absorb the first-order bow of its non-linearity. ZoomZero is how many counts the channel's zero
    /// rises when zoomed (the op-amp offset times the extra gain), so the zero read at Start in the normal gain serves a
    /// zoomed channel too. Out-of-range values are rejected in favour of defaults (flagged).
    /// </summary>
    public sealed class SenseCalibration
    {
        /// <summary>0.1 % resistors in both stages give ±0.4 % of gain ratio; ±3 % leaves room for the ADC's ±12 LSB INL.</summary>
        public const double MinGain = 0.97;
        public const double MaxGain = 1.03;

        /// <summary>The zoom (RGZ 1 %, switch 0.5–1.5 Ω) moves the gain by ±1 %; ±4 % with the INL.</summary>
        public const double MinZoomGain = SenseDesign.ZoomFactor * 0.96;
        public const double MaxZoomGain = SenseDesign.ZoomFactor * 1.04;

        /// <summary>240 Ω ± 0.1 % plus 0.5–1.7 Ω of switch and contacts, ±2.5 % for the ADC's bow.</summary>
        public const double MinSeriesOhm = 234.0;
        public const double MaxSeriesOhm = 247.0;

        /// <summary>At most ZoomZeroShiftCounts (2.5) by design, ±4 with the factory estimate's noise.</summary>
        public const double MaxZoomZeroCounts = 4.0;

        public double LeftGain = 1.0;
        public double LeftZoomGain = SenseDesign.ZoomFactor;
        public double LeftSeriesOhm = SenseDesign.LowRangeSeriesOhm;
        public double LeftZoomZero;
        public double RightGain = 1.0;
        public double RightZoomGain = SenseDesign.ZoomFactor;
        public double RightSeriesOhm = SenseDesign.LowRangeSeriesOhm;
        public double RightZoomZero;

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
                    && InRange(LeftZoomGain, MinZoomGain, MaxZoomGain) && InRange(RightZoomGain, MinZoomGain, MaxZoomGain)
                    && InRange(LeftSeriesOhm, MinSeriesOhm, MaxSeriesOhm) && InRange(RightSeriesOhm, MinSeriesOhm, MaxSeriesOhm)
                    && InRange(LeftZoomZero, -MaxZoomZeroCounts, MaxZoomZeroCounts)
                    && InRange(RightZoomZero, -MaxZoomZeroCounts, MaxZoomZeroCounts);
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

        public double Gain(int channel, bool zoom)
        {
            if (channel == SenseChannel.Left) return zoom ? LeftZoomGain : LeftGain;
            return zoom ? RightZoomGain : RightGain;
        }

        public double SeriesOhm(int channel) { return channel == SenseChannel.Left ? LeftSeriesOhm : RightSeriesOhm; }

        /// <summary>Counts by which the channel's zero rises when zoomed.</summary>
        public double ZoomZero(int channel) { return channel == SenseChannel.Left ? LeftZoomZero : RightZoomZero; }

        /// <summary>
        /// Solves one channel's normal gain and series resistance from the ratios read with two known resistors (r1 ≠ r2):
        /// 1/ratio is linear in 1/Rp, 1/ratio = 1/Gain + (SeriesOhm/Gain) · 1/Rp. False when the readings cannot come from
        /// the model.
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

        /// <summary>The zoomed gain from one known resistor read zoomed, given the channel's series resistance.</summary>
        public static double ZoomGainFrom(double ohm, double zoomRatio, double seriesOhm)
        {
            double u = SenseMath.DividerFraction(ohm, seriesOhm);
            return zoomRatio > 0 && u > 0 ? zoomRatio / u : double.NaN;
        }

        /// <summary>Builds constants for both channels from the three calibration resistors; Validated() decides whether
        /// they are used. Ratios: zoomed with <paramref name="zoomOhm"/>, normal with <paramref name="lowOhm"/> and
        /// <paramref name="highOhm"/>; zoom zeros as measured with the zoom resistor.</summary>
        public static SenseCalibration? FromResistors(double zoomOhm, double lowOhm, double highOhm,
            double leftZoom, double leftLow, double leftHigh, double rightZoom, double rightLow, double rightHigh,
            double leftZoomZero, double rightZoomZero)
        {
            SenseCalibration c = new SenseCalibration();
            c.LeftZoomZero = leftZoomZero;
            c.RightZoomZero = rightZoomZero;
            if (!Solve(lowOhm, leftLow, highOhm, leftHigh, out c.LeftGain, out c.LeftSeriesOhm)) return null;
            if (!Solve(lowOhm, rightLow, highOhm, rightHigh, out c.RightGain, out c.RightSeriesOhm)) return null;
            c.LeftZoomGain = ZoomGainFrom(zoomOhm, leftZoom, c.LeftSeriesOhm);
            c.RightZoomGain = ZoomGainFrom(zoomOhm, rightZoom, c.RightSeriesOhm);
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
