using System;
using AmpController.Simulator.Board;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Devices;

/// <summary>
/// Simulated TCA9534 with the reference board behind it (Core/Devices/Tca9534/README.md). Register side: command byte =
/// register 0..3, further bytes written to that register; reads return the selected register. A pin drives its output
/// bit only while configured as an output; as an input the board's external pull-down holds it low. Physics side:
/// which relays are really energised and the gain really selected.
/// </summary>
public sealed class SimTca9534 : ISimI2cDevice
{
    public const int DefaultAddress = 0x20;

    // Board netlist: expander pin → function (README bit map).
    private const int PinGainK3 = 0;
    private const int PinGainK4 = 1;
    private const int PinSense = 2;
    private const int PinSeriesResistor = 3;
    private const int FirstLedPin = 4;

    private readonly int[] _gainStepsDb;
    private int _pointer;

    /// <param name="gainStepsDb">Gain with no gain relay, with K3, with K3 and K4 (default −20, 0, +12 dB, docs/design.md §2).</param>
    public SimTca9534(int address = DefaultAddress, int[]? gainStepsDb = null)
    {
        if (address < 0x20 || address > 0x27) throw new ArgumentOutOfRangeException(nameof(address));
        Address = address;
        _gainStepsDb = gainStepsDb ?? [-20, 0, 12];
        if (_gainStepsDb.Length != 3) throw new ArgumentException("three gain steps", nameof(gainStepsDb));
        PowerOnReset(0);
    }

    public int Address { get; }

    public byte Output { get; private set; }
    public byte Polarity { get; private set; }
    public byte Configuration { get; private set; }
    public int Resets { get; private set; }

    /// <summary>Highest gain selected at any moment since <see cref="ResetWatermarks"/> (catches transient states).</summary>
    public int HighestGainDbSeen { get; private set; }
    public bool SenseRelayEverClosed { get; private set; }

    public bool PinHigh(int pin)
    {
        if (pin < 0 || pin > 7) throw new ArgumentOutOfRangeException(nameof(pin));
        bool isOutput = (Configuration & (1 << pin)) == 0;
        return isOutput && (Output & (1 << pin)) != 0;
    }

    /// <summary>K4 only switches within the K3 branch: without K3 the gain is the lowest whatever K4 does.</summary>
    public int GainDb => !PinHigh(PinGainK3) ? _gainStepsDb[0] : !PinHigh(PinGainK4) ? _gainStepsDb[1] : _gainStepsDb[2];

    public bool SenseRelayClosed => PinHigh(PinSense);
    public bool SeriesResistorInserted => PinHigh(PinSeriesResistor);

    public int LedMask
    {
        get
        {
            int mask = 0;
            for (int i = 0; i < 4; i++) if (PinHigh(FirstLedPin + i)) mask |= 1 << i;
            return mask;
        }
    }

    public void ResetWatermarks()
    {
        HighestGainDbSeen = GainDb;
        SenseRelayEverClosed = SenseRelayClosed;
    }

    public void Receive(byte[] data, int count)
    {
        if (count == 0) return;
        _pointer = data[0] & 0x03;
        for (int i = 1; i < count; i++)
        {
            switch (_pointer)
            {
                case 1: Output = data[i]; break;
                case 2: Polarity = data[i]; break;
                case 3: Configuration = data[i]; break;
                default: break;     // the input register ignores writes
            }
            Track();
        }
    }

    public void Transmit(byte[] into, int count)
    {
        byte value = _pointer switch
        {
            0 => InputRegister(),
            1 => Output,
            2 => Polarity,
            _ => Configuration,
        };
        for (int i = 0; i < count; i++) into[i] = value;
    }

    public void PowerOnReset(long nowMs)
    {
        Resets++;
        Output = 0xFF;
        Polarity = 0x00;
        Configuration = 0xFF;
        _pointer = 0;
        ResetWatermarks();
    }

    private byte InputRegister()
    {
        int levels = 0;
        for (int pin = 0; pin < 8; pin++) if (PinHigh(pin)) levels |= 1 << pin;
        return (byte)(levels ^ (Polarity & Configuration));     // inversion applies to input pins only
    }

    private void Track()
    {
        HighestGainDbSeen = Math.Max(HighestGainDbSeen, GainDb);
        SenseRelayEverClosed |= SenseRelayClosed;
    }
}
