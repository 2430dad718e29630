namespace AmpController.Core.Supervision
{
    /// <summary>
    /// Retry schedule after a fault (S5): the first retry after FirstDelayMs, each failed attempt doubles the wait up
    /// to MaxDelayMs. An attempt costs one I2C transfer when the chip is still away, so even at the cap the bus is
    /// nearly idle; the low cap keeps the liveness promise: once the fault is gone, music returns within 1 s
    /// (one wait of at most 40 ms + the 200 ms power-up window + configure + relay settle + ramp ≈ 350 ms).
    /// </summary>
    public sealed class RecoveryBackoff
    {
        public const int FirstDelayMs = 10;
        public const int MaxDelayMs = 40;

        private int _delayMs = FirstDelayMs;
        private long _nextAttemptMs;
        private int _failedAttempts;

        public int FailedAttempts { get { return _failedAttempts; } }

        public long NextAttemptMs { get { return _nextAttemptMs; } }

        /// <summary>Starts a fresh schedule at a new fault.</summary>
        public void Start(long nowMs)
        {
            _delayMs = FirstDelayMs;
            _failedAttempts = 0;
            _nextAttemptMs = nowMs + _delayMs;
        }

        public bool Due(long nowMs)
        {
            return nowMs >= _nextAttemptMs;
        }

        /// <summary>An attempt failed: wait twice as long (at most MaxDelayMs).</summary>
        public void Failed(long nowMs)
        {
            _failedAttempts++;
            _delayMs = _delayMs * 2 > MaxDelayMs ? MaxDelayMs : _delayMs * 2;
            _nextAttemptMs = nowMs + _delayMs;
        }
    }
}
