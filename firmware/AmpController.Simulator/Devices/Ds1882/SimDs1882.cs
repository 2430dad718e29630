using System;
using AmpController.Simulator.Board;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Devices;

/// <summary>
/// Simulated DS1882 (Core/Devices/Ds1882/README.md). Register side: one command byte per written byte, the two MSBs
/// select pot 0 (00), pot 1 (01) or the configuration (10); reads return pot 0, pot 1, configuration. The configuration
/// is EEPROM (factory 87h) and survives a reset; in volatile mode the wipers power up at mute. Physics side: the
/// attenuation each channel really gets. Zero-crossing delay is not modelled (a wiper moves at once).
/// </summary>
public sealed class SimDs1882 : ISimVolumeChip
{
    public const int DefaultAddress = 0x28;
    public const byte FactoryConfig = 0x87;
    private const int WiperMuteCode = 63;

    private int _pot0 = WiperMuteCode;
    private int _pot1 = WiperMuteCode;
    private int _nvPot0 = WiperMuteCode;    // EEPROM copies, used only in non-volatile mode (factory XX111111b)
    private int _nvPot1 = WiperMuteCode;

    public SimDs1882(int address = DefaultAddress)
    {
        if (address < 0x28 || address > 0x2F) throw new ArgumentOutOfRangeException(nameof(address));
        Address = address;
    }

    public int Address { get; }

    /// <summary>Configuration register (10000xxx). EEPROM: keeps its value across resets.</summary>
    public byte Config { get; private set; } = FactoryConfig;

    public int Pot0Code => _pot0;
    public int Pot1Code => _pot1;

    public int Resets { get; private set; }

    private bool Volatile => (Config & 0x04) != 0;
    private bool ThirtyThreePositions => (Config & 0x01) != 0;

    public void Receive(byte[] data, int count)
    {
        for (int i = 0; i < count; i++)
        {
            int b = data[i];
            int value = b & 0x3F;
            switch (b >> 6)
            {
                case 0: _pot0 = value; if (!Volatile) _nvPot0 = value; break;
                case 1: _pot1 = value; if (!Volatile) _nvPot1 = value; break;
                case 2: Config = (byte)(0x80 | (b & 0x07)); break;
                default: break;     // 11xxxxxx selects nothing
            }
        }
    }

    public void Transmit(byte[] into, int count)
    {
        for (int i = 0; i < count; i++)
        {
            into[i] = i switch
            {
                0 => (byte)_pot0,
                1 => (byte)(0x40 | _pot1),
                2 => Config,
                _ => 0xFF,
            };
        }
    }

    public void PowerOnReset(long nowMs)
    {
        Resets++;
        _pot0 = Volatile ? WiperMuteCode : _nvPot0;
        _pot1 = Volatile ? WiperMuteCode : _nvPot1;
    }

    public double AttenuationDb(int side) => side switch
    {
        0 => WiperAttenuation(_pot0),
        1 => WiperAttenuation(_pot1),
        _ => throw new ArgumentOutOfRangeException(nameof(side)),
    };

    public bool Muted => double.IsPositiveInfinity(AttenuationDb(0)) && double.IsPositiveInfinity(AttenuationDb(1));

    /// <summary>
    /// 63-position mode: code n = n dB for 0..62, 63 = mute. 33-position mode (factory): 2 dB steps, 32 and above = mute —
    /// an assumption (the step table is not in the datasheet text at hand); the driver never uses that mode.
    /// </summary>
    private double WiperAttenuation(int code)
    {
        if (ThirtyThreePositions) return code >= 32 ? double.PositiveInfinity : 2.0 * code;
        return code >= WiperMuteCode ? double.PositiveInfinity : code;
    }
}
