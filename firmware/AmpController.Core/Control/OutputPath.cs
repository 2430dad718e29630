using AmpController.Core.Devices;
using AmpController.Core.Platform;

namespace AmpController.Core.Control
{
    /// <summary>
    /// The signal path from the attenuator to the jack, and the only code that writes the output relay, the attenuator's
    /// mute and levels, the gain relays and the sense relay (issue 17). It enforces the rules on those writes in one place
    /// and refuses (Rejected, nothing written) whatever would break them:
    /// - S3: the gain relays switch only with the output relay open and the attenuator muted, and only once the output
    ///   relay has had <see cref="ControllerTiming.RelaySwitchMs"/> to release since it was opened;
    /// - S3: the output relay closes only onto a muted attenuator, with the sense relay open, a known gain and at least
    ///   <see cref="ControllerTiming.RelaySwitchMs"/> after the gain relays last switched (they have settled);
    /// - the sense relay (test source to the jack) closes only with the output relay open;
    /// - S4: no level above the decision's cap is ever written (a higher request is written at the cap).
    /// What it believes about the hardware is what the last successful write left; a failed write leaves "unknown"
    /// (the fault path then forgets it all: <see cref="Forget"/>).
    /// </summary>
    public sealed class OutputPath
    {
        private readonly IDigitalOutput _relay;
        private readonly IVolumeChip _volume;
        private readonly IBoardSwitches _switches;
        private readonly GainDecision _limits;

        private bool _relayClosed;
        private long _relayOpenedAtMs;
        private bool _chipMuted;
        private int _levelDb;
        private int _gainStep = -1;
        private long _gainSwitchedAtMs;
        private bool _senseClosed;

        /// <param name="limits">The decision in force; its CapDb bounds every level write (S4).</param>
        public OutputPath(IDigitalOutput relay, IVolumeChip volume, IBoardSwitches switches, GainDecision limits, long nowMs)
        {
            _relay = relay;
            _volume = volume;
            _switches = switches;
            _limits = limits;
            _senseClosed = true; // unknown until the expander is initialised: treated as closed
            Open(nowMs);
        }

        /// <summary>What the controller last wrote to the relay pin (the sampler may have cut it since, see <see cref="Cut"/>).</summary>
        public bool RelayClosed { get { return _relayClosed; } }

        /// <summary>True when the last mute write succeeded and nothing has un-muted the attenuator since.</summary>
        public bool ChipMuted { get { return _chipMuted; } }

        /// <summary>Attenuator level last written (meaningless while the chip is muted).</summary>
        public int LevelDb { get { return _levelDb; } }

        /// <summary>The gain step the gain relays are known to be at, or −1 when unknown.</summary>
        public int GainStep { get { return _gainStep; } }

        /// <summary>
        /// From the fast input sampler (a timer on the ESP32): drives the pin open at once, without touching what this
        /// class believes, so it is safe between two writes of the tick; the tick's next <see cref="Open"/> records it.
        /// </summary>
        public void Cut()
        {
            if (_relayClosed) _relay.Write(false);
        }

        public void Open(long nowMs)
        {
            _relay.Write(false);
            if (_relayClosed || _relayOpenedAtMs == 0) _relayOpenedAtMs = nowMs;
            _relayClosed = false;
        }

        /// <summary>S3 / S1: closes only onto a muted attenuator, a known and settled gain and an open sense relay.</summary>
        public DeviceStatus Close(long nowMs)
        {
            if (_relayClosed) return DeviceStatus.Ok;
            if (!_chipMuted || _senseClosed || _gainStep < 0) return DeviceStatus.Rejected;
            if (nowMs - _gainSwitchedAtMs < ControllerTiming.RelaySwitchMs) return DeviceStatus.Rejected;
            _relay.Write(true);
            _relayClosed = true;
            return DeviceStatus.Ok;
        }

        public DeviceStatus Mute()
        {
            DeviceStatus st = _volume.Mute();
            _chipMuted = st == DeviceStatus.Ok;
            return st;
        }

        /// <summary>S4: the only write that un-mutes the attenuator, never above the cap however it is asked.</summary>
        public DeviceStatus SetLevel(int db)
        {
            if (db > _limits.CapDb) db = _limits.CapDb;
            DeviceStatus st = _volume.SetLevels(db, db);
            if (st != DeviceStatus.Ok) return st;
            _chipMuted = false;
            _levelDb = db;
            return DeviceStatus.Ok;
        }

        /// <summary>S3: another gain only with the relay open (and released) and the attenuator muted.</summary>
        public DeviceStatus SetGainStep(int step, long nowMs)
        {
            if (_relayClosed || !_chipMuted) return DeviceStatus.Rejected;
            if (step == _gainStep) return DeviceStatus.Ok;
            if (nowMs - _relayOpenedAtMs < ControllerTiming.RelaySwitchMs) return DeviceStatus.Rejected;
            DeviceStatus st = _switches.SetGainStep(step);
            _gainStep = st == DeviceStatus.Ok ? step : -1;
            _gainSwitchedAtMs = nowMs;
            return st;
        }

        /// <summary>The test source reaches the jack only while the output relay is open (IImpedanceSensor contract).</summary>
        public DeviceStatus SetSenseRelay(bool closed)
        {
            if (closed && _relayClosed) return DeviceStatus.Rejected;
            if (closed) _senseClosed = true;
            DeviceStatus st = _switches.SetSenseRelay(closed);
            if (!closed && st == DeviceStatus.Ok) _senseClosed = false;
            return st;
        }

        /// <summary>
        /// Both chips to their initial state (attenuator muted, lowest gain, sense relay open, LEDs off), confirmed by
        /// readback (S1). Only with the relay open: the expander's initialisation may move the gain relays.
        /// </summary>
        public DeviceStatus Initialize(long nowMs)
        {
            Forget();
            if (_relayClosed) return DeviceStatus.Rejected;
            _gainSwitchedAtMs = nowMs;
            DeviceStatus st = _volume.Initialize();
            if (st == DeviceStatus.Ok) st = _switches.Initialize();
            if (st == DeviceStatus.Ok) st = Verify();
            if (st != DeviceStatus.Ok) return st;
            _chipMuted = true;
            _senseClosed = false;
            _gainStep = 0; // IBoardSwitches.Initialize leaves the lowest gain selected
            return DeviceStatus.Ok;
        }

        /// <summary>Readback of both chips (DS1882, TCA9534), or the PT2258's refresh (S5, S6).</summary>
        public DeviceStatus Verify()
        {
            DeviceStatus st = _volume.Verify();
            if (st == DeviceStatus.Ok) st = _switches.Verify();
            return st;
        }

        /// <summary>The fault path (S5): the chip is muted as far as it answers; what the chips hold is unknown now.</summary>
        public void MuteBestEffort()
        {
            _volume.Mute(); // the open relay already protects the listener
            Forget();
        }

        private void Forget()
        {
            _chipMuted = false;
            _gainStep = -1;
            _senseClosed = true;
        }
    }
}
