using AmpController.Core.Input;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Core.Supervision;

namespace AmpController.Core.Composition
{
    /// <summary>
    /// What a platform (the ESP32 app, the simulator) hands to <see cref="AmpBuilder"/>: its pins, converters, bus, flash,
    /// clock and reboot as Core interfaces, nothing built on them yet. Input levels as in ControllerPorts. The output relay
    /// pin is already driven open (S1) when the platform makes this.
    /// </summary>
    public sealed class BoardPorts
    {
        public IClock Clock;
        /// <summary>The raw I2C bus; the builder puts the BusGuard in front of it for the drivers.</summary>
        public IRegisterBus Bus;
        /// <summary>The bit-banged address probe on the bus pins (BusGuard), or null.</summary>
        public IBusProbe? Probe;
        public IFileStore Files;
        public IDigitalOutput OutputRelay;
        public IDigitalInput JackSwitch;
        public IDigitalInput EncoderA;
        public IDigitalInput EncoderB;
        public IDigitalInput MuteButton;
        public SensePorts Sense;
        public IDeviceReboot Reboot;

        /// <summary>The load watch's four ADC1 inputs (hardware/load-watch.cir).</summary>
        public IAdcChannel LoadWatchZLeft;
        public IAdcChannel LoadWatchLevelLeft;
        public IAdcChannel LoadWatchZRight;
        public IAdcChannel LoadWatchLevelRight;

        /// <summary>False for a board before issue 19 (no load watch fitted): the controller then runs without it.</summary>
        public bool LoadWatchFitted = true;

        /// <summary>The PT2258 board's supply supervisor output (true = good); used only when the chosen chip has one.</summary>
        public IDigitalInput? VolumeSupplyGood;
        public IPulseCounter? EncoderCounter;
        public IPulseCounter? JackEdges;
        public IWatchdogFeed? WatchdogFeed;

        /// <summary>When the volume chip got power on <see cref="Clock"/> (the MCU's start: both share the supply).</summary>
        public long VolumePowerOnAtMs;

        public BoardPorts(IClock clock, IRegisterBus bus, IFileStore files, IDigitalOutput outputRelay, IDigitalInput jackSwitch,
            IDigitalInput encoderA, IDigitalInput encoderB, IDigitalInput muteButton, SensePorts sense, IDeviceReboot reboot,
            IAdcChannel loadWatchZLeft, IAdcChannel loadWatchLevelLeft, IAdcChannel loadWatchZRight, IAdcChannel loadWatchLevelRight)
        {
            Clock = clock;
            Bus = bus;
            Files = files;
            OutputRelay = outputRelay;
            JackSwitch = jackSwitch;
            EncoderA = encoderA;
            EncoderB = encoderB;
            MuteButton = muteButton;
            Sense = sense;
            Reboot = reboot;
            LoadWatchZLeft = loadWatchZLeft;
            LoadWatchLevelLeft = loadWatchLevelLeft;
            LoadWatchZRight = loadWatchZRight;
            LoadWatchLevelRight = loadWatchLevelRight;
        }
    }
}
