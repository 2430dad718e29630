using System;
using AmpController.Core.Platform;

namespace AmpController.Simulator.Board;

/// <summary>
/// The reference board's hardware watchdog (hardware/board/sheets/safety.txt: a 74LVC1G123 retriggerable monostable on
/// BoardPins.WatchdogFeed, GPIO 14): every rising edge on the feed pin restarts its timeout; while it runs, K1's coil
/// supply is on. The timeout of this board is drawn from the ngspice range (29.56–33.66 ms over tolerance, temperature and
/// DC bias, <see cref="HardwareSafetyTiming"/>); the contacts then open within the coil decay and K1's mechanical
/// release. It never fed (power-up) = off: the relay cannot close before the firmware's first tick. An MCU reboot does
/// not reset it. The feed time is the firmware's clock (a feed after a blocking call lands after the block).
/// </summary>
public sealed class SimHardwareWatchdog(IClock firmwareClock, IClock world, double timeoutMs) : IWatchdogFeed
{
    private long _lastFeedMs = long.MinValue;

    public double TimeoutMs => timeoutMs;
    public int Feeds { get; private set; }
    public long LastFeedMs => _lastFeedMs;

    /// <summary>Draws this board's timeout within the ngspice range.</summary>
    public static double DrawTimeoutMs(int seed) =>
        HardwareSafetyTiming.WatchdogTimeoutMinMs
        + new Random(seed).NextDouble() * (HardwareSafetyTiming.WatchdogTimeoutMaxMs - HardwareSafetyTiming.WatchdogTimeoutMinMs);

    public void Pulse()
    {
        _lastFeedMs = firmwareClock.NowMs;
        Feeds++;
    }

    /// <summary>K1's contacts may be closed: the last edge is younger than the timeout plus coil decay and release.</summary>
    public bool CoilSupplied =>
        _lastFeedMs != long.MinValue
        && world.NowMs - _lastFeedMs < timeoutMs + HardwareSafetyTiming.CoilReleaseAfterWatchdogMaxMs + HardwareSafetyTiming.RelayMechanicalReleaseMaxMs;
}
