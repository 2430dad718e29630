using AmpController.Core.Devices;
using AmpController.Core.Input;
using AmpController.Core.LoadWatch;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;

namespace AmpController.Core.Control
{
    /// <summary>
    /// Everything physical the controller drives, as Core interfaces. Input pins deliver logical levels
    /// (the ESP32 adapters invert where the board's wiring is active-low):
    /// JackSwitch true = plug inserted; EncoderA/B true = contact open (pull-up), rest position both true;
    /// MuteButton true = pressed. OutputRelay high = relay closed (output connected).
    /// </summary>
    public sealed class ControllerPorts
    {
        public IClock Clock;
        public IVolumeChip Volume;
        public IBoardSwitches Switches;
        public IImpedanceSensor Sensor;
        public IDigitalOutput OutputRelay;
        public IDigitalInput JackSwitch;
        public IDigitalInput EncoderA;
        public IDigitalInput EncoderB;
        public IDigitalInput MuteButton;

        /// <summary>The I2C bus, for Recover() when a transfer failed (may be null).</summary>
        public IRegisterBus? Bus;

        /// <summary>
        /// The volume chip's supply supervisor (PT2258 board: TPS3808G01 RESET output, hardware/pinmap.md): true = the
        /// chip's supply has been good for at least the supervisor's delay. Null when the board has none (DS1882 board:
        /// the chip is read back instead, S6). Watched every tick and every fast input sample (Controller.Supply.cs).
        /// </summary>
        public IDigitalInput? VolumeSupplyGood;

        /// <summary>Keeps the listener's mute across a reboot (issue 19; Storage/StoredMute). May be null.</summary>
        public IMuteMemory? MuteMemory;

        /// <summary>The load watch (S7, hardware/load-watch.cir), or null on a board without it.</summary>
        public ILoadWatch? LoadWatch;

        /// <summary>
        /// The encoder on the ESP32's hardware pulse counter (x4 quadrature), read once per tick. When set, EncoderA/B
        /// are not sampled: no fast timer is needed (docs/design.md §3a: a 1 ms managed timer really runs every 10–20 ms).
        /// </summary>
        public IPulseCounter? EncoderCounter;

        /// <summary>
        /// Every edge of the jack switch, counted by a second pulse counter unit on the same pin (single-pin mode, both
        /// edges): a removal and re-insertion between two ticks, invisible to the tick's read, still moves the count.
        /// </summary>
        public IPulseCounter? JackEdges;

        /// <summary>
        /// The hardware watchdog's feed pin (BoardPins.WatchdogFeed, GPIO 14): one rising edge per control tick keeps the
        /// output relay's coil supply on; a runtime that stops feeding loses the output within 29.56–33.66 ms (S8, hardware/README.md).
        /// </summary>
        public IWatchdogFeed? WatchdogFeed;

        public ControllerPorts(IClock clock, IVolumeChip volume, IBoardSwitches switches, IImpedanceSensor sensor,
            IDigitalOutput outputRelay, IDigitalInput jackSwitch, IDigitalInput encoderA, IDigitalInput encoderB,
            IDigitalInput muteButton)
        {
            Clock = clock;
            Volume = volume;
            Switches = switches;
            Sensor = sensor;
            OutputRelay = outputRelay;
            JackSwitch = jackSwitch;
            EncoderA = encoderA;
            EncoderB = encoderB;
            MuteButton = muteButton;
        }
    }
}
