namespace AmpController.Core.Control
{
    /// <summary>
    /// Requests from outside the control loop (the serial console, docs/design.md §4 S10). They are only recorded here and
    /// taken by the next <see cref="Tick"/>, which runs them through the same paths as the encoder and the mute
    /// button: so a console step never goes past the cap (S4, S11) and nothing touches the bus outside the tick.
    /// </summary>
    public sealed partial class Controller
    {
        private const int NoMuteRequest = 0;
        private const int MuteRequested = 1;
        private const int UnmuteRequested = 2;

        private int _requestedSteps;
        private int _muteRequest = NoMuteRequest;
        private bool _reevaluateRequested;

        /// <summary>Moves the user level by whole 1 dB steps (+ louder) at the next tick, like encoder detents.</summary>
        public void RequestVolumeSteps(int steps)
        {
            _requestedSteps += steps;
        }

        /// <summary>Mutes (true) or un-mutes (false) at the next tick, like the mute button; no-op when already so.</summary>
        public void RequestMute(bool muted)
        {
            _muteRequest = muted ? MuteRequested : UnmuteRequested;
        }

        /// <summary>
        /// The policy's settings changed (limit, safe default, profiles): a connected headphone is measured and decided
        /// again, coming back up at the safe level like a new insertion (S2), so a lowered limit holds at once (S4).
        /// </summary>
        public void RequestReevaluation()
        {
            _reevaluateRequested = true;
        }

        private int TakeRequestedSteps()
        {
            int steps = _requestedSteps;
            _requestedSteps = 0;
            return steps;
        }

        /// <summary>True when a mute request asks for the other state than the present one (a button press toggles).</summary>
        private bool TakeMuteToggle()
        {
            int request = _muteRequest;
            _muteRequest = NoMuteRequest;
            if (request == NoMuteRequest) return false;
            return (request == MuteRequested) != _userMuted;
        }

        private ControllerPhase OnReevaluation()
        {
            if (!_reevaluateRequested) return _phase;
            _reevaluateRequested = false;
            return IsInserted(_phase) && _phase != ControllerPhase.Measuring ? ControllerPhase.Measuring : _phase;
        }
    }
}
