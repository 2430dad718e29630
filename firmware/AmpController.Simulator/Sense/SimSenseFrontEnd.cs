using System;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Sense;

/// <summary>
/// The simulated board's sense front end: the circuit of the board drawn from the seed (ADC, parts, pins) and its factory
/// calibration, which the factory writes to flash for the firmware to load at boot (Board/BoardFlash). The firmware's
/// estimator (Core ImpedanceSensor) is built on <see cref="SimSenseCircuit.Ports"/> by the Core builder, as on the device.
/// The circuit sees the board's relays: the sense relay (expander bit) connects the jack, the output relay's form-C
/// contact disconnects the test source.
/// </summary>
public sealed class SimSenseFrontEnd
{
    HeadphoneLoad? _load;

    public SimSenseFrontEnd(int seed, IClock clock, Func<bool> senseRelayClosed, Func<bool> outputRelayClosed)
    {
        Circuit = SimSenseCircuit.FromSeed(seed, clock);
        Circuit.SenseRelayClosed = senseRelayClosed;
        Circuit.OutputRelayClosed = outputRelayClosed;
        FactoryCalibration = SimSenseRig.FactoryCalibration(seed);
    }

    public SimSenseCircuit Circuit { get; }

    /// <summary>This board's constants as the factory procedure measured them (SimSenseRig).</summary>
    public SenseCalibration FactoryCalibration { get; }

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
}
