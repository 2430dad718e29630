using System;
using AmpController.Core.Platform;

namespace AmpController.Simulator.Board;

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
