using System;
using AmpController.Core.Platform;

namespace AmpController.Simulator.Devices;

/// <summary>
/// The PT2258 board's supply supervisor (hardware/pinmap.md `VolumeSupplyGood`): a TI TPS3808G01 watching the chip's
/// supply through a divider, CT tied to VDD, open-drain RESET pulled up to 3.3 V and read by an ESP32 GPIO (true = good).
/// RESET goes low within 20 µs of a dip (SENSE-to-RESET propagation delay) and stays low until the supply has been back
/// for the reset delay t_d: 180 ms min, 300 ms typ, 420 ms max (TI SBVS050, Electrical Characteristics, CT = VDD).
/// Each board draws its delay from that range with its seed, so the firmware meets both ends; it may only count on 180.
/// A PT2258 has no reset pin, so every chip reset the simulator injects is a supply dip that this output reports.
/// </summary>
public sealed class SimSupplySupervisor : IDigitalInput
{
    public const int MinDelayMs = 180;
    public const int MaxDelayMs = 420;

    private readonly IClock _clock;
    private long _goodAtMs;

    /// <param name="poweredAtMs">When the board's supply came up (the supervisor releases RESET t_d later).</param>
    public SimSupplySupervisor(IClock clock, int seed, long poweredAtMs = 0)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        DelayMs = new Random(seed).Next(MinDelayMs, MaxDelayMs + 1);
        _goodAtMs = poweredAtMs + DelayMs;
    }

    /// <summary>This board's reset delay t_d.</summary>
    public int DelayMs { get; }

    public int Dips { get; private set; }

    /// <summary>The supply is out from now until <paramref name="untilMs"/> (equal: a brown-out of no length).</summary>
    public void SupplyDip(long untilMs)
    {
        Dips++;
        _goodAtMs = Math.Max(_goodAtMs, Math.Max(untilMs, _clock.NowMs) + DelayMs);
    }

    /// <summary>RESET released: the supply has been good for the delay.</summary>
    public bool Read() => _clock.NowMs >= _goodAtMs;
}
