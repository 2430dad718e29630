using AmpController.Core.Control;
using AmpController.Core.Input;

namespace AmpController.Simulator.Soak;

/// <summary>
/// The checker's two readings of the push button's real pin (S12), sampled at each checker tick. A release the firmware
/// is sure to see splits two presses; one it cannot see joins them; one in between is physically ambiguous: whether
/// the firmware's 20 ms debouncer (Core/Input/Debouncer) sees it depends on where its samples fall on the 10 ms grid,
/// on a late wake-up (Runtime/DeviceTiming) and on the contacts' chatter (Platform/SimContacts). The judges
/// (<see cref="ProfileJudge"/>, <see cref="TierJudge"/>) accept a confirmation that is right under EITHER reading and
/// report only one that is wrong under both: a press that was truly short, or one that began before the offer,
/// warning or reset by more than the ambiguity, is still reported (ButtonReadingsTests).
/// </summary>
public sealed class ButtonReadings
{
    private const int TickMs = ControllerTiming.TickMs;
    private const int DebounceMs = ControllerTiming.ButtonDebounceMs;

    /// <summary>
    /// The shortest release the firmware is sure to see, as the checker measures it (from its first to its last released
    /// sample): the debouncer needs two samples <see cref="DebounceMs"/> apart inside the clean part of the release. The
    /// first comes up to 19 ms after it began (one grid step may be skipped by a late wake-up), the second up to 30 ms
    /// after the first (the grid point at +20 ms may be late too), so 50 ms of clean release. The contacts chatter up to
    /// 2 × 2 ms at the edge (SimContacts.Edge) and the checker's own samples are 10 ms apart, so it must measure 60 ms.
    /// </summary>
    public const int SureSeenReleaseMs = DebounceMs + 4 * TickMs;

    private bool _level;
    private long _levelSinceMs;

    /// <summary>A release counts once it has read released for the debounce time, as before (soak seeds 1–20).</summary>
    public PinReading Split { get; } = new(DebounceMs);

    /// <summary>A release counts only once the firmware is sure to have seen it: shorter ones join the presses around them.</summary>
    public PinReading Merged { get; } = new(SureSeenReleaseMs);

    public void Observe(bool pressed, long nowMs)
    {
        if (pressed != _level)
        {
            _level = pressed;
            _levelSinceMs = nowMs;
        }
        Split.Observe(pressed, nowMs - _levelSinceMs, nowMs);
        Merged.Observe(pressed, nowMs - _levelSinceMs, nowMs);
    }

    /// <summary>The latest start of a long press under either reading (long.MinValue: none yet).</summary>
    public long LatestLongPressMs => System.Math.Max(Split.LastLongPressMs, Merged.LastLongPressMs);

    /// <summary>
    /// One reading of the pin. A press counts once it has read pressed for the debounce time and began then (the
    /// controller's debounced start); it ends once a release has read released for <c>releaseMs</c>. A hold reaching
    /// the long-press time less two ticks (the firmware reads the pin on the 10 ms grid and a tick may be one step late)
    /// counts as a long press; the hold is counted while the pin reads pressed and for less than the debounce time of a
    /// release (what the firmware's debouncer delays), never through a release that only this reading bridges.
    /// </summary>
    public sealed class PinReading(int releaseMs)
    {
        private bool _down;
        private long _downSinceMs;

        /// <summary>When the last long press under this reading began (long.MinValue: none yet).</summary>
        public long LastLongPressMs { get; private set; } = long.MinValue;

        public void Observe(bool pressed, long levelForMs, long nowMs)
        {
            if (!pressed && levelForMs >= releaseMs) _down = false;
            if (pressed && levelForMs >= DebounceMs && !_down)
            {
                _down = true;
                _downSinceMs = nowMs;
            }
            bool holding = pressed || levelForMs < DebounceMs;
            if (_down && holding && nowMs - _downSinceMs >= ButtonGesture.LongPressMs - 2 * TickMs)
                LastLongPressMs = _downSinceMs;
        }
    }
}
