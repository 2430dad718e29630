using System;
using System.Device.Gpio;
using System.Threading;
using AmpController.Core.Acoustics;
using AmpController.Core.Control;
using AmpController.Core.Dose;
using AmpController.Core.Devices;
using AmpController.Core.Platform;
using AmpController.Core.LoadWatch;
using AmpController.Core.Sensing;
using AmpController.Core.SerialConsole;
using AmpController.Core.Storage;
using AmpController.Core.Service;
using AmpController.Core.Supervision;
using AmpController.Esp32.Adapters;

namespace AmpController.Esp32
{
    /// <summary>
    /// Device entry point. Order matters (rule S1, docs/design.md §4):
    ///   1. the output relay pin is driven low (relay open) before anything else runs;
    ///   2. the attenuator is left as it powered up — muted (DS1882 volatile mode powers up muted, docs/design.md §6) —
    ///      nothing here writes to it; only the controller unmutes, after a readback confirms the configuration;
    ///   3. the stored settings are loaded (S9; defaults when missing or corrupt); they choose the volume chip and
    ///      feed the policy (limit, safe default, profiles); the drivers, the controller and the console are built;
    ///   4. the 10 ms control loop runs (the mute memory's flash write, console lines from COM2 and their replies between
    ///      ticks) and feeds the hardware watchdog each tick; the encoder and the jack's edges are counted by PCNT units in
    ///      hardware, read once per tick (no input timer: on the device a 1 ms Timer runs every 10–20 ms, docs/design.md
    ///      §3a); the S8 stall monitor is the one timer; an exception in the loop opens the relay, counts the reboot and
    ///      reboots (S8). Only the timer thread and the loop share state: the SoftwareWatchdog's counter (Interlocked) and
    ///      the relay pin.
    /// </summary>
    public static class Program
    {
        private static StallMonitor? _monitor;
        // For the crash path (S8): the relay pin adapter (no I2C needed) and the boot-loop counter.
        private static Esp32DigitalOutput? _outputRelay;
        private static BootLoopGuard? _bootGuard;
        // The listener's mute across reboots (issue 19), written between ticks and on the crash path.
        private static StoredMute? _muteMemory;
        private static DoseStore? _doseStore;
        // Held in a static field so the timer lives as long as the program.
        private static Timer? _stallTimer;
        // The serial console on COM2 (null when the port could not be opened): sends its queued output between ticks.
        private static SerialTerminal? _terminal;
        // What selftest and calibrate drive (filled by BuildController) and the loop's own timing for selftest.
        private static ServicePorts? _service;
        private static readonly LoopTiming _timing = new LoopTiming();

        public static void Main()
        {
            var gpio = new GpioController();
            var outputRelay = new Esp32DigitalOutput(gpio, BoardPins.OutputRelay, false);
            _outputRelay = outputRelay;

            var board = new Esp32Board(gpio, outputRelay);
            var debug = new DebugConsoleOutput();
            Esp32SerialPort? port = Esp32SerialPort.Open(debug);
            SerialTerminal? terminal = port == null ? null : new SerialTerminal(port, true);
            _terminal = terminal;
            // The start-up report goes to the debugger and the serial console; replies to the serial console.
            IConsoleOutput output = terminal == null ? (IConsoleOutput)debug : new TeeConsoleOutput(debug, terminal);
            var settings = new Settings();
            var store = new SettingsStore(board.Files);
            LoadSettings(store, settings, output);

            VolumeChipKind chip = VolumeChipKind.Of(settings.VolumeChip); // the one choice of the chip (S9: stored)
            var policy = new SafetyCapPolicy(BoardProfile.Reference(chip.Attenuator));
            settings.ApplyTo(policy.Input);
            // Every driver talks through the guard: a missing or stuck chip blocks the runtime at most once per tick, the
            // relay is opened before any transfer that may block, and the bus is clocked free only after a timeout.
            var bus = new BusGuard(board.Bus, board.Clock, board.OutputRelay, (IBusProbe)board.Bus);
            // The volume chip powers up with the MCU (powerOnAtMs 0); the PT2258's driver waits out its 200 ms itself.
            IVolumeChip volume = chip.CreateDriver(bus, board.Clock, 0);
            output.WriteLine("volume chip " + volume.Name + " (stored choice)");
            _muteMemory = new StoredMute(store, settings);
            Controller controller = BuildController(board, bus, volume, policy, chip);
            // S13: the weekly sound dose survives power cuts (two copies, CRC); power-off time never reduces it.
            _doseStore = new DoseStore(board.Files);
            if (!_doseStore.Load(controller.Dose, board.Clock.NowMs))
                output.WriteLine("sound dose: no valid stored record (" + _doseStore.CorruptCopies.ToString("D") + " corrupt), starting from 0 %");

            var shell = new ConsoleShell(settings, store, new ControllerConsoleActions(controller, policy, settings),
                new ConsoleService(controller, _service!, RuntimeVersion));
            var console = terminal == null ? new ConsoleSession(new NoSerialInput(), shell, debug)
                : new ConsoleSession(terminal, shell, terminal);

            // The callback allocates nothing; the stall monitor runs even when the control loop does not (S8).
            _stallTimer = new Timer(CheckForStall, null, SoftwareWatchdog.DefaultPeriodMs, SoftwareWatchdog.DefaultPeriodMs);
            RunControlLoop(board, controller, console);
        }

        /// <summary>
        /// Stored settings (S9): the newest valid copy, clamped; missing or corrupt data gives the defaults
        /// (SettingsStore never throws). Either way the outcome goes to the debug console.
        /// </summary>
        private static void LoadSettings(SettingsStore store, Settings settings, IConsoleOutput output)
        {
            LoadOutcome outcome = store.Load(settings);
            store.RepairCopies(); // one copy damaged by a power cut during a save: held twice again (S9)
            output.WriteLine(store.Status.Describe());
            if (outcome == LoadOutcome.CorruptDefaults)
                output.WriteLine("WARNING: stored settings are corrupt; running on defaults until the next 'save'");
        }

        /// <summary>The reference board: the chosen volume chip, TCA9534 expander, sense front-end, load watch, the policy.</summary>
        private static Controller BuildController(Esp32Board board, BusGuard bus, IVolumeChip volume, SafetyCapPolicy policy, VolumeChipKind chip)
        {
            var bootGuard = new BootLoopGuard(board.Files);
            bootGuard.Load();
            _bootGuard = bootGuard;
            var watchdog = new SoftwareWatchdog();
            _monitor = new StallMonitor(watchdog, bootGuard, board.OutputRelay, new Esp32Reboot());

            var switches = new Tca9534(bus, ReferenceAddresses.ExpanderAddress);
            var sensePorts = new SensePorts(board.SenseSource, board.SenseLeft, board.SenseRight, board.SenseSourceOn,
                board.SenseRangeLowLeft, board.SenseRangeLowRight, board.SenseZoomLeft, board.SenseZoomRight);
            var calibrationStore = new SenseCalibrationStore(board.Files);
            var sensor = new ImpedanceSensor(sensePorts, calibrationStore.Load()); // factory constants; defaults (flagged) if missing or bad

            var ports = new ControllerPorts(board.Clock, volume, switches, sensor, board.OutputRelay, board.JackSwitch,
                board.EncoderA, board.EncoderB, board.EncoderPush);
            ports.Bus = bus;
            ports.EncoderCounter = board.EncoderCounter;
            ports.JackEdges = board.JackEdges;
            ports.WatchdogFeed = board.WatchdogFeed;
            ports.MuteMemory = _muteMemory;
            // The PT2258 board's supply supervisor (issue 19): the relay waits for it and any dip opens the relay.
            if (chip.SupplySupervised) ports.VolumeSupplyGood = board.VolumeSupplyGood;
            // S7: the load watch (hardware/load-watch.cir) reads its four ADC1 pins while the relay is closed.
            ports.LoadWatch = new LoadWatchSensor(board.LoadWatchZLeft, board.LoadWatchLevelLeft, board.LoadWatchZRight,
                board.LoadWatchLevelRight);
            _service = new ServicePorts(board.Clock, board.Bus, volume, chip.Address, chip.WriteOnly, switches,
                ReferenceAddresses.ExpanderAddress, board.OutputRelay,
                board.JackSwitch, sensor, sensePorts, calibrationStore);
            _service.VolumeSupplyGood = ports.VolumeSupplyGood;
            _service.Heap = new Esp32HeapProbe();
            _service.Timing = _timing;
            return new Controller(ports, policy, watchdog, bootGuard);
        }

        /// <summary>What `version` names as the runtime: the pinned API has no call that reads the image's version.</summary>
        private const string RuntimeVersion = "nanoFramework ESP32 image (its version is not readable through the pinned API;"
            + " Device Explorer's Device Capabilities show it)";

        /// <summary>Console lines run between ticks, never during one; a period with no line allocates nothing.</summary>
        private static void RunControlLoop(Esp32Board board, Controller controller, ConsoleSession console)
        {
            long next = board.Clock.NowMs;
            while (true)
            {
                long start = board.Clock.NowMs;
                try
                {
                    controller.Tick();
                    if (_muteMemory != null) _muteMemory.Flush(); // a mute change reaches flash between ticks (S9 copies)
                    if (_doseStore != null) _doseStore.Flush(controller.Dose, board.Clock.NowMs); // S13: ≤ 1 write / 10 min listening
                    console.Poll();
                    if (_terminal != null) _terminal.Pump(); // at most 64 bytes a period: the UART write never waits
                    _timing.Record(start, board.Clock.NowMs, ControllerTiming.TickMs);
                }
                catch (Exception)
                {
                    RebootAfterCrash();
                }
                next += ControllerTiming.TickMs;
                long wait = next - board.Clock.NowMs;
                if (wait > 0) Thread.Sleep((int)wait);
                else next = board.Clock.NowMs;   // overran: start the next period now instead of bursting to catch up
            }
        }

        /// <summary>
        /// S8: a crash in the control loop is an unexpected reboot like a stall: the output relay opens first by a
        /// direct pin write (S1/S5, no I2C), the boot-loop guard counts it (repeated crashes start safe mode), then
        /// the device reboots. Each step is guarded on its own so a failing one cannot skip the next or the reboot.
        /// </summary>
        private static void RebootAfterCrash()
        {
            try
            {
                Esp32DigitalOutput? relay = _outputRelay;
                if (relay != null) relay.Write(false);
            }
            catch (Exception) { }
            try
            {
                BootLoopGuard? guard = _bootGuard;
                if (guard != null) guard.RecordUnexpectedReboot();
            }
            catch (Exception) { }
            try
            {
                StoredMute? mute = _muteMemory;
                if (mute != null) mute.Flush(); // a mute toggled in the tick that crashed still survives the reboot
            }
            catch (Exception) { }
            nanoFramework.Runtime.Native.Power.RebootDevice();
        }

        private static void CheckForStall(object? state)
        {
            StallMonitor? monitor = _monitor;
            if (monitor != null) monitor.Check();
        }
    }
}
