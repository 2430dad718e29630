using System;
using AmpController.Core.Platform;
using AmpController.Simulator.Board;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Devices;

/// <summary>
/// Simulated PT2258 (Core/Devices/Pt2258/README.md), six channels; the board uses channel 1 = left, 2 = right.
/// Register side: write-only function codes. A level takes effect when a 10 dB code and a 1 dB code for the same
/// channel group arrive in one transaction (either order). Writes within 200 ms of power-up are acknowledged but
/// ignored. Power-on state is undefined: random levels and mute drawn from the seed. 'Clear register' is modelled
/// as its worst case, every channel at 0 dB and un-muted (the datasheet does not say what it leaves).
/// The chip has no reset pin: the board's injected resets and power cycles are supply dips, which
/// <see cref="SimSupplySupervisor"/> reports to the controller (SimulatedBoard.InjectFault).
/// Physics side: the attenuation each channel really gets.
/// </summary>
public sealed class SimPt2258 : ISimVolumeChip
{
    public const int DefaultAddress = 0x40;
    public const int LeftChannel = 1;
    public const int RightChannel = 2;
    public const int StartupMs = 200;
    private const int Channels = 6;
    private const int DeepestDb = 79;

    // Function code high nibble → channel (1..6), 0 = all channels; index = code >> 4.
    private static readonly int[] TensGroup = [3, -1, 4, -1, 2, -1, 5, -1, 1, -1, 6, -1, -1, 0, -1, -1];
    private static readonly int[] OnesGroup = [-1, 3, -1, 4, -1, 2, -1, 5, -1, 1, -1, 6, -1, -1, 0, -1];

    private readonly IClock _clock;
    private readonly Random _random;
    private readonly int[] _attenuation = new int[Channels + 1];     // index 1..6
    private readonly int[] _pendingTens = new int[Channels + 1];
    private readonly int[] _pendingOnes = new int[Channels + 1];

    public SimPt2258(IClock clock, int address = DefaultAddress, int seed = 1)
    {
        if ((address & ~0x06) != 0x40) throw new ArgumentOutOfRangeException(nameof(address));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
        _random = new Random(seed);
        Address = address;
        PowerOnReset(clock.NowMs);
    }

    public int Address { get; }

    /// <summary>Time from which the chip acts on writes (power-up + 200 ms).</summary>
    public long ReadyAtMs { get; private set; }

    public bool MuteBit { get; private set; }
    public int IgnoredWrites { get; private set; }
    public int Resets { get; private set; }

    /// <summary>Attenuation register of a channel 1..6 in dB.</summary>
    public int ChannelAttenuationDb(int channel) => _attenuation[CheckChannel(channel)];

    public double AttenuationDb(int side) => side switch
    {
        0 => MuteBit ? double.PositiveInfinity : _attenuation[LeftChannel],
        1 => MuteBit ? double.PositiveInfinity : _attenuation[RightChannel],
        _ => throw new ArgumentOutOfRangeException(nameof(side)),
    };

    public bool Muted => MuteBit;

    public void Receive(byte[] data, int count)
    {
        if (_clock.NowMs < ReadyAtMs)
        {
            IgnoredWrites++;
            return;
        }
        Array.Fill(_pendingTens, -1);
        Array.Fill(_pendingOnes, -1);
        for (int i = 0; i < count; i++) Apply(data[i]);
    }

    /// <summary>The chip is write-only: a read gets nothing driven, SDA stays high.</summary>
    public void Transmit(byte[] into, int count) => Array.Fill(into, (byte)0xFF, 0, count);

    public void PowerOnReset(long nowMs)
    {
        Resets++;
        ReadyAtMs = nowMs + StartupMs;
        for (int ch = 1; ch <= Channels; ch++) _attenuation[ch] = _random.Next(0, DeepestDb + 1);
        MuteBit = _random.Next(2) == 1;
    }

    private void Apply(int code)
    {
        switch (code)
        {
            case 0xC0:
                Array.Fill(_attenuation, 0);
                MuteBit = false;
                return;
            case 0xF8: MuteBit = false; return;
            case 0xF9: MuteBit = true; return;
        }
        int tensGroup = TensGroup[code >> 4];
        int onesGroup = OnesGroup[code >> 4];
        // 10 dB codes have bit 3 clear (xxxx0bbb); 1 dB codes carry 0..9 in the low nibble.
        if (tensGroup >= 0 && (code & 0x08) == 0) Pair(tensGroup, tens: code & 0x07, ones: -1);
        else if (onesGroup >= 0 && (code & 0x0F) <= 9) Pair(onesGroup, tens: -1, ones: code & 0x0F);
    }

    private void Pair(int group, int tens, int ones)
    {
        if (tens >= 0) _pendingTens[group] = tens;
        if (ones >= 0) _pendingOnes[group] = ones;
        if (_pendingTens[group] < 0 || _pendingOnes[group] < 0) return;

        int db = Math.Min(DeepestDb, _pendingTens[group] * 10 + _pendingOnes[group]);
        if (group == 0) for (int ch = 1; ch <= Channels; ch++) _attenuation[ch] = db;
        else _attenuation[group] = db;
        _pendingTens[group] = _pendingOnes[group] = -1;
    }

    private static int CheckChannel(int channel) =>
        channel >= 1 && channel <= Channels ? channel : throw new ArgumentOutOfRangeException(nameof(channel));
}
