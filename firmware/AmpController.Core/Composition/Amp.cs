using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Dose;
using AmpController.Core.LoadWatch;
using AmpController.Core.Sensing;
using AmpController.Core.SerialConsole;
using AmpController.Core.Service;
using AmpController.Core.Storage;
using AmpController.Core.Supervision;

namespace AmpController.Core.Composition
{
    /// <summary>One boot's object graph, as <see cref="AmpBuilder"/> made it from the board's ports and the stored settings.</summary>
    public sealed class Amp
    {
        public readonly BoardPorts Board;
        public Settings Settings = null!;
        public SettingsStore Store = null!;
        /// <summary>How the stored settings loaded (S9): the platform reports a corrupt store.</summary>
        public LoadOutcome SettingsOutcome;
        /// <summary>The volume chip the stored settings chose: the one place the choice is made.</summary>
        public VolumeChipKind Chip = null!;
        public SafetyCapPolicy Policy = null!;
        /// <summary>The guard every driver talks through (a missing or stuck chip blocks at most once per tick, S5).</summary>
        public BusGuard Bus = null!;
        public IVolumeChip Volume = null!;
        public Tca9534 Switches = null!;
        public SenseCalibrationStore CalibrationStore = null!;
        public ImpedanceSensor Sensor = null!;
        public LoadWatchSensor LoadWatch = null!;
        public BootLoopGuard BootGuard = null!;
        public SoftwareWatchdog Watchdog = null!;
        /// <summary>The S8 stall monitor: the platform runs its Check on a timer.</summary>
        public StallMonitor Monitor = null!;
        public StoredMute MuteMemory = null!;
        public DoseStore DoseStore = null!;
        /// <summary>False when no valid dose record was found (S13: the week starts from 0 %).</summary>
        public bool DoseLoaded;
        /// <summary>What the controller drives; a test may wrap a port before <see cref="AmpBuilder.Start"/>.</summary>
        public ControllerPorts Ports = null!;
        /// <summary>Null until <see cref="AmpBuilder.Start"/>.</summary>
        public Controller Controller = null!;

        public Amp(BoardPorts board)
        {
            Board = board;
        }

        /// <summary>What selftest and calibrate drive: this boot's drivers on the raw bus, the sensor and its store.</summary>
        public ServicePorts CreateServicePorts()
        {
            var service = new ServicePorts(Board.Clock, Board.Bus, Volume, Chip.Address, Chip.WriteOnly, Switches,
                ReferenceAddresses.ExpanderAddress, Board.OutputRelay, Board.JackSwitch, Sensor, Board.Sense, CalibrationStore);
            service.VolumeSupplyGood = Ports.VolumeSupplyGood;
            return service;
        }

        /// <summary>The start-up report (S9): how the stored settings loaded and the chip they chose.</summary>
        public void ReportSettings(IConsoleOutput output)
        {
            output.WriteLine(Store.Status.Describe());
            if (SettingsOutcome == LoadOutcome.CorruptDefaults)
                output.WriteLine("WARNING: stored settings are corrupt; running on defaults until the next 'save'");
            output.WriteLine("volume chip " + Volume.Name + " (stored choice)");
        }
    }
}
