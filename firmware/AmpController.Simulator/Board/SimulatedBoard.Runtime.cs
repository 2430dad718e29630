using System;
using AmpController.Core.Control;
using AmpController.Core.Supervision;
using AmpController.Simulator.Runtime;

namespace AmpController.Simulator.Board;

/// <summary>
/// The world's millisecond and the firmware's scheduling on the device profile: Program.RunControlLoop's tick, woken by
/// Thread.Sleep on the FreeRTOS grid (a tick that overran starts the next one at once), and the S8 stall monitor's
/// Timer on its period grid; neither runs while the interpreter is blocked or hung (Runtime/DeviceRuntime).
/// </summary>
public sealed partial class SimulatedBoard
{
    private long _nextLoopMs;
    private long _loopDeadlineMs;
    private long _nextMonitorMs;
    private long _jackOpenSinceMs = -1;
    private bool _jackLatchSet;
    private long _jackLatchClearedAtMs = -1;

    /// <summary>Control ticks that ran (the loop's own count; jitter and blocks make it less than elapsed / 10 ms).</summary>
    public long ControlTicks { get; private set; }

    /// <summary>One millisecond of hardware: contacts, the encoder into the pulse counter, K1's interlocks.</summary>
    private void WorldStep()
    {
        Clock.Advance(1);
        _jack.Advance();
        _button.Advance();
        Encoder.Advance(1000);
        JackSwitch.Level = Load is { HalfInserted: true } ? _flicker.Next(4) == 0 : _jack.Current != 0;
        EncoderA.Level = (Encoder.State & 2) != 0;
        EncoderB.Level = (Encoder.State & 1) != 0;
        MuteButton.Level = _button.Current != 0;
        JackEdges.Sample(JackSwitch.Level);
        if (JackSwitch.Level) _jackOpenSinceMs = -1;
        else if (_jackOpenSinceMs < 0) _jackOpenSinceMs = Clock.NowMs;
        if (!JackSwitch.Level && _jackLatchSet)
        {
            _jackLatchSet = false; // the detect holds the latch's CLR low while the jack is empty
            _jackLatchClearedAtMs = Clock.NowMs;
        }
        Relay.Update();
    }

    /// <summary>
    /// K1's coil supply (hardware/board): the jack's detect switch in series (open once the plug is out, after the coil
    /// decay and the contacts' release), the jack-out latch (U912: cleared while the jack is empty, set only by the
    /// OutputRelay pin's next rising edge, <see cref="OutputRelayRose"/>), the hardware watchdog, and on the PT2258 board
    /// the supply supervisor (Q1414).
    /// </summary>
    private bool CoilSupplied()
    {
        bool jack = _jackOpenSinceMs < 0 || Clock.NowMs - _jackOpenSinceMs < HardwareSafetyTiming.PlugRemovalToRelayOpenMaxMs;
        // Cleared at the removal: a coil that was on decays for the same time as through the jack switch, but a cleared
        // latch never lets a contact bounce switch the coil on again.
        bool latch = _jackLatchSet || (Relay.Closed && _jackLatchClearedAtMs >= 0
            && Clock.NowMs - _jackLatchClearedAtMs < HardwareSafetyTiming.PlugRemovalToRelayOpenMaxMs);
        return jack && latch && Watchdog.CoilSupplied && (Supervisor == null || Supervisor.Read());
    }

    /// <summary>The latch's clock (D high): sets it unless the jack is empty (its CLR held low).</summary>
    private void OutputRelayRose()
    {
        if (JackSwitch.Level) _jackLatchSet = true;
    }

    /// <summary>True while the jack-out latch lets K1's coil current flow (tests).</summary>
    public bool JackLatchSet => _jackLatchSet;

    /// <summary>At the end of a world tick: the control loop if its wake-up is due, then due timers.</summary>
    private void RunManaged(long now)
    {
        if (PoweredOff || !Runtime.CanRunManaged) return;
        // A tick that ends at or after its next deadline is followed at once by the next (Program: no sleep when the
        // wait is not positive), so two ticks may run back to back.
        for (int n = 0; n < 2 && !_stalled && Runtime.CanRunManaged && now >= _nextLoopMs; n++) RunControlTick(now);
        if (Runtime.CanRunManaged) RunDueTimers();
    }

    private void RunControlTick(long now)
    {
        Runtime.BeginManaged();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Controller.Tick();
        ControlTickBytes += GC.GetAllocatedBytesForCurrentThread() - before;
        // The main loop, between ticks (Esp32 Program): a mute change is written to flash here.
        MuteMemory.Flush();
        DoseStore.Flush(Controller.Dose, Runtime.NowMs); // S13: at most one write per 10 min of listening
        ControlTicks++;
        long end = now + Runtime.EndManaged();
        _loopDeadlineMs += ControllerTiming.TickMs;
        if (_loopDeadlineMs > end) _nextLoopMs = Runtime.WakeAt(_loopDeadlineMs);
        else _loopDeadlineMs = _nextLoopMs = end; // overran: the next tick starts at once
    }

    /// <summary>The stall monitor's Timer, when due at the firmware's time (also at a thread switch after a blocking call).</summary>
    private void RunDueTimers()
    {
        if (PoweredOff) return;
        long now = Runtime.NowMs;
        if (now < _nextMonitorMs) return;
        _nextMonitorMs = DeviceTiming.NextTimerExpiry(_nextMonitorMs, SoftwareWatchdog.DefaultPeriodMs, now);
        Amp.Monitor.Check();
    }
}
