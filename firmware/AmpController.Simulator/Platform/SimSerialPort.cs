using System;
using System.Collections.Generic;
using AmpController.Core.Platform;
using AmpController.Core.SerialConsole;

namespace AmpController.Simulator.Platform;

/// <summary>
/// The console UART as the ESP32 firmware has it (nf-interpreter targets/ESP32/_nanoCLR/System.IO.Ports/
/// sys_io_ser_native_System_IO_Ports_SerialPort.cpp): received bytes wait in a ring of 256 bytes, and what arrives while
/// it is full is lost. It enforces ISerialPort's rules instead of modelling the waits that breaking them would cause on
/// the device: a Read of more than BytesToRead (the native read would wait for the rest until ReadTimeout) throws.
/// What the device sent is kept in <see cref="Sent"/>, with the largest write and the writes per <see cref="EndPeriod"/>.
/// </summary>
public sealed class SimSerialPort : ISerialPort
{
    public const int RingBytes = SerialTerminal.PortRingBytes;

    private readonly Queue<byte> _ring = new();
    private readonly List<byte> _sent = new();
    private int _sentThisPeriod;

    /// <summary>Bytes that arrived while the ring was full (lost, as on the device).</summary>
    public int Lost { get; private set; }

    /// <summary>The most bytes sent between two <see cref="EndPeriod"/> calls (one control-loop period).</summary>
    public int MaxSentPerPeriod { get; private set; }

    /// <summary>Calls of each member that throw <see cref="IOException"/> (a port failing), counted down.</summary>
    public int FailNextCalls { get; set; }

    /// <summary>Everything the device sent, as text (bytes as Latin-1).</summary>
    public string Sent => new(Array.ConvertAll(_sent.ToArray(), b => (char)b));

    /// <summary>Bytes sent so far.</summary>
    public int SentCount => _sent.Count;

    /// <summary>Bytes from the terminal arrive; past the ring's 256 bytes they are lost.</summary>
    public void Arrive(ReadOnlySpan<byte> bytes)
    {
        foreach (byte b in bytes)
        {
            if (_ring.Count < RingBytes) _ring.Enqueue(b);
            else Lost++;
        }
    }

    public void Arrive(string ascii) => Arrive(System.Text.Encoding.Latin1.GetBytes(ascii));

    /// <summary>Forgets what was sent (e.g. after the start-up lines).</summary>
    public void ClearSent() => _sent.Clear();

    /// <summary>One loop period ended: the sent-bytes figure starts again.</summary>
    public void EndPeriod()
    {
        MaxSentPerPeriod = Math.Max(MaxSentPerPeriod, _sentThisPeriod);
        _sentThisPeriod = 0;
    }

    public int BytesToRead
    {
        get
        {
            Fail();
            return _ring.Count;
        }
    }

    public int Read(byte[] buffer, int offset, int count)
    {
        Fail();
        if (count > _ring.Count)
            throw new InvalidOperationException($"read of {count} bytes with {_ring.Count} waiting: the device would wait");
        for (int i = 0; i < count; i++) buffer[offset + i] = _ring.Dequeue();
        return count;
    }

    public void Write(byte[] data)
    {
        Fail();
        _sent.AddRange(data);
        _sentThisPeriod += data.Length;
        MaxSentPerPeriod = Math.Max(MaxSentPerPeriod, _sentThisPeriod);
    }

    private void Fail()
    {
        if (FailNextCalls <= 0) return;
        FailNextCalls--;
        throw new System.IO.IOException("simulated port failure");
    }
}
