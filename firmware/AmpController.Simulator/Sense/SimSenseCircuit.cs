using System;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Sense;

/// <summary>
/// The simulated sense front end of one board (hardware/README.md): test source with its RC ramp, the two force
/// paths with range switches, the relays, the plugged load and three gain stages (the channels' with a zoom switch)
/// into the simulated ESP32 ADC at 11 dB.
/// Exposes the ADC inputs and control pins the firmware uses. Each ADC read advances a sub-tick sample clock by
/// <see cref="SampleMicroseconds"/>, so ramps and intermittent contacts evolve within a window.
/// </summary>
public sealed class SimSenseCircuit
{
    /// <summary>Assumed time of one nanoFramework AdcChannel.ReadValue() call on the ESP32.</summary>
    public const double SampleMicroseconds = 40;

    readonly IClock _clock;
    readonly SimSenseRamp _ramp;
    readonly Random _contactRng;
    readonly SimContact[] _contacts = { new(), new() };
    readonly bool[] _lowRange = new bool[2];
    readonly bool[] _zoom = new bool[2];
    long _sampleBaseMs = long.MinValue;
    int _sampleCount;
    SimSenseLoad _load = SimSenseLoad.Open;

    public SimSenseCircuit(SimSenseParts parts, SimEsp32Adc adc, IClock clock, int contactSeed)
    {
        Parts = parts;
        Adc = adc;
        _clock = clock;
        _ramp = new SimSenseRamp(parts);
        _contactRng = new Random(contactSeed);
        Source = new SimAdcInput(this, 0);
        Left = new SimAdcInput(this, 1);
        Right = new SimAdcInput(this, 2);
        SourceEnable = new SimSensePin(on => _ramp.Set(on, NowMs()));
        RangeLowLeft = new SimSensePin(on => _lowRange[0] = on);
        RangeLowRight = new SimSensePin(on => _lowRange[1] = on);
        ZoomLeft = new SimSensePin(on => _zoom[0] = on);
        ZoomRight = new SimSensePin(on => _zoom[1] = on);
    }

    /// <summary>A board drawn from the seed: component tolerances, ADC reference/INL/offset/noise, contact randomness.</summary>
    public static SimSenseCircuit FromSeed(int seed, IClock clock)
    {
        var rng = new Random(seed);
        var parts = SimSenseParts.Draw(rng);
        var adc = new SimEsp32Adc(rng, rng.Next());
        return new SimSenseCircuit(parts, adc, clock, rng.Next());
    }

    /// <summary>The firmware's sensor wired to this circuit's ADC inputs and pins.</summary>
    public ImpedanceSensor CreateSensor(SenseCalibration? calibration) =>
        new(new SensePorts(Source, Left, Right, SourceEnable, RangeLowLeft, RangeLowRight, ZoomLeft, ZoomRight), calibration);

    /// <summary>The estimator's pins and inputs on this circuit (what CreateSensor wires).</summary>
    public SensePorts Ports => new(Source, Left, Right, SourceEnable, RangeLowLeft, RangeLowRight, ZoomLeft, ZoomRight);

    public SimSenseParts Parts { get; }
    public SimEsp32Adc Adc { get; }
    public IAdcChannel Source { get; }
    public IAdcChannel Left { get; }
    public IAdcChannel Right { get; }
    public IDigitalOutput SourceEnable { get; }
    public IDigitalOutput RangeLowLeft { get; }
    public IDigitalOutput RangeLowRight { get; }
    public IDigitalOutput ZoomLeft { get; }
    public IDigitalOutput ZoomRight { get; }

    /// <summary>Wired by the board model to the expander's sense-relay bit; standalone use keeps it closed.</summary>
    public Func<bool> SenseRelayClosed { get; set; } = () => true;

    /// <summary>Wired to the output-relay GPIO. Closed, its form-C contact disconnects the force path (interlock).</summary>
    public Func<bool> OutputRelayClosed { get; set; } = () => false;

    public SimSenseLoad Load => _load;

    /// <summary>Plugs a load (or changes the contact of the plugged one). Each plug gets a fresh contact resistance.</summary>
    public void Plug(SimSenseLoad load)
    {
        _load = load;
        double t = NowMs();
        for (int c = 0; c < 2; c++) _contacts[c].Plug(_contactRng, load.Intermittent, t);
    }

    public void Unplug() => Plug(SimSenseLoad.Open);

    /// <summary>The next <paramref name="count"/> ADC conversions (any channel) return spikes.</summary>
    public void InjectSpikes(int count) => Adc.InjectSpikes(count);

    public bool SourceEnabled => _ramp.Enabled;
    public bool LowRange(int channel) => _lowRange[channel];
    public bool Zoomed(int channel) => _zoom[channel];

    /// <summary>Buffered test-source voltage now.</summary>
    public double SourceVolts() => SourceVoltsAt(NowMs());

    /// <summary>Voltage across the load of a channel now (what the headphone sees).</summary>
    public double LoadVolts(int channel)
    {
        double t = NowMs();
        return JackVoltsAt(channel, SourceVoltsAt(t), t);
    }

    /// <summary>Current into the load of a channel now, in amperes.</summary>
    public double LoadAmps(int channel)
    {
        double t = NowMs();
        double ohm = EffectiveOhm(channel, t);
        if (double.IsPositiveInfinity(ohm) || !ForceConnected) return 0;
        return SenseNetwork.LoadAmps(Parts, channel, SourceVoltsAt(t), ohm, _lowRange[channel]);
    }

    bool ForceConnected => SenseRelayClosed() && !OutputRelayClosed();

    double NowMs()
    {
        long now = _clock.NowMs;
        if (now != _sampleBaseMs) { _sampleBaseMs = now; _sampleCount = 0; }
        return now + _sampleCount * SampleMicroseconds / 1000.0;
    }

    double SourceVoltsAt(double tMs) => SenseNetwork.BufferVolts(Parts, _ramp.NodeVolts(tMs));

    double EffectiveOhm(int channel, double tMs)
    {
        double ohm = channel == 0 ? _load.LeftOhm : _load.RightOhm;
        return _contacts[channel].SeriesOhm(_contactRng, tMs, ohm);
    }

    double JackVoltsAt(int channel, double sourceVolts, double tMs) =>
        SenseNetwork.JackVolts(Parts, channel, sourceVolts, EffectiveOhm(channel, tMs), _lowRange[channel],
            ForceConnected, SenseRelayClosed());

    internal int Read(int stage)
    {
        double t = NowMs();
        _sampleCount++;
        double delayed = t - SenseNetwork.FilterDelayMs(Parts, stage);
        double source = SourceVoltsAt(delayed);
        double input = stage == 0 ? source : SenseRelayClosed() ? JackVoltsAt(stage - 1, source, t) : 0;
        return Adc.Convert(AdcPinVolts(stage, input));
    }

    /// <summary>Voltage at an ADC pin for a stage's input (the channel stages with their zoom as switched now).</summary>
    public double AdcPinVolts(int stage, double inputVolts) =>
        SenseNetwork.AdcVolts(Parts, stage, inputVolts, stage > 0 && _zoom[stage - 1]);

    /// <summary>Noise-free voltage at an ADC pin now (stage 0 source, 1 left, 2 right), for window checks.</summary>
    public double AdcPinVoltsNow(int stage)
    {
        double t = NowMs();
        double delayed = t - SenseNetwork.FilterDelayMs(Parts, stage);
        double source = SourceVoltsAt(delayed);
        double input = stage == 0 ? source : SenseRelayClosed() ? JackVoltsAt(stage - 1, source, t) : 0;
        return AdcPinVolts(stage, input);
    }

    sealed class SimAdcInput(SimSenseCircuit circuit, int stage) : IAdcChannel
    {
        public int MaxValue => SimEsp32Adc.MaxCode;
        public int ReadRaw() => circuit.Read(stage);
    }
}

/// <summary>A GPIO output of the sense circuit; reports each write to the circuit.</summary>
public sealed class SimSensePin(Action<bool> onWrite) : IDigitalOutput
{
    public bool State { get; private set; }

    public void Write(bool high)
    {
        State = high;
        onWrite(high);
    }
}
