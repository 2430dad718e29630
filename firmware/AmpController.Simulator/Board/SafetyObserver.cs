using AmpController.Core.Platform;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Board;

/// <summary>
/// Watches the real hardware at the instant things change, for rules that a once-per-tick snapshot cannot see
/// (the controller may mute, switch gain and close the relay within one tick). Sits between the drivers and the
/// simulated bus: after every transfer that changed the gain relays it checks the relay pin and the attenuator
/// (S3); the relay pin reports every closing onto an attenuator that is not muted (S1, S2: no pop). No allocation.
/// </summary>
public sealed class SafetyObserver : IRegisterBus
{
    private readonly SimI2cBus _bus;
    private readonly SimTca9534 _expander;
    private readonly ISimVolumeChip _volume;
    private readonly SimRelayPin _relay;

    public SafetyObserver(SimI2cBus bus, SimTca9534 expander, ISimVolumeChip volume, SimRelayPin relay)
    {
        _bus = bus;
        _expander = expander;
        _volume = volume;
        _relay = relay;
        relay.Closing = OnRelayClosing;
    }

    /// <summary>Gain relay changes made by a transfer.</summary>
    public int GainChanges { get; private set; }

    /// <summary>S3 violations: a gain change with the output relay closed or the attenuator not muted.</summary>
    public int GainChangesWhileUnsafe { get; private set; }

    /// <summary>Relay closings onto an attenuator that was not muted.</summary>
    public int RelayClosingsUnmuted { get; private set; }

    public BusResult Write(int address, byte[] data, int count)
    {
        int before = _expander.GainDb;
        BusResult r = _bus.Write(address, data, count);
        After(before);
        return r;
    }

    public BusResult Read(int address, byte[] into, int count) => _bus.Read(address, into, count);

    public BusResult WriteRead(int address, byte[] data, int writeCount, byte[] into, int readCount)
    {
        int before = _expander.GainDb;
        BusResult r = _bus.WriteRead(address, data, writeCount, into, readCount);
        After(before);
        return r;
    }

    public bool Recover() => _bus.Recover();

    private void After(int gainBefore)
    {
        if (_expander.GainDb == gainBefore) return;
        GainChanges++;
        if (_relay.Closed || !_volume.Muted) GainChangesWhileUnsafe++;
    }

    private void OnRelayClosing()
    {
        if (!_volume.Muted) RelayClosingsUnmuted++;
    }
}
