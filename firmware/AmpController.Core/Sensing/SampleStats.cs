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
        /// Mean of the first <paramref name="count"/> values after rejecting outliers: sorts in place, estimates the
        /// spread from the interquartile range (IQR / 1.349 = σ for Gaussian noise) and averages the samples within
        /// ±4 spreads of the median. Up to a quarter of the samples may be spikes at either end.
        /// </summary>
        public static double RobustMean(int[] values, int count)
        {
            if (count <= 0) return double.NaN;
            Sort(values, count);
            double median = (count & 1) == 1 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2.0;
            double spread = (values[(3 * count) / 4] - values[count / 4]) / 1.349;
            if (spread < MinSpreadLsb) spread = MinSpreadLsb;
            double lo = median - RejectSpreads * spread;
            double hi = median + RejectSpreads * spread;
            long sum = 0;
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                int v = values[i];
                if (v < lo || v > hi) continue;
                sum += v;
                n++;
            }
            return n == 0 ? median : (double)sum / n;
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
