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
/// (S3); the relay pin reports every closing onto an attenuator that is not muted (S1, S2: no pop). S3's relay
/// timing (issue 17): mechanical relays need time to switch, so a gain change counts as unsafe unless the output
/// relay has been open for its worst-case release time, and a closing of the output relay unless the gain relays
/// switched at least their worst-case operate time before (<see cref="HardwareSafetyTiming"/>). No allocation.
/// </summary>
public sealed class SafetyObserver : IRegisterBus, IBusProbe
{
    private readonly SimI2cBus _bus;
    private readonly SimTca9534 _expander;
    private readonly ISimVolumeChip _volume;
    private readonly SimRelayPin _relay;
    private readonly IClock _clock;
    private long _relayOpenedAtMs;
    private long _gainChangedAtMs = long.MinValue / 2;

    public SafetyObserver(SimI2cBus bus, SimTca9534 expander, ISimVolumeChip volume, SimRelayPin relay, IClock clock)
    {
        _bus = bus;
        _expander = expander;
        _volume = volume;
        _relay = relay;
        _clock = clock;
        _relayOpenedAtMs = clock.NowMs - (long)System.Math.Ceiling(HardwareSafetyTiming.PlugRemovalToRelayOpenMaxMs); // open at power-up
        relay.Closing += OnRelayClosing;
        relay.Opening += OnRelayOpening;
    }

    /// <summary>Gain relay changes made by a transfer.</summary>
    public int GainChanges { get; private set; }

    /// <summary>S3 violations: a gain change with the output relay closed or the attenuator not muted.</summary>
    public int GainChangesWhileUnsafe { get; private set; }

    /// <summary>Relay closings onto an attenuator that was not muted.</summary>
    public int RelayClosingsUnmuted { get; private set; }

    /// <summary>S3 timing: gain changes less than the output relay's worst-case release time after it was told to open.</summary>
    public int GainChangesBeforeRelayReleased { get; private set; }

    /// <summary>S3 timing: output relay closings less than the gain relays' worst-case operate time after they switched.</summary>
    public int RelayClosingsBeforeGainSettled { get; private set; }

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

    public bool Probe(int address) => _bus.Probe(address);

    private void After(int gainBefore)
    {
        if (_expander.GainDb == gainBefore) return;
        GainChanges++;
        if (_relay.Closed || !_volume.Muted) GainChangesWhileUnsafe++;
        if (_clock.NowMs - _relayOpenedAtMs < HardwareSafetyTiming.PlugRemovalToRelayOpenMaxMs) GainChangesBeforeRelayReleased++;
        _gainChangedAtMs = _clock.NowMs;
    }

    private void OnRelayClosing()
    {
        if (!_volume.Muted) RelayClosingsUnmuted++;
        if (_clock.NowMs - _gainChangedAtMs < HardwareSafetyTiming.RelayOperateMaxMs) RelayClosingsBeforeGainSettled++;
    }

    private void OnRelayOpening() => _relayOpenedAtMs = _clock.NowMs;
}
