namespace AmpController.Core.Dose
{
    /// <summary>
    /// What survives a power cut of the sound dose (S13): the 167 closed hours of the 7-day window (oldest first, in
    /// millionths of the weekly allowance, rounded up), the running hour's share and how far it has run, and the last
    /// multiple of the allowance warned about. Time is uptime: a power-off adds no hours, so it never lets the window
    /// roll past exposure (docs/design.md §4 S13: no clock, conservative).
    /// </summary>
    public sealed class DoseState
    {
        public const int ClosedHours = DoseMeter.WindowHours - 1;

        /// <summary>ClosedPpm[0] closed 167 hours ago … ClosedPpm[166] is the hour before the running one.</summary>
        public readonly int[] ClosedPpm = new int[ClosedHours];
        public int RunningPpm;
        public int RunningElapsedMs;
        public int WarnedMultiple;

        public void CopyFrom(DoseState other)
        {
            for (int i = 0; i < ClosedHours; i++) ClosedPpm[i] = other.ClosedPpm[i];
            RunningPpm = other.RunningPpm;
            RunningElapsedMs = other.RunningElapsedMs;
            WarnedMultiple = other.WarnedMultiple;
        }

        public void Clear()
        {
            for (int i = 0; i < ClosedHours; i++) ClosedPpm[i] = 0;
            RunningPpm = 0;
            RunningElapsedMs = 0;
            WarnedMultiple = 0;
        }

        /// <summary>The window's share in ppm (saturating, never wraps to a lower value).</summary>
        public long TotalPpm
        {
            get
            {
                long sum = RunningPpm;
                for (int i = 0; i < ClosedHours; i++) sum += ClosedPpm[i];
                return sum;
            }
        }
    }
}
