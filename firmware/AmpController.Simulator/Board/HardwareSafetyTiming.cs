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

    /// <summary>Watchdog timeout after the last rising edge on the feed pin: 74LVC1G123 with 68 kΩ ±1 % and 1 µF X7R
    /// (−27 %/+26.5 % over tolerance, temperature and DC bias). A feed gap shorter than the minimum never drops K1.</summary>
    public const double WatchdogTimeoutMinMs = 48.9;
    public const double WatchdogTimeoutNominalMs = 68.0;
    public const double WatchdogTimeoutMaxMs = 86.9;

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

    /// <summary>Plug out → K1's contacts open, worst case: coil decay plus the mechanical budget.</summary>
    public const double PlugRemovalToRelayOpenMaxMs = CoilReleaseAfterPlugRemovalMaxMs + RelayMechanicalReleaseMaxMs;

    /// <summary>Last feed edge → K1's contacts open, worst case (the runtime's "hang opens the relay within 100 ms").</summary>
    public const double LastFeedToRelayOpenMaxMs = WatchdogTimeoutMaxMs + CoilReleaseAfterWatchdogMaxMs + RelayMechanicalReleaseMaxMs;
}
