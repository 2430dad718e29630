using AmpController.Core.Devices;

namespace AmpController.Core.Control
{
    /// <summary>
    /// Service procedures (the console's selftest and calibrate, issue 15): the controller hands the hardware over and
    /// takes it back. Called between ticks (the console runs there), never from inside one.
    /// </summary>
    public sealed partial class Controller
    {
        private bool _parked;
        private bool _parkedFromSafeMode;

        /// <summary>True while a service procedure owns the relays, the chips and the sense circuit.</summary>
        public bool Parked { get { return _parked; } }

        /// <summary>
        /// Parks: the output relay open, the sense relay open and the attenuator muted now; until <see cref="Unpark"/>
        /// the tick only checks in with the watchdog (S8) and writes nothing else, encoder, button and console requests
        /// are dropped. The bus results are not judged here: the procedure checks the chips itself and the safe start
        /// after it re-initialises them (S1).
        /// </summary>
        public void Park()
        {
            if (_parked) return;
            _parkedFromSafeMode = _state == ControllerState.SafeMode;
            OpenRelay();
            _sensor.Stop();
            _switches.SetSenseRelay(false);
            Mute();
            _hasDecision = false;
            _resumePlayback = false;
            ForgetProfile();
            _requestedSteps = 0;
            _muteRequest = NoMuteRequest;
            _reevaluateRequested = false;
            _parked = true;
        }

        /// <summary>
        /// Takes the hardware back: the relay opened again and the controller restarts from its safe start, chips
        /// initialised and read back before anything else (S1), a plugged headphone measured as a new insertion (S2);
        /// back to safe mode when it was parked from there (S8).
        /// </summary>
        public void Unpark()
        {
            if (!_parked) return;
            _parked = false;
            OpenRelay();
            long now = _ports.Clock.NowMs;
            _jackOutSeen = false;
            _jack.Reset(false, now);
            if (_parkedFromSafeMode)
            {
                EnterSafeMode();
                return;
            }
            SetState(ControllerState.SafeStart, now - ControllerTiming.PowerOnSettleMs);
        }

        /// <summary>
        /// True when nothing is under way that changes what the console would show: no request waiting, no measurement,
        /// configuration or ramp (for the console's "now: ..." line after a command).
        /// </summary>
        public bool Settled
        {
            get
            {
                if (_requestedSteps != 0 || _muteRequest != NoMuteRequest || _reevaluateRequested) return false;
                switch (_state)
                {
                    case ControllerState.Unplugged:
                    case ControllerState.NoLoad:
                    case ControllerState.SafeMode:
                    case ControllerState.Fault:
                    case ControllerState.Recovering:
                        return true;
                    case ControllerState.Playing:
                        return _userMuted || _levelDb == _targetDb;
                    default:
                        return false;
                }
            }
        }
    }
}
