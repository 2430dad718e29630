using AmpController.Core.Input;
using AmpController.Core.Platform;

namespace AmpController.Core.Control
{
    /// <summary>
    /// What the real runtime asks of the tick (docs/design.md §3a, issue 13): the hardware watchdog is fed once per tick
    /// (S8: a runtime that hangs stops feeding and the board drops the output relay's coil supply by itself), and the
    /// encoder comes from the hardware pulse counter read once per tick instead of a fast sampling timer.
    /// </summary>
    public sealed partial class Controller
    {
        private readonly DetentCounter _detentCounter = new DetentCounter();
        private long _lastFedMs = -1;
        private long _jackEdges;
        private bool _jackEdgesSeen;

        /// <summary>
        /// Called before the feed. After a gap longer than <see cref="ControllerTiming.FeedGapMs"/> since the last feed (a
        /// blocking I2C transfer, a hang, a stalled loop) the hardware watchdog may have dropped K1's coil supply, and this
        /// feed would close K1 again by itself onto whatever the attenuator holds (S1/S2: no pop, no old level). So the
        /// relay pin is driven open first; true = the output was closed: the tick enters the fault path (S5), which comes
        /// back through a muted attenuator, the relay and the ramp, at the safe level.
        /// </summary>
        private bool CutOutputAfterFeedGap(long now)
        {
            if (_ports.WatchdogFeed == null) return false;
            bool gap = _lastFedMs >= 0 && now - _lastFedMs > ControllerTiming.FeedGapMs;
            _lastFedMs = now;
            if (!gap || !_output.RelayClosed) return false;
            _output.Open(now);
            return true;
        }

        /// <summary>One rising edge per tick on the feed pin (the board's monostable retriggers on it).</summary>
        private void FeedHardwareWatchdog()
        {
            IWatchdogFeed? feed = _ports.WatchdogFeed;
            if (feed != null) feed.Pulse();
        }

        /// <summary>Detents since the last tick: from the pulse counter when the board has one, else the sampled decoder.</summary>
        private int TakeEncoderDetents()
        {
            IPulseCounter? counter = _ports.EncoderCounter;
            if (counter == null) return _encoder.TakeDetents();
            return _detentCounter.Take(counter.ReadCount());
        }

        /// <summary>
        /// True when the jack switch moved since the last tick although the tick reads it closed now: the plug was pulled
        /// and put back (or is still sliding in) between two reads, which a 10–20 ms tick, a blocking I2C transfer or a
        /// hang can all hide; only the hardware interlock knew (S2). Counted by a pulse counter on the jack pin, which runs
        /// whatever the interpreter does. Taken as a removal: the load is measured again before the relay closes (S7).
        /// </summary>
        private bool JackMovedUnseen()
        {
            IPulseCounter? edges = _ports.JackEdges;
            if (edges == null) return false;
            long count = edges.ReadCount();
            bool moved = _jackEdgesSeen && count != _jackEdges;
            _jackEdges = count;
            _jackEdgesSeen = true;
            return moved;
        }
    }
}
