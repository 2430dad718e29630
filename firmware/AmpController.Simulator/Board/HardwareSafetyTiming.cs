namespace AmpController.Simulator.Board;

/// <summary>
/// Timing of the reference board's hardware safety paths (hardware/board/sheets/safety.txt; docs/design.md §2/§3a,
/// rules S2 and S8), measured by ngspice on hardware/board/generated/spice/safety-timing.cir over three corners of the
/// parts' tolerances. For the simulator's board model: the output relay K1 opens by hardware, with no firmware
/// involved, when the plug is pulled out and when the control loop stops feeding the watchdog pin
/// (BoardPins.WatchdogFeed = GPIO 14, one rising edge per control tick). Tests/Board/SafetyTimingTests reruns the deck
/// and fails when these numbers and the circuit disagree.
/// </summary>
public static class HardwareSafetyTiming
{
    /// <summary>GPIO of the watchdog feed (= firmware/AmpController.Esp32/BoardPins.WatchdogFeed; a test keeps them equal).</summary>
    public const int WatchdogFeedGpio = 14;

    /// <summary>Watchdog timeout after the last rising edge on the feed pin: 74LVC1G123 with 316 kΩ thin film (±1 %, 50 ppm/K)
    /// and 100 nF C0G (±5 %, 30 ppm/K, no DC-bias loss). A feed gap shorter than the minimum never drops K1. Chosen so
    /// that a fault met by a transfer that blocks the runtime (the next supervision, ≤ 60 ms after the fault on the 10 ms
    /// grid with a late tick) still opens K1 within 100 ms (S5: 60 + 33.66 + 0.7 + 4 = 98.4 ms), and a 10 ms tick one
    /// grid step late (a 20 ms feed gap) leaves 9.56 ms for a GC pause or an overrun before a false trip
    /// (hardware/README.md, "Watchdog timing").</summary>
    public const double WatchdogTimeoutMinMs = 29.56;
    public const double WatchdogTimeoutNominalMs = 31.61;
    public const double WatchdogTimeoutMaxMs = 33.66;

    /// <summary>From the watchdog output falling to K1's coil current below the must-release level (10 % of rated,
    /// Omron G6K data sheet): P-MOSFET turn-off plus the Zener-clamped coil decay, worst corner (coil 0.5 H).</summary>
    public const double CoilReleaseAfterWatchdogMaxMs = 0.7;

    /// <summary>From the jack's sleeve-normal contact closing (plug out) to K1's coil current below must-release, worst
    /// corner (coil 0.5 H; 0.07 ms at 0.05 H).</summary>
    public const double CoilReleaseAfterPlugRemovalMaxMs = 0.61;

    /// <summary>K1's own mechanical release time, not simulated: a budget (the sister G6S data sheet gives 4 ms max).</summary>
    public const double RelayMechanicalReleaseMaxMs = 4.0;

    /// <summary>From GPIO4 high to K1's coil current at the must-operate level (80 %), worst corner; the contacts then
    /// need the relay's mechanical operate time on top.</summary>
    public const double CoilOperateMaxMs = 3.5;

    /// <summary>The relays' mechanical operate time, not simulated: a budget (the G6S data sheet gives 4 ms max, as for release).</summary>
    public const double RelayMechanicalOperateMaxMs = 4.0;

    /// <summary>GPIO (or expander pin) high → contacts closed and settled, worst case: coil rise plus the mechanical budget.
    /// The gain relays must have settled this long before the output relay connects them to the jack (S3, issue 17).</summary>
    public const double RelayOperateMaxMs = CoilOperateMaxMs + RelayMechanicalOperateMaxMs;

    /// <summary>
    /// The jack-out latch (U912, 74LVC1G74): cleared while the jack is empty, set again only by the rising edge of the
    /// OutputRelay pin (GPIO 4). A plug put back before the firmware has opened and closed the relay again finds K1 held
    /// open: this is the most coil current ngspice finds from the replug until that edge, worst corner (must-release is
    /// 2.11 mA). The simulator's K1 follows the latch (SimulatedBoard.Runtime).
    /// </summary>
    public const double LatchedReplugCoilCurrentMaxMa = 0.021;

    /// <summary>Plug out → K1's contacts open, worst case: coil decay plus the mechanical budget.</summary>
    public const double PlugRemovalToRelayOpenMaxMs = CoilReleaseAfterPlugRemovalMaxMs + RelayMechanicalReleaseMaxMs;

    /// <summary>Last feed edge → K1's contacts open, worst case (the runtime's "hang opens the relay within 100 ms").</summary>
    public const double LastFeedToRelayOpenMaxMs = WatchdogTimeoutMaxMs + CoilReleaseAfterWatchdogMaxMs + RelayMechanicalReleaseMaxMs;
}
