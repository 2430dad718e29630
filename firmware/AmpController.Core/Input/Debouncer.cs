namespace AmpController.Core.Input
{
    /// <summary>
    /// Accepts a new level of a polled contact only after it has read the same for <see cref="StableMs"/>.
    /// Used for insertion (jack switch) and the push button; removal is NOT debounced (S2: mute within one tick).
    /// </summary>
    public sealed class Debouncer
    {
        private readonly int _stableMs;
        private bool _stable;
        private bool _candidate;
        private long _candidateSinceMs;

        public Debouncer(int stableMs, bool initial)
        {
            _stableMs = stableMs;
            _stable = initial;
            _candidate = initial;
        }

        public int StableMs { get { return _stableMs; } }

        /// <summary>The debounced level.</summary>
        public bool Value { get { return _stable; } }

        /// <summary>Feeds one raw sample; returns true when the debounced level changed with this sample.</summary>
        public bool Update(bool raw, long nowMs)
        {
            if (raw != _candidate)
            {
                _candidate = raw;
                _candidateSinceMs = nowMs;
            }
            if (_candidate != _stable && nowMs - _candidateSinceMs >= _stableMs)
            {
                _stable = _candidate;
                return true;
            }
            return false;
        }

        /// <summary>Forces the level (e.g. removal seen raw: no debounce on the way out).</summary>
        public void Reset(bool level, long nowMs)
        {
            _stable = level;
            _candidate = level;
            _candidateSinceMs = nowMs;
        }
    }
}
