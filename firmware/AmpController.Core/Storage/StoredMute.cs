using AmpController.Core.Control;

namespace AmpController.Core.Storage
{
    /// <summary>
    /// The listener's mute, kept with the stored settings (issue 19; S9: two copies with CRC, SettingsStore). The tick
    /// only records a change (<see cref="Remember"/>, no allocation, no flash); the main loop calls <see cref="Flush"/>
    /// between ticks, which writes one settings record when the mute differs from the stored one: one flash write per
    /// mute toggle, one when a muted headphone is pulled out, none while nothing changes. A mute write keeps the
    /// newest SAVED settings (unsaved console edits stay unsaved) and sets the live settings' flag, so a later console
    /// 'save' carries the current mute.
    /// </summary>
    public sealed class StoredMute : IMuteMemory
    {
        private readonly SettingsStore _store;
        private readonly Settings _live;
        private bool _muted;
        private bool _stored;

        /// <param name="live">The settings loaded at start-up (their UserMuted is what the previous run stored).</param>
        public StoredMute(SettingsStore store, Settings live)
        {
            _store = store;
            _live = live;
            _muted = live.UserMuted;
            _stored = live.UserMuted;
        }

        public bool Muted { get { return _muted; } }

        /// <summary>Flash writes made (each one settings record to the older copy).</summary>
        public int Writes { get; private set; }

        /// <summary>Writes that failed (the previous copy is kept; S9).</summary>
        public int FailedWrites { get; private set; }

        public void Remember(bool muted)
        {
            _muted = muted;
            _live.SetUserMuted(muted);
        }

        /// <summary>Writes the mute when it differs from the stored one. Between ticks only: it allocates and blocks.</summary>
        public void Flush()
        {
            if (_muted == _stored) return;
            _stored = _muted; // a failed write is not retried every loop: the flash may be worn or full
            Writes++;
            if (!_store.SaveUserMuted(_muted)) FailedWrites++;
        }
    }
}
