using System;
using AmpController.Core.Platform;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Runtime;

/// <summary>
/// The nanoFramework interpreter as the simulated board runs it (<see cref="DeviceTiming"/>): one thread of managed
/// code at a time, woken on the FreeRTOS 10 ms tick with jitter, and stopped entirely by a blocking native call or a hang.
/// A managed call (a control tick, a timer callback) runs at once in host time; a native call inside it that blocks
/// (<see cref="Block"/>) moves the firmware's clock on by the blocked time, and when the call returns the world (the
/// board's hardware: contacts, pulse counter, hardware watchdog, relay) plays those milliseconds out while nothing
/// managed runs: no tick, no timer, no watchdog feed. Timers due at a thread switch inside a managed call run there
/// (<see cref="SchedulingPoint"/>). This is also the firmware's clock (Environment.TickCount64).
/// </summary>
public sealed class DeviceRuntime(SimClock world, int seed) : IClock
{
    private readonly Random _random = new(seed);
    private long _debtMs;
    private long _busyUntilMs;
    private long _hungUntilMs = -1;

    /// <summary>Milliseconds since boot as the firmware reads them: the world's time plus what the running call blocked.</summary>
    public long NowMs => world.NowMs + _debtMs;

    /// <summary>How far the firmware's clock runs ahead of the world inside the current managed call.</summary>
    public long AheadMs => _debtMs;

    /// <summary>Runs the timers that are due when the interpreter switches threads after a blocking native call.</summary>
    public Action? SchedulingPoint { get; set; }

    public long BlockedMs { get; private set; }
    public int Blocks { get; private set; }

    /// <summary>The longest time managed code was held off by blocking calls inside one managed call.</summary>
    public long LongestBlockMs { get; private set; }

    public bool Hung => _hungUntilMs == long.MaxValue || world.NowMs < _hungUntilMs;

    /// <summary>Managed code may run now: no hang, and the world has caught up with the last blocking call.</summary>
    public bool CanRunManaged => !Hung && world.NowMs >= _busyUntilMs;

    /// <summary>A native call that holds the interpreter for <paramref name="ms"/> (an I2C transfer waiting for its timeout).</summary>
    public void Block(int ms)
    {
        _debtMs += ms;
        BlockedMs += ms;
        Blocks++;
        if (_debtMs > LongestBlockMs) LongestBlockMs = _debtMs;
        SchedulingPoint?.Invoke();
    }

    /// <summary>The interpreter stops for <paramref name="ms"/> (0: for good): scenario fault runtimeHang.</summary>
    public void Hang(int ms) =>
        _hungUntilMs = ms == 0 ? long.MaxValue : Math.Max(_hungUntilMs, world.NowMs + ms);

    public void BeginManaged() => _debtMs = 0;

    /// <summary>Ends a managed call; returns how long it blocked (the world now has to catch up).</summary>
    public long EndManaged()
    {
        long blocked = _debtMs;
        _busyUntilMs = world.NowMs + blocked;
        _debtMs = 0;
        return blocked;
    }

    /// <summary>Thread.Sleep / a timer period ending at <paramref name="dueMs"/> wakes on a FreeRTOS tick, sometimes one late.</summary>
    public long WakeAt(long dueMs)
    {
        long wake = DeviceTiming.NextTick(dueMs);
        if (_random.NextDouble() < DeviceTiming.LateWakeProbability) wake += DeviceTiming.FreeRtosTickMs;
        return wake;
    }

    /// <summary>A reboot: the interpreter starts again (a hang does not survive it, the world's time goes on).</summary>
    public void Reset()
    {
        _debtMs = 0;
        _busyUntilMs = world.NowMs;
        _hungUntilMs = -1;
    }
}
