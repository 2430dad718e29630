namespace AmpController.Core.Service
{
    /// <summary>
    /// How long the control loop's work took per period (tick, flash write, console), measured by the loop with the
    /// injected clock (the device's Environment.TickCount64: whole milliseconds). Records the longest, the mean and the
    /// periods that overran the 10 ms period, for selftest's "control tick" row. No allocation.
    /// </summary>
    public sealed class LoopTiming
    {
        private long _count;
        private long _totalMs;

        public long Periods { get { return _count; } }
        public long MaxMs { get; private set; }
        public long Overruns { get; private set; }

        /// <summary>Mean work per period in milliseconds (0 before the first).</summary>
        public double MeanMs { get { return _count == 0 ? 0.0 : (double)_totalMs / _count; } }

        public void Record(long startMs, long endMs, int periodMs)
        {
            long took = endMs - startMs;
            if (took < 0) took = 0;
            _count++;
            _totalMs += took;
            if (took > MaxMs) MaxMs = took;
            if (took > periodMs) Overruns++;
        }
    }
}
