namespace AmpController.Core.Sensing
{
    /// <summary>Robust averaging of short ADC windows (4–12 samples) without allocation.</summary>
    public static class SampleStats
    {
        /// <summary>Samples further than this many spreads from the median are spikes (Gaussian noise: 1 in 15 000).</summary>
        public const double RejectSpreads = 4.0;

        /// <summary>
        /// The spread never counts as less than this: an estimate from 4–12 samples can read far below the converter's
        /// noise by chance, and good samples must not be thrown out as spikes then.
        /// </summary>
        public const double MinSpreadLsb = 2.5;

        /// <summary>
        /// A window is clean when at least half of its samples lie in the trusted codes, at most a quarter of those were
        /// rejected as spikes, and, for a zero, its spread is no more than this: the converter's noise is at most 3.5 LSB
        /// rms (docs/design.md §5) and the estimate from four samples exceeds 12 LSB less than once in 5000 windows.
        /// </summary>
        public const double MaxCleanSpreadLsb = 12.0;

        /// <summary>σ of Gaussian noise per unit of median absolute deviation.</summary>
        const double MadToSigma = 1.4826;

        /// <summary>
        /// Mean of the first <paramref name="count"/> values after rejecting what cannot be trusted: codes outside
        /// [<paramref name="minCode"/>, <paramref name="maxCode"/>] (the ADC's non-linear ends, clipped codes) never count;
        /// of the rest, those further than 4 spreads from the median are spikes. The spread is the median absolute
        /// deviation scaled to σ, which one spike in four samples cannot move (an interquartile range can).
        /// Reports how many samples were in range and how many the mean used, and the spread in LSB (+∞ when no sample
        /// was in range). Reorders the values; <paramref name="scratch"/> holds at least <paramref name="count"/> ints.
        /// </summary>
        public static double CleanMean(int[] values, int count, int minCode, int maxCode, int[] scratch,
            out int inRange, out int used, out double spread)
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
            int twiceMedian = TwiceMedian(values, n);
            for (int i = 0; i < n; i++)
            {
                int d = 2 * values[i] - twiceMedian;
                scratch[i] = d < 0 ? -d : d;
            }
            Sort(scratch, n);
            spread = MadToSigma * TwiceMedian(scratch, n) / 4.0; // both medians are doubled
            if (spread < MinSpreadLsb) spread = MinSpreadLsb;
            double median = twiceMedian / 2.0;
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

        /// <summary>Twice the median of sorted values (an integer either way).</summary>
        static int TwiceMedian(int[] sorted, int n)
        {
            return (n & 1) == 1 ? 2 * sorted[n / 2] : sorted[n / 2 - 1] + sorted[n / 2];
        }
    }
}
