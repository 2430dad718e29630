using AmpController.Core.Platform;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;

namespace AmpController.Simulator.Platform;

/// <summary>A digital input whose level the board model sets (jack switch, encoder contacts, button).</summary>
public sealed class SimInputPin : IDigitalInput
{
    public bool Level { get; set; }
    public bool Read() => Level;
}

/// <summary>
/// The output relay's GPIO (OutputRelay, GPIO 4) with K1 behind it: normally open; the contacts are closed while the pin
/// drives high AND the board's hardware interlocks supply the coil (<see cref="CoilSupplied"/>: the jack's detect
/// switch in series, the hardware watchdog, on the PT2258 board the supply supervisor; hardware/board, ngspice timing
/// in Board/HardwareSafetyTiming). The external pull-down makes a reset or unpowered MCU read as low, relay open.
/// Closing is modelled at once (no operate delay: the harsher case for the rules); <see cref="Update"/> runs every
/// simulated millisecond, so an interlock opens the contacts without any firmware.
/// </summary>
public sealed class SimRelayPin : IDigitalOutput
{
    /// <summary>K1's contacts (what the listener hears through).</summary>
    public bool Closed { get; private set; }

    /// <summary>What the firmware drives on the pin.</summary>
    public bool PinHigh { get; private set; }

    public int Closings { get; private set; }

    /// <summary>Openings by a hardware interlock while the pin still drove high.</summary>
    public int InterlockOpenings { get; private set; }

    /// <summary>The coil supply the board's interlocks allow now (null: always, e.g. a bare relay in a unit test).</summary>
    public System.Func<bool>? CoilSupplied { get; set; }

    /// <summary>Called just before the relay closes (the board's safety observer).</summary>
    public System.Action? Closing { get; set; }

    /// <summary>Called when the relay opens (tests time the reaction to the millisecond).</summary>
    public System.Action? Opening { get; set; }

    /// <summary>Called when the pin goes from low to high (the jack-out latch's clock, hardware/board sheet safety).</summary>
    public System.Action? Rising { get; set; }

    /// <summary>
    /// How far the firmware's clock is ahead of the world's when it writes (a write after a blocking call inside the same
    /// managed call happens when the call returns: Runtime/DeviceRuntime), with the world's clock; null: at once.
    /// </summary>
    public System.Func<long>? FirmwareAheadMs { get; set; }
    public AmpController.Core.Platform.IClock? World { get; set; }

    private readonly System.Collections.Generic.Queue<(long AtMs, bool High)> _pending = new();

    public void Write(bool high)
    {
        long ahead = FirmwareAheadMs?.Invoke() ?? 0;
        if (ahead > 0 && World != null)
        {
            _pending.Enqueue((World.NowMs + ahead, high));
            return;
        }
        _pending.Clear();
        SetPin(high);
        Update();
    }

    private void SetPin(bool high)
    {
        bool rose = high && !PinHigh;
        PinHigh = high;
        if (rose) Rising?.Invoke();
    }

    /// <summary>Applies due pin writes, then the pin and the interlocks to the contacts.</summary>
    public void Update()
    {
        while (_pending.Count > 0 && World != null && _pending.Peek().AtMs <= World.NowMs) SetPin(_pending.Dequeue().High);
        bool close = PinHigh && (CoilSupplied?.Invoke() ?? true);
        if (close && !Closed)
        {
            Closings++;
            Closing?.Invoke();
        }
        if (!close && Closed)
        {
            if (PinHigh) InterlockOpenings++;
            Opening?.Invoke();
        }
        Closed = close;
    }

    /// <summary>MCU reset or power loss: the pin floats and the pull-down opens the relay.</summary>
    public void Release()
    {
        _pending.Clear();
        PinHigh = false;
        Update();
    }
}
