using System;
using System.Collections.Generic;
using AmpController.Core.Acoustics;
using AmpController.Core.Composition;
using AmpController.Core.Control;
using AmpController.Core.Dose;
using AmpController.Core.Devices;
using AmpController.Core.LoadWatch;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Core.Storage;
using AmpController.Core.Supervision;
using AmpController.Simulator.Timeline;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.LoadWatch;
using AmpController.Simulator.Platform;
using AmpController.Simulator.Runtime;

namespace AmpController.Simulator.Board;

/// <summary>
/// The reference board (docs/design.md §2) in simulation, running the real Core controller with the real drivers over the
/// simulated I2C bus, on the device profile of docs/design.md §3a (Runtime/DeviceRuntime): the world moves in 1 ms steps
/// (jack, button, the encoder into the hardware pulse counter, the hardware interlocks on K1), and the firmware runs as
/// the nanoFramework interpreter would: its control tick wakes on the FreeRTOS 10 ms grid with jitter, a transfer to a
/// missing or stuck chip blocks it for the native I2C timeout, a runtimeHang stops it; the S8 stall monitor is a managed
/// timer on its period grid. <see cref="Snapshot"/> reads the simulated chips and K1's contacts, never the controller's
/// beliefs. Fault kinds beyond the bus's (FaultKind): adcSpike (device "sense"), stall (the control loop hangs for
/// durationMs, 0 = until the watchdog reboots it; timers still run), runtimeHang (the whole interpreter stops for
/// durationMs), powerCycle with device "board" (the whole board loses power for durationMs).
/// </summary>
public sealed partial class SimulatedBoard : ISimulatedBoard, IDeviceReboot, IExplainsDecisions
{
    private const int ButtonHoldMs = 80;

    private readonly BoardConfig _config;
    private readonly SimContacts _jack;
    private readonly SimContacts _button;
    private readonly SimSenseFrontEnd _sensor;
    private readonly Random _flicker;
    private bool _rebootRequested;
    private long _stalledUntilMs = -1;
    private bool _stalled;
    private long _poweredOffUntilMs = -1;

    private readonly Func<ICapPolicy, ICapPolicy>? _policyUnderTest;
    private readonly Func<IDigitalOutput, IDigitalOutput>? _relayUnderTest;
    private readonly Func<IDigitalInput, IDigitalInput>? _buttonUnderTest;

    /// <param name="policyUnderTest">Wraps the policy the controller gets: a test's deliberately broken variant, to show
    /// that the checks catch it (issue 18: the soak must fail on a broken rule). Null in every real use.</param>
    /// <param name="relayUnderTest">Wraps the output relay's pin as the controller gets it, for the same purpose (a
    /// controller whose "open" never reaches the relay). Null in every real use.</param>
    /// <param name="buttonUnderTest">Wraps the push button's pin as the controller reads it, for the same purpose (a
    /// controller that sees a press the pin never had: the S12 checker must report what it confirms). Null in every real use.</param>
    /// <param name="storedFlash">A flash that already holds what the listener stored (`ampsim console --flash`): the
    /// firmware boots from it, the chip it names is the one fitted, and the config's settings are not written. Null:
    /// <see cref="Flash"/>, holding the config's settings as the device stores them.</param>
    public SimulatedBoard(BoardConfig config, Func<ICapPolicy, ICapPolicy>? policyUnderTest = null,
        Func<IDigitalOutput, IDigitalOutput>? relayUnderTest = null, Func<IDigitalInput, IDigitalInput>? buttonUnderTest = null,
        IFileStore? storedFlash = null)
    {
        _config = config ?? throw new ArgumentNullException(nameof(config));
        _policyUnderTest = policyUnderTest;
        _relayUnderTest = relayUnderTest;
        _buttonUnderTest = buttonUnderTest;
        _jack = new SimContacts(0, config.Seed);
        _button = new SimContacts(0, config.Seed + 2);
        _flicker = new Random(config.Seed + 3);
        Clock = new SimClock();
        Runtime = new DeviceRuntime(Clock, config.Seed + 5);
        Runtime.SchedulingPoint = RunDueTimers;
        Watchdog = new SimHardwareWatchdog(Runtime, Clock, SimHardwareWatchdog.DrawTimeoutMs(config.Seed + 6));
        Encoder = new SimEncoder(PulseCounter, config.Seed + 1);
        Bus = new SimI2cBus(Clock) { Blocked = Runtime.Block };
        BusLines = Bus.AttachLines(Gpio, I2cDataGpio, I2cClockGpio);
        Relay.CoilSupplied = CoilSupplied;
        Relay.Rising = OutputRelayRose;
        Relay.World = Clock;
        Relay.FirmwareAheadMs = () => Runtime.AheadMs;
        StoredSettings = storedFlash == null ? BoardFlash.SettingsOf(config) : BoardFlash.Load(storedFlash);
        Chip = VolumeChipKind.Of(StoredSettings.VolumeChip);
        VolumeChip = SimVolumeChipModels.Create(Chip, Clock, config.Seed);
        Supervisor = Chip.SupplySupervised ? new SimSupplySupervisor(Clock, config.Seed + 4) : null;
        Expander = new SimTca9534();
        Bus.Attach(VolumeChip);
        Bus.Attach(Expander);
        _sensor = new SimSenseFrontEnd(config.Seed, Clock, () => Expander.SenseRelayClosed, () => Relay.Closed);
        LoadWatch = new SimLoadWatch(config.Seed, () => Relay.Closed, _sensor.Circuit.Left, _sensor.Circuit.Right, _sensor.Circuit.Source);
        Observer = new SafetyObserver(Bus, Expander, VolumeChip, Relay, Clock);
        // What the factory and the listener stored before the first boot, through the device's own stores (issue 17).
        if (storedFlash == null) BoardFlash.Seed(Flash.Factory, StoredSettings, _sensor.FactoryCalibration);
        Files = storedFlash == null ? Flash : BoardFlash.OverFactory(storedFlash, _sensor.FactoryCalibration);
        Boot();
    }

    /// <summary>I2C pins of the reference board (= firmware/AmpController.Esp32/BoardPins I2cData/I2cClock).</summary>
    public const int I2cDataGpio = 21, I2cClockGpio = 22;

    public BoardConfig Config => _config;

    /// <summary>The flash the firmware boots from: <see cref="Flash"/>, or the stored flash given to the constructor.</summary>
    public IFileStore Files { get; }

    /// <summary>The settings stored before the first boot (BoardFlash: the config as the device stores it). The checkers
    /// hold the board to these: the limit in force is <see cref="Settings.EffectiveLimitDbA"/> (S4, at most 85 dBA: S12).</summary>
    public Settings StoredSettings { get; }

    /// <summary>The world's time (the hardware's); the firmware reads <see cref="Runtime"/>.</summary>
    public SimClock Clock { get; }

    /// <summary>The nanoFramework interpreter: the firmware's clock, blocking calls, hangs, the 10 ms wake-up grid.</summary>
    public DeviceRuntime Runtime { get; }

    /// <summary>The GPIO controller's pin list (bus recovery opens and closes SDA/SCL through it).</summary>
    public SimGpioController Gpio { get; } = new();
    public SimBusLines BusLines { get; }

    /// <summary>The hardware watchdog on the feed pin (GPIO 14) that holds K1's coil supply.</summary>
    public SimHardwareWatchdog Watchdog { get; }

    /// <summary>The ESP32 PCNT unit on the encoder's pins, and the encoder's contacts feeding it.</summary>
    public SimPulseCounter PulseCounter { get; } = new();

    /// <summary>A second PCNT unit counting the jack switch's edges (a replug between two ticks is not lost).</summary>
    public SimEdgeCounter JackEdges { get; } = new();
    public SimEncoder Encoder { get; }

    /// <summary>This boot's object graph, built by the Core builder from the board's ports and the stored settings.</summary>
    public Amp Amp { get; private set; } = null!;

    /// <summary>This boot's bus guard between the drivers and the bus (Core/Devices/BusGuard).</summary>
    public BusGuard Guard => Amp.Bus;
    public SimI2cBus Bus { get; }
    public ISimVolumeChip VolumeChip { get; }

    /// <summary>The volume chip fitted (BoardConfig.VolumeChip), as Core describes it.</summary>
    public VolumeChipKind Chip { get; }

    /// <summary>The PT2258's supply supervisor (null on the DS1882 board, which reads its chip back instead).</summary>
    public SimSupplySupervisor? Supervisor { get; }
    public SimTca9534 Expander { get; }
    public SimRelayPin Relay { get; } = new();
    public SimInputPin JackSwitch { get; } = new();
    public SimInputPin EncoderA { get; } = new() { Level = true };
    public SimInputPin EncoderB { get; } = new() { Level = true };
    public SimInputPin MuteButton { get; } = new();
    public SimFileStore Flash { get; } = new();

    public int FlashWrites => Flash.Writes;

    /// <summary>This boot's mute memory over <see cref="Flash"/> (issue 19), flushed after every control tick.</summary>
    public StoredMute MuteMemory => Amp.MuteMemory;

    /// <summary>The stored sound dose (S13): loaded at boot, written between ticks.</summary>
    public DoseStore DoseStore => Amp.DoseStore;

    /// <summary>Bytes allocated inside Controller.Tick alone (not the flash writes between ticks), since construction.</summary>
    public long ControlTickBytes { get; private set; }

    /// <summary>The programme and the load watch's detectors (hardware/load-watch.cir), fed from the real chip state.</summary>
    public SimLoadWatch LoadWatch { get; }

    /// <summary>The firmware's side of the load watch in the running controller.</summary>
    public LoadWatchSensor LoadWatchDriver => Amp.LoadWatch;

    /// <summary>This boot's policy, fed from the stored settings; its board profile follows the stored chip choice.</summary>
    public SafetyCapPolicy Policy => Amp.Policy;
    public BoardProfile Profile => Amp.Policy.Input.Board;

    /// <summary>The sense front end's circuit (ADC, parts, pins): for tests that count ADC reads or check the window.</summary>
    public SimSenseCircuit SenseCircuit => _sensor.Circuit;

    /// <summary>The drivers' view of the bus: the simulated bus behind the S3 / relay-closing observer.</summary>
    public SafetyObserver Observer { get; }
    public Controller Controller => Amp.Controller;
    public IVolumeChip VolumeDriver => Amp.Volume;
    public IBoardSwitches SwitchesDriver => Amp.Switches;

    /// <summary>The physical headphone in the jack (null: nothing).</summary>
    public HeadphoneLoad? Load { get; private set; }

    public bool PoweredOff => _poweredOffUntilMs >= 0;

    /// <summary>The trace's state name while the whole board is without power (a board powerCycle).</summary>
    public const string PoweredOffState = "off";

    /// <summary>No encoder motion left to play out.</summary>
    public bool EncoderIdle => Encoder.Idle;

    /// <summary>The control loop hangs (stall fault) until its duration ends or the watchdog reboots the MCU.</summary>
    public bool Stalled => _stalled;
    public int Boots { get; private set; }
    public int WatchdogReboots { get; private set; }

    public long NowMs => Clock.NowMs;

    /// <summary>The policy's reasons behind the current decision (empty before the first measurement).</summary>
    public IReadOnlyList<string> Reasons
    {
        get
        {
            var d = Policy.LastDecision;
            if (d == null) return Array.Empty<string>();
            if (!ReferenceEquals(d, _reasonsOf))
            {
                _reasonsOf = d;
                _reasons = Array.ConvertAll(d.Reasons, r => r.Text);
            }
            return _reasons;
        }
    }

    private object? _reasonsOf;
    private string[] _reasons = Array.Empty<string>();

    public void Tick()
    {
        for (int i = 0; i < ControllerTiming.TickMs; i++) WorldStep();
        long now = Clock.NowMs;
        if (PoweredOff)
        {
            if (now < _poweredOffUntilMs) return;
            _poweredOffUntilMs = -1;
            Boot();
        }
        // The detectors run on the real hardware state of this step; the controller's tick then reads them.
        LoadWatch.Advance(Expander.GainDb, VolumeChip.AttenuationDb(0), VolumeChip.AttenuationDb(1), Relay.Closed, Load);
        if (_stalled && _stalledUntilMs > 0 && now >= _stalledUntilMs) _stalled = false;
        RunManaged(now);
        if (_rebootRequested)
        {
            WatchdogReboots++;
            Boot();
        }
    }

    /// <summary>IDeviceReboot: the watchdog monitor asks for a reboot; done at the end of this tick.</summary>
    void IDeviceReboot.Reboot() => _rebootRequested = true;

    /// <summary>ESP32 start-up: the relay pin floats low, the firmware starts from scratch; flash survives.</summary>
    private void Boot()
    {
        Boots++;
        _rebootRequested = false;
        _stalled = false;
        _stalledUntilMs = -1;
        Relay.Release();
        Encoder.Clear();
        if (Amp != null) Amp.Sensor.Stop(); // the reset releases the test source's pin
        Runtime.Reset();
        PulseCounter.Restart(); // GpioPulseCounter.Start() at start-up clears the count
        JackEdges.Restart();
        _nextMonitorMs = Clock.NowMs + SoftwareWatchdog.DefaultPeriodMs;
        _loopDeadlineMs = _nextLoopMs = Clock.NowMs + ControllerTiming.TickMs;
        // As the ESP32 app starts (Program): the Core builder loads the stored settings from flash, which choose the
        // driver and feed the policy, and builds everything on the board's ports; the volume chip powered up just now.
        var ports = new BoardPorts(Runtime, Observer, Files, Relay, JackSwitch, EncoderA, EncoderB, MuteButton,
            _sensor.Circuit.Ports, this, LoadWatch.ZLeft, LoadWatch.LevelLeft, LoadWatch.ZRight, LoadWatch.LevelRight)
        {
            Probe = Observer, VolumeSupplyGood = Supervisor, EncoderCounter = PulseCounter, JackEdges = JackEdges,
            WatchdogFeed = Watchdog, LoadWatchFitted = _config.LoadWatch, VolumePowerOnAtMs = Runtime.NowMs,
        };
        Amp amp = AmpBuilder.Assemble(ports);
        if (_relayUnderTest != null) amp.Ports.OutputRelay = _relayUnderTest(Relay);
        if (_buttonUnderTest != null) amp.Ports.MuteButton = _buttonUnderTest(MuteButton);
        Amp = amp;
        AmpBuilder.Start(amp, _policyUnderTest?.Invoke(amp.Policy) ?? amp.Policy);
    }

}
