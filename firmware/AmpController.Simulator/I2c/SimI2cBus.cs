using System;
using System.Collections.Generic;
using AmpController.Core.Platform;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.I2c;

public enum TransferKind { Write, Read, WriteRead }

/// <summary>One transfer as the bus saw it (kept only when <see cref="SimI2cBus.RecordTransfers"/> is on).</summary>
public sealed record TransferRecord(long AtMs, int Address, TransferKind Kind, byte[] Written, int ReadCount, BusResult Result);

/// <summary>
/// Simulated I2C bus: devices attached by address, and fault injection per device and per transfer (see
/// <see cref="FaultKind"/>). Counts every transfer per address for tests. Allocates nothing per transfer unless
/// <see cref="RecordTransfers"/> is on.
/// </summary>
public sealed class SimI2cBus : IRegisterBus
{
    private sealed class Slot(ISimI2cDevice device)
    {
        public readonly ISimI2cDevice Device = device;
        public int NacksLeft;
        public int PartialsLeft;
        public int BitFlipsLeft;
        public long UnpoweredUntilMs = -1;
        public long MissingUntilMs = -1;
        public int Transfers;
        public int Failed;
        public int BytesWritten;
        public int BytesRead;
    }

    private readonly IClock _clock;
    private readonly Dictionary<int, Slot> _slots = new();
    private bool _stuck;
    private long _stuckUntilMs;

    public SimI2cBus(IClock clock)
    {
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>XOR mask applied to the first byte of a read hit by <see cref="FaultKind.BitFlip"/> (default: bit 0).</summary>
    public byte BitFlipMask { get; set; } = 0x01;

    public bool RecordTransfers { get; set; }

    public List<TransferRecord> Log { get; } = new();

    /// <summary>How many reads a <see cref="FaultKind.BitFlip"/> has corrupted so far.</summary>
    public int BitFlipsApplied { get; private set; }

    /// <summary>How many times the driver side called <see cref="Recover"/>.</summary>
    public int RecoverCalls { get; private set; }

    /// <summary>Transfers answered "bus stuck": the controller has been told (a stuck bus no transfer met, it cannot know).</summary>
    public int StuckAnswers { get; private set; }

    /// <summary>
    /// Called with the native timeout when a transfer waits for a device that never answers or a bus held low
    /// (Runtime/DeviceRuntime.Block: the whole interpreter waits). Null: the transfer fails at once.
    /// </summary>
    public Action<int>? Blocked { get; set; }

    /// <summary>Transfers that waited for the native timeout.</summary>
    public int TimedOutTransfers { get; private set; }

    private SimBusLines? _lines;
    private Core.Platform.I2cBusClear? _clear;

    /// <summary>The bus's SDA/SCL as GPIO for bit-banged recovery (Core's I2cBusClear), opened through <paramref name="gpio"/>.</summary>
    public SimBusLines AttachLines(SimGpioController gpio, int sdaPin, int sclPin)
    {
        _lines = new SimBusLines(this, gpio, sdaPin, sclPin);
        _clear = new Core.Platform.I2cBusClear(_lines, sdaPin, sclPin);
        return _lines;
    }

    /// <summary>Bit-banged address probe on the lines: the bus is free and the device acknowledged (never blocks).</summary>
    public bool Probe(int address)
    {
        ProbeCalls++;
        return _clear != null ? _clear.Probe(address) : AcknowledgesProbe(address) && !IsStuck;
    }

    public int ProbeCalls { get; private set; }

    /// <summary>The line model: a stuck device finished its byte and let go of SDA.</summary>
    internal void ReleaseStuckLine() => _stuck = false;

    /// <summary>Whether a device at <paramref name="address"/> pulls SDA low for the acknowledge of an address probe.</summary>
    internal bool AcknowledgesProbe(int address)
    {
        if (!_slots.TryGetValue(address, out Slot? slot)) return false;
        long now = _clock.NowMs;
        if (slot.MissingUntilMs == long.MaxValue || now < slot.MissingUntilMs) return false;
        return slot.UnpoweredUntilMs < 0 || now >= slot.UnpoweredUntilMs;
    }

    public bool IsStuck
    {
        get
        {
            if (_stuck && _stuckUntilMs > 0 && _clock.NowMs >= _stuckUntilMs) _stuck = false;
            return _stuck;
        }
    }

    public void Attach(ISimI2cDevice device)
    {
        if (_slots.ContainsKey(device.Address))
            throw new InvalidOperationException($"address 0x{device.Address:X2} is already taken");
        _slots.Add(device.Address, new Slot(device));
    }

    /// <summary>
    /// Injects a fault on the device at <paramref name="address"/>. <paramref name="count"/> is the number of transfers
    /// affected (Nack, PartialTransfer, BitFlip); <paramref name="durationMs"/> is how long the bus stays stuck
    /// (StuckBus, 0 = until Recover) or the chip stays unpowered (PowerCycle).
    /// </summary>
    public void Inject(int address, FaultKind kind, int count = 1, long durationMs = 0)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
        if (durationMs < 0) throw new ArgumentOutOfRangeException(nameof(durationMs));
        Slot slot = SlotOf(address);
        long now = _clock.NowMs;
        switch (kind)
        {
            case FaultKind.Nack: slot.NacksLeft += count; break;
            case FaultKind.PartialTransfer: slot.PartialsLeft += count; break;
            case FaultKind.BitFlip: slot.BitFlipsLeft += count; break;
            case FaultKind.StuckBus:
                _stuck = true;
                _stuckUntilMs = durationMs == 0 ? 0 : now + durationMs;
                break;
            case FaultKind.ChipReset: slot.Device.PowerOnReset(now); break;
            case FaultKind.Missing: slot.MissingUntilMs = durationMs == 0 ? long.MaxValue : now + durationMs; break;
            case FaultKind.PowerCycle:
                // Unpowered: the audio path of the chip is dead, which the power-on state models; then a fresh power-up.
                slot.Device.PowerOnReset(now);
                if (durationMs > 0) slot.UnpoweredUntilMs = now + durationMs;
                break;
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    /// <summary>Removes every pending fault (a stuck bus too), without touching chip state.</summary>
    public void ClearFaults()
    {
        _stuck = false;
        foreach (Slot slot in _slots.Values)
        {
            slot.NacksLeft = slot.PartialsLeft = slot.BitFlipsLeft = 0;
            slot.MissingUntilMs = -1;
        }
    }

    public int TransferCount(int address) => SlotOf(address).Transfers;
    public int FailedCount(int address) => SlotOf(address).Failed;
    public int BytesWritten(int address) => SlotOf(address).BytesWritten;
    public int BytesRead(int address) => SlotOf(address).BytesRead;

    public BusResult Write(int address, byte[] data, int count) =>
        Transfer(TransferKind.Write, address, data, count, null, 0);

    public BusResult Read(int address, byte[] into, int count) =>
        Transfer(TransferKind.Read, address, null, 0, into, count);

    public BusResult WriteRead(int address, byte[] data, int writeCount, byte[] into, int readCount) =>
        Transfer(TransferKind.WriteRead, address, data, writeCount, into, readCount);

    /// <summary>Bus clear (UM10204 §3.1.16) by Core's I2cBusClear on the lines; without lines, a stuck bus is simply freed.</summary>
    public bool Recover()
    {
        RecoverCalls++;
        if (_clear != null) return _clear.Clear();
        _stuck = false;
        return true;
    }

    private Slot SlotOf(int address) =>
        _slots.TryGetValue(address, out Slot? slot)
            ? slot
            : throw new ArgumentException($"no simulated device at 0x{address:X2}", nameof(address));

    private BusResult Transfer(TransferKind kind, int address, byte[]? data, int writeCount, byte[]? into, int readCount)
    {
        if (writeCount < 0 || writeCount > (data?.Length ?? 0)) throw new ArgumentOutOfRangeException(nameof(writeCount));
        if (readCount < 0 || readCount > (into?.Length ?? 0)) throw new ArgumentOutOfRangeException(nameof(readCount));

        _slots.TryGetValue(address, out Slot? slot);
        BusResult result = slot == null ? new BusResult(BusStatus.AddressNotAcknowledged, 0)
            : Deliver(slot, data, writeCount, into, readCount);

        if (slot != null)
        {
            slot.Transfers++;
            if (!result.Ok) slot.Failed++;
        }
        if (RecordTransfers)
        {
            byte[] written = new byte[writeCount];
            if (writeCount > 0) Array.Copy(data!, written, writeCount);
            Log.Add(new TransferRecord(_clock.NowMs, address, kind, written, readCount, result));
        }
        return result;
    }

    /// <summary>
    /// No answer: on the device (Blocked set) the native call waits for its timeout and reports ClockStretchTimeout
    /// (ESP_ERR_TIMEOUT, Runtime/DeviceTiming); without a runtime the old immediate failure is kept.
    /// </summary>
    private BusResult TimedOut(BusStatus withoutRuntime)
    {
        if (Blocked == null) return new BusResult(withoutRuntime, 0);
        TimedOutTransfers++;
        Blocked(Runtime.DeviceTiming.I2cTimeoutMs);
        return new BusResult(BusStatus.ClockStretchTimeout, 0);
    }

    private BusResult Deliver(Slot slot, byte[]? data, int writeCount, byte[]? into, int readCount)
    {
        if (IsStuck)
        {
            StuckAnswers++;
            return TimedOut(BusStatus.BusStuck);
        }
        if (slot.MissingUntilMs == long.MaxValue || (slot.MissingUntilMs >= 0 && _clock.NowMs < slot.MissingUntilMs))
            return TimedOut(BusStatus.ClockStretchTimeout);
        if (slot.UnpoweredUntilMs >= 0)
        {
            if (_clock.NowMs < slot.UnpoweredUntilMs) return new BusResult(BusStatus.AddressNotAcknowledged, 0);
            slot.Device.PowerOnReset(slot.UnpoweredUntilMs);
            slot.UnpoweredUntilMs = -1;
        }
        if (slot.NacksLeft > 0)
        {
            slot.NacksLeft--;
            return new BusResult(BusStatus.AddressNotAcknowledged, 0);
        }

        int total = writeCount + readCount;
        bool partial = slot.PartialsLeft > 0 && total > 0;
        int delivered = total;
        if (partial)
        {
            slot.PartialsLeft--;
            delivered = total / 2;
        }

        int written = Math.Min(writeCount, delivered);
        if (written > 0) slot.Device.Receive(data!, written);
        slot.BytesWritten += written;

        int read = Math.Max(0, delivered - writeCount);
        if (readCount > 0)
        {
            if (read > 0) slot.Device.Transmit(into!, read);
            for (int i = read; i < readCount; i++) into![i] = 0xFF;     // nothing driven: SDA idles high
            if (read > 0 && slot.BitFlipsLeft > 0)
            {
                slot.BitFlipsLeft--;
                BitFlipsApplied++;
                into![0] ^= BitFlipMask;
            }
            slot.BytesRead += read;
        }

        return partial ? new BusResult(BusStatus.PartialTransfer, delivered) : BusResult.Full(total);
    }
}
