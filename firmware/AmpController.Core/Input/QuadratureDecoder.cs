using System.Threading;

namespace AmpController.Core.Input
{
    /// <summary>
    /// Rotary encoder decoder for a full-cycle encoder (one Gray-code cycle per detent, resting with A and B high:
    /// common EC11-type encoders with pull-ups). Every valid transition counts ±1; an invalid double change counts 0.
    /// A detent is reported only when the contacts come back to the rest state with at least half a cycle counted in
    /// one direction, so contact bounce (back-and-forth transitions) nets out: exactly one step per detent (S11).
    /// Sample() may run from a faster timer than the control tick; TakeDetents() hands the sum over atomically.
    /// </summary>
    public sealed class QuadratureDecoder
    {
        /// <summary>Both contacts open (high with pull-ups): the detent rest position.</summary>
        public const int RestState = 3;

        /// <summary>Transitions needed in one direction to accept a detent: half of the 4-transition cycle.</summary>
        public const int AcceptTransitions = 2;

        // Index (previous << 2 | current) with state = A << 1 | B. +1 for A leading B (clockwise, louder).
        // An instance field: built with the decoder, so the first turn does not allocate inside the tick.
        private readonly int[] _transitionTable = { 0, -1, 1, 0, 1, 0, 0, -1, -1, 0, 0, 1, 0, 1, -1, 0 };

        private int _previous = RestState;
        private int _transitions;
        private int _pendingDetents;

        /// <summary>Feeds one sample of both contacts (true = high).</summary>
        public void Sample(bool a, bool b)
        {
            int current = (a ? 2 : 0) | (b ? 1 : 0);
            if (current == _previous) return;
            _transitions += _transitionTable[(_previous << 2) | current];
            _previous = current;
            if (current != RestState) return;
            if (_transitions >= AcceptTransitions) Interlocked.Increment(ref _pendingDetents);
            else if (_transitions <= -AcceptTransitions) Interlocked.Decrement(ref _pendingDetents);
            _transitions = 0;
        }

        /// <summary>Detents since the last call: positive = louder.</summary>
        public int TakeDetents()
        {
            return Interlocked.Exchange(ref _pendingDetents, 0);
        }
    }
}
