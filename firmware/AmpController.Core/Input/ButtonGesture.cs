namespace AmpController.Core.Input
{
    /// <summary>What one push of the encoder knob means (docs/design.md §4 S12, §7 scenario event "button").</summary>
    public enum ButtonEvent
    {
        None = 0,
        /// <summary>Released before <see cref="ButtonGesture.LongPressMs"/>: toggles mute (on release).</summary>
        ShortPress = 1,
        /// <summary>Held for <see cref="ButtonGesture.LongPressMs"/>: fires once while still held; the release does nothing.</summary>
        LongPress = 2,
    }

    /// <summary>
    /// Turns the debounced push-button level into short and long presses. Fed once per control tick, so durations are
    /// measured with the tick's resolution (10 ms); the debouncer delays both edges alike, so the hold time is kept.
    /// </summary>
    public sealed class ButtonGesture
    {
        /// <summary>The deliberate long press of S12 (docs/design.md §4, §7: "≥ 1500 ms = long").</summary>
        public const int LongPressMs = 1500;

        /// <summary>
        /// Two samples further apart than this (ten 10 ms ticks, the S5 supervision bound) mean the loop stalled or the
        /// runtime hung: a release and a new press may hide in the gap (soak seeds 10 and 13, docs/safety.md), so a
        /// press the gap falls into has an unknown length and counts as short: it never confirms anything (S12).
        /// </summary>
        public const int MaxSampleGapMs = 100;

        private bool _down;
        private bool _longFired;
        private bool _gapInPress;
        private long _downSinceMs;
        private long _lastSampleMs = long.MinValue;

        /// <summary>True while the button is held (debounced).</summary>
        public bool Held { get { return _down; } }

        /// <summary>When the current (or last) press began: a long press counts only for what was shown before it.</summary>
        public long PressStartedMs { get { return _downSinceMs; } }

        public ButtonEvent Update(bool pressed, long nowMs)
        {
            long previousSampleMs = _lastSampleMs;
            bool gap = _lastSampleMs != long.MinValue && nowMs - _lastSampleMs > MaxSampleGapMs;
            _lastSampleMs = nowMs;
            if (_down && gap) _gapInPress = true;
            if (pressed)
            {
                if (!_down)
                {
                    _down = true;
                    _longFired = false;
                    _gapInPress = false;
                    _downSinceMs = nowMs;
                    return ButtonEvent.None;
                }
                if (_longFired || _gapInPress || nowMs - _downSinceMs < LongPressMs) return ButtonEvent.None;
                _longFired = true;
                return ButtonEvent.LongPress;
            }
            if (!_down) return ButtonEvent.None;
            _down = false;
            if (_longFired) return ButtonEvent.None;
            if (_gapInPress) return ButtonEvent.ShortPress;
            // Released at the very tick it reached 1500 ms: held for the full time, so it is the long press, but only if
            // this tick came on time. After a late tick the release may have happened up to a tick earlier, when the hold
            // was still short (soak seed 18: a 1,486 ms press seen released 10 ms late measured 1,500 ms): when in doubt,
            // do not confirm (S12). A gap up to MaxSampleGapMs keeps a press that is still held at 1500 ms long.
            bool onTime = nowMs - previousSampleMs <= AmpController.Core.Control.ControllerTiming.TickMs;
            return onTime && nowMs - _downSinceMs >= LongPressMs ? ButtonEvent.LongPress : ButtonEvent.ShortPress;
        }
    }
}
