using System;

namespace AmpController.Core.Dose
{
    /// <summary>
    /// Weekly sound dose over a 7-day rolling window (docs/design.md §5) kept as 168 hourly buckets of integer millionths
    /// of the allowance, plus the running hour. Closed hours round up (toward warning early). Warns once at 100 %
    /// and again at each further multiple; after the window drops below a multiple it can warn for it again.
    /// <see cref="Update"/> does not allocate: it may run on the control tick.
    /// </summary>
    public sealed class DoseMeter
    {
        public const int WindowHours = 168; // 7 days
        public const long MsPerHour = 3600000;
        public const int PartsPerMillion = 1000000;

        private readonly int[] _hourPpm = new int[WindowHours];
        private int _current;          // index of the running hour's bucket
        private long _hourEndMs;       // when the running hour closes
        private double _currentFraction;
        private long _closedPpm;       // sum of the closed buckets in the window
        private long _lastMs;
        private bool _started;
        private double _cachedLevel = double.NaN;
        private double _cachedPerMs;
        private int _warnedMultiple;
        private long _listeningMs;

        /// <summary>
        /// Adds the exposure since the previous call, at <paramref name="levelDbA"/> held over that interval.
        /// NaN (relay open, muted, nothing plugged) adds nothing. Time only moves forward.
        /// </summary>
        public void Update(long nowMs, double levelDbA)
        {
            if (!_started)
            {
                _started = true;
                _lastMs = nowMs;
                _hourEndMs = nowMs + MsPerHour;
                return;
            }
            if (nowMs <= _lastMs) return;

            double perMs = FractionPerMs(levelDbA);
            if (!double.IsNaN(levelDbA)) _listeningMs += nowMs - _lastMs;
            if (nowMs - _lastMs >= WindowHours * MsPerHour)
            {
                ClearWindow();
                _lastMs = nowMs - (WindowHours - 1) * MsPerHour;
                _hourEndMs = _lastMs + MsPerHour;
            }
            while (nowMs >= _hourEndMs)
            {
                _currentFraction += perMs * (_hourEndMs - _lastMs);
                _lastMs = _hourEndMs;
                CloseHour();
            }
            _currentFraction += perMs * (nowMs - _lastMs);
            _lastMs = nowMs;
        }

        /// <summary>Milliseconds with a level (relay closed, not muted) since this meter started: the write budget's clock.</summary>
        public long ListeningMs
        {
            get { return _listeningMs; }
        }

        /// <summary>Share of the allowance in the running hour (not yet closed into its bucket).</summary>
        public double RunningFraction
        {
            get { return _currentFraction; }
        }

        /// <summary>Share of the weekly allowance used in the last 7 days (1.0 = 100 %).</summary>
        public double WeeklyFraction
        {
            get { return (double)_closedPpm / PartsPerMillion + _currentFraction; }
        }

        /// <summary>Whole multiples of the allowance reached: 0 below 100 %, 1 from 100 %, 2 from 200 % …</summary>
        public int Multiple
        {
            get { return (int)Math.Floor(WeeklyFraction); }
        }

        /// <summary>
        /// True once when a new multiple of the allowance (100 %, 200 % …) is reached; <paramref name="multiple"/>
        /// says which. Call after <see cref="Update"/>.
        /// </summary>
        public bool TakeWarning(out int multiple)
        {
            multiple = Multiple;
            if (multiple < _warnedMultiple) _warnedMultiple = multiple; // the window dropped: warn again later
            if (multiple <= _warnedMultiple) return false;
            _warnedMultiple = multiple;
            return true;
        }

        /// <summary>The closed hour <paramref name="hoursAgo"/> (1 = the hour before the running one), in ppm.</summary>
        public int HourPpm(int hoursAgo)
        {
            if (hoursAgo < 1 || hoursAgo >= WindowHours) return 0;
            return _hourPpm[(_current - hoursAgo + WindowHours) % WindowHours];
        }

        /// <summary>The window as it stands (the running hour rounded up), for the stored record. Allocates nothing.</summary>
        public void Export(DoseState into, long nowMs)
        {
            for (int k = 0; k < DoseState.ClosedHours; k++) into.ClosedPpm[k] = HourPpm(DoseState.ClosedHours - k);
            double running = Math.Ceiling(_currentFraction * PartsPerMillion);
            into.RunningPpm = running >= int.MaxValue ? int.MaxValue : (int)running;
            long elapsed = _started ? MsPerHour - (_hourEndMs - _lastMs) : 0;
            into.RunningElapsedMs = elapsed < 0 ? 0 : elapsed >= MsPerHour ? (int)(MsPerHour - 1) : (int)elapsed;
            into.WarnedMultiple = _warnedMultiple;
        }

        /// <summary>
        /// Starts from a stored window at <paramref name="nowMs"/> (uptime after a reboot): the power-off time counts as no
        /// time at all, so nothing rolls out of the window because the amplifier was off (S13). A multiple already warned
        /// about before the power cut is not warned again.
        /// </summary>
        public void Restore(DoseState from, long nowMs)
        {
            _closedPpm = 0;
            for (int k = 0; k < DoseState.ClosedHours; k++)
            {
                int ppm = from.ClosedPpm[k] < 0 ? 0 : from.ClosedPpm[k];
                _hourPpm[k] = ppm;
                _closedPpm += ppm;
            }
            _current = DoseState.ClosedHours;
            _hourPpm[_current] = 0;
            _currentFraction = (from.RunningPpm < 0 ? 0 : from.RunningPpm) / (double)PartsPerMillion;
            _started = true;
            _lastMs = nowMs;
            _hourEndMs = nowMs + MsPerHour - from.RunningElapsedMs;
            _warnedMultiple = from.WarnedMultiple < 0 ? 0 : from.WarnedMultiple;
        }

        private double FractionPerMs(double levelDbA)
        {
            if (double.IsNaN(levelDbA)) return 0.0;
            if (levelDbA != _cachedLevel)
            {
                _cachedLevel = levelDbA;
                _cachedPerMs = DoseMath.FractionPerSecond(levelDbA) / 1000.0;
            }
            return _cachedPerMs;
        }

        private void CloseHour()
        {
            double ppm = Math.Ceiling(_currentFraction * PartsPerMillion);
            int closed = ppm >= int.MaxValue ? int.MaxValue : (int)ppm;
            _hourPpm[_current] = closed;
            _closedPpm += closed;
            _current = (_current + 1) % WindowHours;
            _closedPpm -= _hourPpm[_current]; // this bucket leaves the window and becomes the running hour
            _hourPpm[_current] = 0;
            _currentFraction = 0.0;
            _hourEndMs += MsPerHour;
        }

        private void ClearWindow()
        {
            for (int i = 0; i < WindowHours; i++) _hourPpm[i] = 0;
            _closedPpm = 0;
            _currentFraction = 0.0;
        }
    }
}
