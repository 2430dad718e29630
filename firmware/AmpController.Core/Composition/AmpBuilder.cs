using AmpController.Core.Acoustics;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Dose;
using AmpController.Core.LoadWatch;
using AmpController.Core.Sensing;
using AmpController.Core.Storage;
using AmpController.Core.Supervision;

namespace AmpController.Core.Composition
{
    /// <summary>
    /// The one place the amplifier's object graph is built (issue 17), for the ESP32 app and the simulator alike. Order
    /// (S1: the platform already holds the output relay open; nothing here writes to a chip): the stored settings are
    /// loaded (S9: the newest valid copy, clamped; defaults when missing or corrupt; a damaged copy repaired), and they
    /// choose the volume chip (<see cref="VolumeChipKind"/>) and feed the policy (limit, safe default, profiles); then
    /// the bus guard and the drivers, the sensor with its stored calibration (defaults, flagged, if missing or bad), the
    /// load watch, the boot-loop guard, the watchdog and its stall monitor (S8), the mute memory and the dose store
    /// (S13); <see cref="Start"/> makes the controller and loads the week's dose into it. Runs once per boot; may allocate.
    /// </summary>
    public static class AmpBuilder
    {
        public static Amp Build(BoardPorts board)
        {
            Amp amp = Assemble(board);
            Start(amp, amp.Policy);
            return amp;
        }

        /// <summary>Everything but the controller: a test may wrap <see cref="Amp.Ports"/> or the policy first.</summary>
        public static Amp Assemble(BoardPorts board)
        {
            var amp = new Amp(board);
            amp.Settings = new Settings();
            amp.Store = new SettingsStore(board.Files);
            amp.SettingsOutcome = amp.Store.Load(amp.Settings);
            amp.Store.RepairCopies(); // one copy damaged by a power cut during a save: held twice again (S9)
            amp.Chip = VolumeChipKind.Of(amp.Settings.VolumeChip);
            amp.Policy = new SafetyCapPolicy(BoardProfile.Reference(amp.Chip.Attenuator));
            amp.Settings.ApplyTo(amp.Policy.Input);

            amp.Bus = new BusGuard(board.Bus, board.Clock, board.OutputRelay, board.Probe);
            amp.Volume = amp.Chip.CreateDriver(amp.Bus, board.Clock, board.VolumePowerOnAtMs);
            amp.Switches = new Tca9534(amp.Bus, ReferenceAddresses.ExpanderAddress);
            amp.CalibrationStore = new SenseCalibrationStore(board.Files);
            amp.Sensor = new ImpedanceSensor(board.Sense, amp.CalibrationStore.Load()); // factory constants
            // S7: the load watch (hardware/load-watch.cir) reads its four ADC1 pins while the relay is closed.
            amp.LoadWatch = new LoadWatchSensor(board.LoadWatchZLeft, board.LoadWatchLevelLeft, board.LoadWatchZRight,
                board.LoadWatchLevelRight);

            amp.BootGuard = new BootLoopGuard(board.Files);
            amp.BootGuard.Load();
            amp.Watchdog = new SoftwareWatchdog();
            amp.Monitor = new StallMonitor(amp.Watchdog, amp.BootGuard, board.OutputRelay, board.Reboot);
            amp.MuteMemory = new StoredMute(amp.Store, amp.Settings);
            amp.DoseStore = new DoseStore(board.Files);

            var ports = new ControllerPorts(board.Clock, amp.Volume, amp.Switches, amp.Sensor, board.OutputRelay,
                board.JackSwitch, board.EncoderA, board.EncoderB, board.MuteButton);
            ports.Bus = amp.Bus;
            ports.EncoderCounter = board.EncoderCounter;
            ports.JackEdges = board.JackEdges;
            ports.WatchdogFeed = board.WatchdogFeed;
            ports.MuteMemory = amp.MuteMemory;
            // Issue 19: on the PT2258 board the relay waits for the chip's supply supervisor and any dip opens it.
            if (amp.Chip.SupplySupervised) ports.VolumeSupplyGood = board.VolumeSupplyGood;
            if (board.LoadWatchFitted) ports.LoadWatch = amp.LoadWatch;
            amp.Ports = ports;
            return amp;
        }

        /// <summary>The controller on <see cref="Amp.Ports"/> with <paramref name="policy"/>, and the stored dose (S13).</summary>
        public static void Start(Amp amp, ICapPolicy policy)
        {
            amp.Controller = new Controller(amp.Ports, policy, amp.Watchdog, amp.BootGuard);
            // S13: the weekly sound dose survives power cuts (two copies, CRC); power-off time never reduces it.
            amp.DoseLoaded = amp.DoseStore.Load(amp.Controller.Dose, amp.Board.Clock.NowMs);
        }
    }
}
