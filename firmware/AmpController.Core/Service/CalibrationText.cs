using System;
using AmpController.Core.Sensing;

namespace AmpController.Core.Service
{
    /// <summary>How `calibrate` reports constants and residual errors.</summary>
    public static class CalibrationText
    {
        /// <summary>E.g. "left K 1.0012, K_zoom 4.9871, R_ser 240.61 ohm, Z 1.30 counts; right ...".</summary>
        public static string Constants(SenseCalibration c)
        {
            return "left " + Channel(c, SenseChannel.Left) + "; right " + Channel(c, SenseChannel.Right);
        }

        public static string Limits()
        {
            return "K " + SenseCalibration.MinGain.ToString("F2") + ".." + SenseCalibration.MaxGain.ToString("F2")
                + ", K_zoom " + SenseCalibration.MinZoomGain.ToString("F2") + ".." + SenseCalibration.MaxZoomGain.ToString("F2")
                + ", R_ser " + SenseCalibration.MinSeriesOhm.ToString("F0") + ".." + SenseCalibration.MaxSeriesOhm.ToString("F0")
                + " ohm, |Z| <= " + SenseCalibration.MaxZoomZeroCounts.ToString("F0") + " counts";
        }

        /// <summary>True when <paramref name="a"/> equals <paramref name="b"/> to the store's resolution (ppm, mΩ, milli-counts).</summary>
        public static bool Same(SenseCalibration a, SenseCalibration b)
        {
            for (int ch = 0; ch < 2; ch++)
            {
                if (Math.Abs(a.Gain(ch, false) - b.Gain(ch, false)) > 1e-6 || Math.Abs(a.Gain(ch, true) - b.Gain(ch, true)) > 1e-6
                    || Math.Abs(a.SeriesOhm(ch) - b.SeriesOhm(ch)) > 1e-3 || Math.Abs(a.ZoomZero(ch) - b.ZoomZero(ch)) > 1e-3)
                    return false;
            }
            return true;
        }

        /// <summary>
        /// Every reading taken, turned into ohms through the new constants and compared with its plug's value: per plug the
        /// largest and the mean error of both channels. The fit is exact for the averages, so this is the readings' scatter.
        /// </summary>
        public static string Residuals(SenseCalibration c, double[] ratios, int readings, double[] plugOhms)
        {
            string text = "residual error of the " + (2 * readings).ToString() + " readings per plug:";
            for (int step = 0; step < plugOhms.Length; step++)
            {
                bool zoom = step == SenseCalibrationRun.StepZoom;
                double worst = 0, sum = 0;
                for (int r = 0; r < readings; r++)
                    for (int ch = 0; ch < 2; ch++)
                    {
                        double ohm = SenseMath.OhmFromRatio(ratios[(step * readings + r) * 2 + ch], c.Gain(ch, zoom), c.SeriesOhm(ch));
                        double error = (ohm / plugOhms[step] - 1.0) * 100.0;
                        sum += error;
                        if (Math.Abs(error) > Math.Abs(worst)) worst = error;
                    }
                text += (step == 0 ? " " : ", ") + plugOhms[step].ToString("F0") + " ohm worst " + Signed(worst)
                    + " % mean " + Signed(sum / (2 * readings)) + " %";
            }
            return text;
        }

        private static string Channel(SenseCalibration c, int ch)
        {
            return "K " + c.Gain(ch, false).ToString("F4") + ", K_zoom " + c.Gain(ch, true).ToString("F4") + ", R_ser "
                + c.SeriesOhm(ch).ToString("F2") + " ohm, Z " + c.ZoomZero(ch).ToString("F2") + " counts";
        }

        private static string Signed(double v)
        {
            return (v >= 0 ? "+" : "") + v.ToString("F2");
        }
    }
}
