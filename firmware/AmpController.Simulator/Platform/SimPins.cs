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
/// The output relay's GPIO with the relay behind it: normally open, closed while the pin drives high. The external
/// pull-down (docs/design.md §2) makes a reset or unpowered MCU read as low, i.e. relay open.
/// </summary>
public sealed class SimRelayPin : IDigitalOutput
{
    public bool Closed { get; private set; }
    public int Closings { get; private set; }

    /// <summary>Called just before the relay closes (the board's safety observer).</summary>
    public System.Action? Closing { get; set; }

    /// <summary>Called when the relay opens (tests time the reaction to the millisecond).</summary>
    public System.Action? Opening { get; set; }

    public void Write(bool high)
    {
        if (high && !Closed)
        {
            Closings++;
            Closing?.Invoke();
        }
        if (!high && Closed) Opening?.Invoke();
        Closed = high;
    }

    /// <summary>MCU reset or power loss: the pin floats and the pull-down opens the relay.</summary>
    public void Release()
    {
        if (Closed) Opening?.Invoke();
        Closed = false;
    }
}
