using System;
using AmpController.Core.Input;

namespace AmpController.Simulator.Platform;

/// <summary>Which configuration nanoFramework's native GpioPulseCounter gives the PCNT unit in two-pin mode.</summary>
public enum PulseCounterNative
{
    /// <summary>
    /// The pcnt_unit_config version (ESP-IDF 4.4 driver): channel 0 on A's edges (rise −1, fall +1), channel 1 on B's
    /// edges (rise +1, fall −1), each reversed while the other contact is low: x4 quadrature, bounce nets out.
    /// </summary>
    Quadrature,

    /// <summary>
    /// The pcnt_new_unit version (ESP-IDF 5 driver) with Polarity = Both: channel 0 counts +1 on both of A's edges
    /// (reversed while B is low), channel 1 as above. A's bounce does not net out (a finding, docs/performance.md).
    /// </summary>
    Idf5PolarityBoth,
}

/// <summary>
/// One ESP32 PCNT unit as nanoFramework's GpioPulseCounter(pinA, pinB) sets it up (nf-interpreter targets/ESP32/_nanoCLR/
/// nanoFramework.Hardware.ESP32/nanoFramework_hardware_esp32_native_System_Device_Gpio_GpioPulseCounter.cpp): a 16-bit
/// signed counter with limits ±0x7FFF whose limit events the native code adds into a 64-bit overflow total (the
/// hardware counter restarts at 0), read as overflow + count. The glitch filter takes at most 1023 APB cycles
/// (12.8 µs at 80 MHz): it cannot remove millisecond contact bounce, so every edge the contacts make is counted.
/// Counts on its own, whatever the interpreter is doing; read once per control tick.
/// </summary>
public sealed class SimPulseCounter(PulseCounterNative native = PulseCounterNative.Quadrature) : IPulseCounter
{
    public const int CounterLimit = 0x7FFF;

    /// <summary>Longest glitch the filter can drop: 1023 cycles of the 80 MHz APB clock.</summary>
    public const int MaxFilterNs = 12787;

    private long _overflow;
    private int _count;

    public PulseCounterNative Native => native;
    public int Reads { get; private set; }
    public int LimitEvents { get; private set; }

    /// <summary>The hardware count register (−0x7FFF..0x7FFF).</summary>
    public int HardwareCount => _count;

    public long ReadCount()
    {
        Reads++;
        return _overflow + _count;
    }

    /// <summary>The native Start(): the count and the overflow total restart at 0 (firmware boot).</summary>
    public void Restart()
    {
        _overflow = 0;
        _count = 0;
    }

    /// <summary>The contacts moved from <paramref name="from"/> to <paramref name="to"/> (state = A &lt;&lt; 1 | B).</summary>
    public void Edge(int from, int to)
    {
        bool a = (from & 2) != 0, b = (from & 1) != 0;
        if (((from ^ to) & 2) != 0)
        {
            bool rising = (to & 2) != 0;
            int step = native == PulseCounterNative.Quadrature ? (rising ? -1 : 1) : 1;
            Add(b ? step : -step);
            a = rising;
        }
        if (((from ^ to) & 1) != 0)
        {
            bool rising = (to & 1) != 0;
            int step = rising ? 1 : -1;
            Add(a ? step : -step);
        }
    }

    /// <summary>Sets the count register near a limit (tests of the overflow path).</summary>
    public void Preload(int count) => _count = Math.Clamp(count, -CounterLimit + 1, CounterLimit - 1);

    private void Add(int step)
    {
        _count += step;
        if (_count >= CounterLimit)
        {
            _overflow += CounterLimit;
            _count = 0;
            LimitEvents++;
        }
        else if (_count <= -CounterLimit)
        {
            _overflow -= CounterLimit;
            _count = 0;
            LimitEvents++;
        }
    }
}
