using System;
using AmpController.Core.Platform;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;

namespace AmpController.Simulator.Platform;

/// <summary>Simulated monotonic clock: time moves only when the simulation (or a test) advances it.</summary>
public sealed class SimClock : IClock
{
    public long NowMs { get; set; }

    public void Advance(long ms)
    {
        if (ms < 0) throw new ArgumentOutOfRangeException(nameof(ms), "time only moves forward");
        NowMs += ms;
    }
}
