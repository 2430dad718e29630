using System.Device.Gpio;
using System.Threading;
using AmpController.Core.Acoustics;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Sensing;
using AmpController.Core.Supervision;
using AmpController.Esp32.Adapters;

namespace AmpController.Esp32
{
    /// <summary>
    /// Device entry point. Order matters (rule S1, design.md §4):
    ///   1. the output relay pin is driven low (relay open) before anything else runs;
    ///   2. the attenuator is left as it powered up — muted (DS1882 volatile mode powers up muted, design.md §6) —
    ///      nothing here writes to it; only the controller unmutes, after a readback confirms the configuration;
    ///   3. the board, the drivers and the controller are built; 4. the 10 ms control loop runs, with a 1 ms input
    ///      sampler and the S8 stall monitor on timers.
    /// </summary>
    public static class Program
    {
        /// <summary>Fast input sampling for the encoder (Controller.SampleInputs: a fast detent lasts a few ms).</summary>
        public const int SampleMs = 1;

        private static Controller? _controller;
        private static StallMonitor? _monitor;
        // Held in static fields so the timers live as long as the program.
        private static Timer? _sampleTimer;
        private static Timer? _stallTimer;

        public static void Main()
        {
            var gpio = new GpioController();
            var outputRelay = new Esp32DigitalOutput(gpio, BoardPins.OutputRelay, false);

            var board = new Esp32Board(gpio, outputRelay);
            Controller controller = BuildController(board);
            _controller = controller;

            // The callbacks allocate nothing; the stall monitor runs even when the control loop does not (S8).
            _sampleTimer = new Timer(SampleInputs, null, SampleMs, SampleMs);
            _stallTimer = new Timer(CheckForStall, null, SoftwareWatchdog.DefaultPeriodMs, SoftwareWatchdog.DefaultPeriodMs);
            RunControlLoop(board, controller);
        }

        /// <summary>The reference board: DS1882 volume chip, TCA9534 expander, sense front-end, reference board profile.</summary>
        private static Controller BuildController(Esp32Board board)
        {
            var bootGuard = new BootLoopGuard(board.Files);
            bootGuard.Load();
            var watchdog = new SoftwareWatchdog();
            _monitor = new StallMonitor(watchdog, bootGuard, board.OutputRelay, new Esp32Reboot());

            IVolumeChip volume = new Ds1882(board.Bus, Esp32Board.VolumeChipAddress);
            IBoardSwitches switches = new Tca9534(board.Bus, Esp32Board.ExpanderAddress);
            IImpedanceSensor sensor = new ImpedanceSensor(board.SenseSource, board.SenseLeft, board.SenseRight,
                board.SenseSourceOn, board.SenseRangeLowLeft, board.SenseRangeLowRight, null);
            var policy = new SafetyCapPolicy(BoardProfile.Reference());

            var ports = new ControllerPorts(board.Clock, volume, switches, sensor, board.OutputRelay, board.JackSwitch,
                board.EncoderA, board.EncoderB, board.EncoderPush);
            ports.Bus = board.Bus;
            return new Controller(ports, policy, watchdog, bootGuard);
        }

        private static void RunControlLoop(Esp32Board board, Controller controller)
        {
            long next = board.Clock.NowMs;
            while (true)
            {
                controller.Tick();
                next += ControllerTiming.TickMs;
                long wait = next - board.Clock.NowMs;
                if (wait > 0) Thread.Sleep((int)wait);
                else next = board.Clock.NowMs;   // overran: start the next period now instead of bursting to catch up
            }
        }

        private static void SampleInputs(object? state)
        {
            Controller? controller = _controller;
            if (controller != null) controller.SampleInputs();
        }

        private static void CheckForStall(object? state)
        {
            StallMonitor? monitor = _monitor;
            if (monitor != null) monitor.Check();
        }
    }
}
