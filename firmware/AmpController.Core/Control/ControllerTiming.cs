using AmpController.Core.Devices;

namespace AmpController.Core.Control
{
    /// <summary>Timing constants of the control loop (issue 8; budgets in docs/safety.md).</summary>
    public static class ControllerTiming
    {
        /// <summary>The fixed control tick.</summary>
        public const int TickMs = 10;

        /// <summary>
        /// The longest power-up window of the chips the board takes: a PT2258 ignores commands for 200 ms after power-on
        /// (docs/design.md §6; its driver's constant); the DS1882 does not mind. Waited at start-up and after a recovery.
        /// </summary>
        public const int PowerOnSettleMs = Pt2258.PowerUpDelayMs;

        /// <summary>Jack switch must read inserted this long (contacts chatter while the plug slides in).</summary>
        public const int InsertionDebounceMs = 40;

        /// <summary>Push-button debounce.</summary>
        public const int ButtonDebounceMs = 20;

        /// <summary>Chip readback period (S5/S6 require ≤ 100 ms; half of it leaves margin for one tick of jitter).</summary>
        public const int SupervisionPeriodMs = 50;

        /// <summary>Relay contact settle time (signal relays: operate + bounce ≤ 10 ms) before un-muting.</summary>
        public const int RelaySettleMs = 20;

        /// <summary>
        /// S3, issue 17: time a relay is given to switch before the next relay that depends on it moves: the gain relays
        /// only this long after the output relay opened, the output relay only this long after the gain relays switched.
        /// One tick: the board's G6K relays release within 4.7 ms and operate within 7.5 ms, coil plus mechanical budget
        /// (firmware/AmpController.Simulator/Board/HardwareSafetyTiming.cs, ngspice and data sheet figures).
        /// </summary>
        public const int RelaySwitchMs = TickMs;

        /// <summary>The ramp starts this far below its target ...</summary>
        public const int RampSpanDb = 20;

        /// <summary>... and rises at most this much per tick: 20 dB in 5 ticks, no audible step (S2: no pop).</summary>
        public const int RampStepDb = 4;

        /// <summary>A measurement that does not finish in this time counts as uncertain (S7).</summary>
        public const int MeasureTimeoutMs = 500;

        /// <summary>A short or open load is measured again this often (a half-inserted plug may complete).</summary>
        public const int RemeasureNoLoadMs = 500;

        /// <summary>
        /// Ticks come every 10–20 ms (FreeRTOS 100 Hz with jitter, docs/design.md §3a). A gap longer than this between two
        /// watchdog feeds may have let the hardware watchdog drop the output relay (its shortest timeout is 29.56 ms,
        /// hardware/README.md): Controller.Runtime.cs then opens the relay before feeding again. Above the 20 ms of a tick
        /// one grid step late, below the watchdog's shortest timeout.
        /// </summary>
        public const int FeedGapMs = 25;

    }
}
