namespace AmpController.Core.Control
{
    /// <summary>
    /// The listener's mute across a reboot (issue 19: after a stall or crash reboot the headphone played again at the
    /// safe level although the listener had muted it). Every change of the mute goes to <see cref="IMuteMemory"/>; at
    /// start-up a stored mute is restored on the first insertion (the headphone still in the jack), and forgotten when
    /// the jack turns out to be empty. A removal forgets it like before (S2: a new insertion starts fresh).
    /// </summary>
    public sealed partial class Controller
    {
        private bool _restoreMute;

        /// <summary>True until the first insertion after start-up has taken the stored mute (or the jack was empty).</summary>
        public bool MuteToRestore { get { return _restoreMute; } }

        private void LoadStoredMute()
        {
            _restoreMute = _ports.MuteMemory != null && _ports.MuteMemory.Muted;
        }

        private void SetUserMuted(bool muted)
        {
            _userMuted = muted;
            if (_ports.MuteMemory != null) _ports.MuteMemory.Remember(muted);
        }

        /// <summary>The mute a new measurement starts with: the stored one once after start-up, else not muted.</summary>
        private bool TakeRestoredMute()
        {
            bool muted = _restoreMute;
            _restoreMute = false;
            return muted;
        }

        /// <summary>Unplugged after start-up with the jack empty: the stored mute belonged to a headphone that is gone.</summary>
        private void ForgetStoredMuteIfEmpty()
        {
            if (!_restoreMute || _ports.JackSwitch.Read()) return;
            _restoreMute = false;
            SetUserMuted(false);
        }
    }
}
