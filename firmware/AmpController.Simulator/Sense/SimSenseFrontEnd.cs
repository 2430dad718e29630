using System;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Sense;

/// <summary>
/// The simulated board's impedance sensor: the real firmware estimator (Core ImpedanceSensor) on the simulated sense
/// circuit of the board drawn from the seed, with its factory calibration. The circuit sees the board's relays: the
/// sense relay (expander bit) connects the jack, the output relay's form-C contact disconnects the test source.
/// </summary>
public sealed class SimSenseFrontEnd : IImpedanceSensor
{
    readonly ImpedanceSensor _sensor;
    HeadphoneLoad? _load;

    public SimSenseFrontEnd(int seed, IClock clock, Func<bool> senseRelayClosed, Func<bool> outputRelayClosed)
    {
        Circuit = SimSenseCircuit.FromSeed(seed, clock);
        Circuit.SenseRelayClosed = senseRelayClosed;
        Circuit.OutputRelayClosed = outputRelayClosed;
        _sensor = Circuit.CreateSensor(SimSenseRig.FactoryCalibration(seed));
    }

    public SimSenseCircuit Circuit { get; }

    /// <summary>The firmware estimator itself, for the console's selftest and calibrate (Core/Service).</summary>
    public ImpedanceSensor Estimator => _sensor;

    /// <summary>The physical load in the jack (null: nothing); a half-inserted plug has intermittent contacts.</summary>
    public HeadphoneLoad? Load
    {
        get => _load;
        set
        {
            _load = value;
            Circuit.Plug(value == null ? SimSenseLoad.Open : new SimSenseLoad(value.LeftOhm, value.RightOhm, value.HalfInserted));
        }
    }

    /// <summary>The next <paramref name="count"/> ADC conversions return spikes (scenario fault adcSpike).</summary>
    public void InjectSpikes(int count) => Circuit.InjectSpikes(count);

    /// <summary>Drops spikes not yet delivered.</summary>
    public void ClearSpikes() => Circuit.Adc.ClearSpikes();

    public SenseResult Result => _sensor.Result;
    public void Start(long nowMs) => _sensor.Start(nowMs);
    public bool Poll(long nowMs) => _sensor.Poll(nowMs);
    public void Stop() => _sensor.Stop();
}
