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
            _parkedFromSafeMode = _phase == ControllerPhase.SafeMode;
            _output.Open(_ports.Clock.NowMs);
            _sensor.Stop();
            _output.SetSenseRelay(false);
            _output.Mute();
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
            long now = _ports.Clock.NowMs;
            _output.Open(now);
            _jackOutSeen = false;
            _jack.Reset(false, now);
            // Parked is outside the transition table: the hardware is in the safe state SafeMode stands for, and
            // SafeMode -> SafeStart is the listed way back (as LeaveSafeMode goes).
            _phase = ControllerPhase.SafeMode;
            _phaseSinceMs = now;
            if (!_parkedFromSafeMode) Go(ControllerPhase.SafeStart, now);
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
                switch (State)
                {
                    case ControllerState.Unplugged:
                    case ControllerState.NoLoad:
                    case ControllerState.SafeMode:
                    case ControllerState.Fault:
                    case ControllerState.Recovering:
                        return true;
                    case ControllerState.Playing:
                        return _userMuted || _output.LevelDb == _userLevelDb;
                    default:
                        return false;
                }
            }
        }
    }
}
