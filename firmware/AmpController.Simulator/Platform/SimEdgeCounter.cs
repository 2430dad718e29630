using AmpController.Core.Input;

namespace AmpController.Simulator.Platform;

/// <summary>
/// A PCNT unit in single-pin mode counting both edges of one input (GpioPulseCounter(pin), Polarity Both; same native
/// as <see cref="SimPulseCounter"/>): on the board, the jack switch's edges. Counts in hardware whatever the
/// interpreter does; the native start clears it.
/// </summary>
public sealed class SimEdgeCounter : IPulseCounter
{
    private bool _level;
    private long _count;

    public int Reads { get; private set; }

    public long ReadCount()
    {
        Reads++;
        return _count;
    }

    /// <summary>The input's level this millisecond; a change is one edge.</summary>
    public void Sample(bool level)
    {
        if (level != _level) _count++;
        _level = level;
    }

    public void Restart() => _count = 0;
}
