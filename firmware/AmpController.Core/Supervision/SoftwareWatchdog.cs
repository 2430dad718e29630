using System.Threading;

namespace AmpController.Core.Supervision
{
    /// <summary>
    /// S8: the control tick checks in; a monitor (an ESP32 timer thread, or the simulator) calls Check() once per
    /// <see cref="PeriodMs"/>. A period without a single check-in means the loop has stalled: the monitor reboots
    /// the device (ESP32: Power.RebootDevice) and the normally-open output relay with its pull-down drops out.
    /// A counter instead of a timestamp: a 64-bit time is not written atomically on the 32-bit ESP32.
    /// </summary>
    public sealed class SoftwareWatchdog
    {
        /// <summary>Monitor period: 50 control ticks (10 ms each); a healthy loop checks in ~50 times per period.</summary>
        public const int DefaultPeriodMs = 500;

        private readonly int _periodMs;
        private int _checkIns;
        private int _seenAtLastCheck;
        private bool _tripped;

        public SoftwareWatchdog() : this(DefaultPeriodMs) { }

        public SoftwareWatchdog(int periodMs)
        {
            _periodMs = periodMs;
        }

        public int PeriodMs { get { return _periodMs; } }

        public bool Tripped { get { return _tripped; } }

        /// <summary>Called by the control tick.</summary>
        public void CheckIn()
        {
            Interlocked.Increment(ref _checkIns);
        }

        /// <summary>Called by the monitor every PeriodMs. True (and latched) when no check-in happened since the last call.</summary>
        public bool Check()
        {
            int now = Interlocked.CompareExchange(ref _checkIns, 0, 0);
            if (now == _seenAtLastCheck) _tripped = true;
            _seenAtLastCheck = now;
            return _tripped;
        }
    }
}
