using System;
using System.Device.Gpio;
using System.Threading;
using AmpController.Core.Composition;
using AmpController.Core.Control;
using AmpController.Core.Dose;
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
    ///   3. the Core builder (Composition/AmpBuilder, the simulator's too) loads the stored settings (S9; defaults when
    ///      missing or corrupt), which choose the volume chip and feed the policy (limit, safe default, profiles), and
    ///      builds the drivers, the sensor, the supervision and the controller; then the console;
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
        // The loop's own timing, for selftest.
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
            // The Core builder (the simulator's too): the stored settings choose the volume chip and feed the policy.
            Amp amp = AmpBuilder.Build(board.Ports(new Esp32Reboot()));
            amp.ReportSettings(output);
            _bootGuard = amp.BootGuard;
            _monitor = amp.Monitor;
            _muteMemory = amp.MuteMemory;
            _doseStore = amp.DoseStore;
            if (!amp.DoseLoaded)
                output.WriteLine("sound dose: no valid stored record (" + amp.DoseStore.CorruptCopies.ToString("D") + " corrupt), starting from 0 %");

            ServicePorts service = amp.CreateServicePorts();
            service.Heap = new Esp32HeapProbe();
            service.Timing = _timing;
            var shell = new ConsoleShell(amp.Settings, amp.Store, new ControllerConsoleActions(amp.Controller, amp.Policy, amp.Settings),
                new ConsoleService(amp.Controller, service, RuntimeVersion));
            var console = terminal == null ? new ConsoleSession(new NoSerialInput(), shell, debug)
                : new ConsoleSession(terminal, shell, terminal);

            // The callback allocates nothing; the stall monitor runs even when the control loop does not (S8).
            _stallTimer = new Timer(CheckForStall, null, SoftwareWatchdog.DefaultPeriodMs, SoftwareWatchdog.DefaultPeriodMs);
            RunControlLoop(board, amp.Controller, console);
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
