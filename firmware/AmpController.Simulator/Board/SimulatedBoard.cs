using System;
using System.Collections.Generic;
using AmpController.Core.Acoustics;
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
    private StallMonitor _monitor = null!;
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
    public SimulatedBoard(BoardConfig config, Func<ICapPolicy, ICapPolicy>? policyUnderTest = null,
        Func<IDigitalOutput, IDigitalOutput>? relayUnderTest = null, Func<IDigitalInput, IDigitalInput>? buttonUnderTest = null)
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
        Chip = VolumeChipKind.Of(config.VolumeChip);
        VolumeChip = SimVolumeChipModels.Create(Chip, Clock, config.Seed);
        Supervisor = Chip.SupplySupervised ? new SimSupplySupervisor(Clock, config.Seed + 4) : null;
        Expander = new SimTca9534();
        Bus.Attach(VolumeChip);
        Bus.Attach(Expander);
        _sensor = new SimSenseFrontEnd(config.Seed, Clock, () => Expander.SenseRelayClosed, () => Relay.Closed);
        LoadWatch = new SimLoadWatch(config.Seed, () => Relay.Closed, _sensor.Circuit.Left, _sensor.Circuit.Right, _sensor.Circuit.Source);
        Profile = BoardProfile.Reference(Chip.Attenuator);
        Observer = new SafetyObserver(Bus, Expander, VolumeChip, Relay, Clock);
        Policy = new SafetyCapPolicy(Profile);
        Policy.Input.LimitDbA = config.LimitDbA;
        Policy.Input.SafeDefaultDbA = config.SafeDefaultDbA;
        Policy.Input.AckLimitDbA = config.AckLimitDbA;
        Policy.Input.Profiles = ToProfiles(config);
        Boot();
    }

    /// <summary>I2C pins of the reference board (= firmware/AmpController.Esp32/BoardPins I2cData/I2cClock).</summary>
    public const int I2cDataGpio = 21, I2cClockGpio = 22;

    public BoardConfig Config => _config;

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

    /// <summary>This boot's bus guard between the drivers and the bus (Core/Devices/BusGuard).</summary>
    public BusGuard Guard { get; private set; } = null!;
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
    public StoredMute MuteMemory { get; private set; } = null!;

    /// <summary>The stored sound dose (S13): loaded at boot, written between ticks.</summary>
    public DoseStore DoseStore { get; private set; } = null!;

    /// <summary>Bytes allocated inside Controller.Tick alone (not the flash writes between ticks), since construction.</summary>
    public long ControlTickBytes { get; private set; }

    /// <summary>The programme and the load watch's detectors (hardware/load-watch.cir), fed from the real chip state.</summary>
    public SimLoadWatch LoadWatch { get; }

    /// <summary>The firmware's side of the load watch in the running controller.</summary>
    public LoadWatchSensor LoadWatchDriver { get; private set; } = null!;
    public BoardProfile Profile { get; }
    public SafetyCapPolicy Policy { get; }

    /// <summary>The sense front end's circuit (ADC, parts, pins): for tests that count ADC reads or check the window.</summary>
    public SimSenseCircuit SenseCircuit => _sensor.Circuit;

    /// <summary>The drivers' view of the bus: the simulated bus behind the S3 / relay-closing observer.</summary>
    public SafetyObserver Observer { get; }
    public Controller Controller { get; private set; } = null!;
    public IVolumeChip VolumeDriver { get; private set; } = null!;
    public IBoardSwitches SwitchesDriver { get; private set; } = null!;

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
        _sensor.Stop();
        Runtime.Reset();
        PulseCounter.Restart(); // GpioPulseCounter.Start() at start-up clears the count
        JackEdges.Restart();
        Guard = new BusGuard(Observer, Runtime, Relay, Observer);
        VolumeDriver = Chip.CreateDriver(Guard, Runtime, Runtime.NowMs);
        SwitchesDriver = new Tca9534(Guard, Expander.Address);
        var guard = new BootLoopGuard(Flash);
        guard.Load();
        var watchdog = new SoftwareWatchdog();
        _monitor = new StallMonitor(watchdog, guard, Relay, this);
        _nextMonitorMs = Clock.NowMs + SoftwareWatchdog.DefaultPeriodMs;
        _loopDeadlineMs = _nextLoopMs = Clock.NowMs + ControllerTiming.TickMs;
        // As the ESP32 app starts (Program): the stored settings are loaded; the mute memory keeps the listener's mute.
        var settings = new Settings();
        var store = new SettingsStore(Flash);
        store.Load(settings);
        MuteMemory = new StoredMute(store, settings);
        var ports = new ControllerPorts(Runtime, VolumeDriver, SwitchesDriver, _sensor, _relayUnderTest?.Invoke(Relay) ?? Relay, JackSwitch,
            EncoderA, EncoderB, _buttonUnderTest?.Invoke(MuteButton) ?? MuteButton)
        {
            Bus = Guard, VolumeSupplyGood = Supervisor, MuteMemory = MuteMemory, EncoderCounter = PulseCounter,
            JackEdges = JackEdges, WatchdogFeed = Watchdog,
        };
        LoadWatchDriver = new LoadWatchSensor(LoadWatch.ZLeft, LoadWatch.LevelLeft, LoadWatch.ZRight, LoadWatch.LevelRight);
        if (_config.LoadWatch) ports.LoadWatch = LoadWatchDriver;
        Controller = new Controller(ports, _policyUnderTest?.Invoke(Policy) ?? Policy, watchdog, guard);
        DoseStore = new DoseStore(Flash);
        DoseStore.Load(Controller.Dose, Clock.NowMs);
    }

    private static HeadphoneProfile[]? ToProfiles(BoardConfig config)
    {
        if (config.Profiles == null || config.Profiles.Count == 0) return null;
        var profiles = new HeadphoneProfile[config.Profiles.Count];
        for (int i = 0; i < profiles.Length; i++)
        {
            ProfileSpec p = config.Profiles[i];
            profiles[i] = new HeadphoneProfile(p.Name, p.ImpedanceOhm, p.Sensitivity, p.Unit);
        }
        return profiles;
    }

}
