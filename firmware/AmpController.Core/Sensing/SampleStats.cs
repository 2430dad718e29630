namespace AmpController.Core.Sensing
{
    /// <summary>Robust averaging of ADC windows without allocation.</summary>
    public static class SampleStats
    {
        /// <summary>Samples further than this many spreads from the median are spikes (Gaussian noise: 1 in 15 000).</summary>
        public const double RejectSpreads = 4.0;

        /// <summary>The spread never counts as less than one LSB (a quiet converter still quantises).</summary>
        public const double MinSpreadLsb = 1.0;

        /// <summary>
        /// A window is clean when at least half of its samples lie in the trusted codes, at most a quarter of those were
        /// rejected as spikes — then the median and quartiles lie in the undisturbed cluster — and its spread is no more
        /// than this: the converter's noise is at most 3.5 LSB rms (docs/design.md §5), a quartile estimate from a short
        /// window may read half as much again, and a plug whose contact chatters spreads far wider.
        /// </summary>
        public const double MaxCleanSpreadLsb = 8.0;

        /// <summary>
        /// Mean of the first <paramref name="count"/> values after rejecting outliers: sorts in place, estimates the
        /// spread from the interquartile range (IQR / 1.349 = σ for Gaussian noise) and averages the samples within
        /// ±4 spreads of the median. Up to a quarter of the samples may be spikes at either end.
        /// </summary>
        public static double RobustMean(int[] values, int count)
        {
            int used, inRange;
            double spread;
            return CleanMean(values, count, int.MinValue, int.MaxValue, out inRange, out used, out spread);
        }

        /// <summary>
        /// <see cref="RobustMean"/> over the samples within [<paramref name="minCode"/>, <paramref name="maxCode"/>] only
        /// (codes outside come from the ADC's non-linear ends or are clipped: never trusted). Reports how many samples the
        /// mean used and the spread in LSB (+∞ when none was usable). Reorders the first <paramref name="count"/> values.
        /// </summary>
        public static double CleanMean(int[] values, int count, int minCode, int maxCode, out int inRange, out int used,
            out double spread)
        {
            used = 0;
            spread = double.PositiveInfinity;
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                int v = values[i];
                if (v >= minCode && v <= maxCode) values[n++] = v;
            }
            inRange = n;
            if (n == 0) return double.NaN;
            Sort(values, n);
            double median = (n & 1) == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
            spread = (values[(3 * n) / 4] - values[n / 4]) / 1.349;
            if (spread < MinSpreadLsb) spread = MinSpreadLsb;
            double lo = median - RejectSpreads * spread;
            double hi = median + RejectSpreads * spread;
            long sum = 0;
            for (int i = 0; i < n; i++)
            {
                int v = values[i];
                if (v < lo || v > hi) continue;
                sum += v;
                used++;
            }
            return used == 0 ? median : (double)sum / used;
        }

        /// <summary>True when a window of <paramref name="count"/> samples is clean (see <see cref="MaxCleanSpreadLsb"/>).</summary>
        public static bool IsClean(int count, int inRange, int used, double spread)
        {
            return count > 0 && inRange * 2 >= count && used * 4 >= inRange * 3 && spread <= MaxCleanSpreadLsb;
        }

        /// <summary>Insertion sort of the first <paramref name="count"/> values (small windows, no allocation).</summary>
        public static void Sort(int[] values, int count)
        {
            for (int i = 1; i < count; i++)
            {
                int v = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > v)
                {
                    values[j + 1] = values[j];
                    j--;
                }
                values[j + 1] = v;
            }
        }
    }
}
