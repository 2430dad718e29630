using System.Device.Adc;
using System.Device.Gpio;
using AmpController.Core.Composition;
using AmpController.Core.Input;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Core.Supervision;
using AmpController.Esp32.Adapters;

namespace AmpController.Esp32
{
    /// <summary>
    /// The reference board seen through Core's Platform interfaces (docs/design.md §1): what the controller is built from.
    /// Created after the output relay is already driven open, so nothing opened here can close it. Inputs deliver the
    /// logical levels of ControllerPorts: jack switch true = plug in, push button true = pressed (both switch to
    /// ground), encoder contacts true = open (raw level, pull-ups).
    /// </summary>
    public sealed class Esp32Board
    {
        public readonly IDigitalOutput OutputRelay;
        public readonly IRegisterBus Bus;
        public readonly IAdcChannel SenseLeft;
        public readonly IAdcChannel SenseRight;
        public readonly IAdcChannel SenseSource;

        /// <summary>Load watch pins (hardware/load-watch.cir, hardware/pinmap.md): the left impedance on its own pin; the
        /// other three are the sense channels, switched to the load watch by U408 while the output relay is closed.</summary>
        public readonly IAdcChannel LoadWatchZLeft;
        public readonly IAdcChannel LoadWatchLevelLeft;
        public readonly IAdcChannel LoadWatchZRight;
        public readonly IAdcChannel LoadWatchLevelRight;
        public readonly IDigitalOutput SenseSourceOn;
        public readonly IDigitalOutput SenseRangeLowLeft;
        public readonly IDigitalOutput SenseRangeLowRight;
        public readonly IDigitalOutput SenseZoomLeft;
        public readonly IDigitalOutput SenseZoomRight;
        public readonly IDigitalInput JackSwitch;
        public readonly IDigitalInput EncoderA;
        public readonly IDigitalInput EncoderB;
        public readonly IDigitalInput EncoderPush;
        public readonly IDigitalInput Button2;
        /// <summary>PT2258 board: the supply supervisor's RESET output, true = the chip's supply is good (BoardPins).</summary>
        public readonly IDigitalInput VolumeSupplyGood;
        public readonly IClock Clock;
        public readonly IFileStore Files;

        /// <summary>The encoder on a PCNT unit (x4 quadrature) and the jack switch's edges on another (issue 13).</summary>
        public readonly IPulseCounter EncoderCounter;
        public readonly IPulseCounter JackEdges;

        /// <summary>The hardware watchdog's feed pin (GPIO 14): its first edge arms K1's coil supply.</summary>
        public readonly IWatchdogFeed WatchdogFeed;

        public Esp32Board(GpioController gpio, IDigitalOutput outputRelay)
        {
            OutputRelay = outputRelay;
            Clock = new TickClock();

            SenseSourceOn = new Esp32DigitalOutput(gpio, BoardPins.SenseSourceOn, false);
            SenseRangeLowLeft = new Esp32DigitalOutput(gpio, BoardPins.SenseRangeLowLeft, false);
            SenseRangeLowRight = new Esp32DigitalOutput(gpio, BoardPins.SenseRangeLowRight, false);
            SenseZoomLeft = new Esp32DigitalOutput(gpio, BoardPins.SenseZoomLeft, false);
            SenseZoomRight = new Esp32DigitalOutput(gpio, BoardPins.SenseZoomRight, false);

            Bus = new Esp32RegisterBus(gpio, BoardPins.I2cBusId, BoardPins.I2cData, BoardPins.I2cClock);

            var adc = new AdcController();
            SenseLeft = new Esp32AdcChannel(adc, BoardPins.SenseLeftAdcChannel);
            SenseRight = new Esp32AdcChannel(adc, BoardPins.SenseRightAdcChannel);
            SenseSource = new Esp32AdcChannel(adc, BoardPins.SenseSourceAdcChannel);
            LoadWatchZLeft = new Esp32AdcChannel(adc, BoardPins.LoadWatchZLeftAdcChannel);
            LoadWatchLevelLeft = SenseLeft;   // GPIO 36 through U408
            LoadWatchZRight = SenseRight;     // GPIO 39 through U408
            LoadWatchLevelRight = SenseSource; // GPIO 34 through U408

            JackSwitch = new Esp32DigitalInput(gpio, BoardPins.JackSwitch, PinMode.InputPullUp, true);
            EncoderA = new Esp32DigitalInput(gpio, BoardPins.EncoderA, PinMode.InputPullUp, false);
            EncoderB = new Esp32DigitalInput(gpio, BoardPins.EncoderB, PinMode.InputPullUp, false);
            EncoderPush = new Esp32DigitalInput(gpio, BoardPins.EncoderPush, PinMode.InputPullUp, true);
            Button2 = new Esp32DigitalInput(gpio, BoardPins.Button2, PinMode.InputPullUp, true);
            VolumeSupplyGood = new Esp32DigitalInput(gpio, BoardPins.VolumeSupplyGood, PinMode.Input, false); // external 100 kΩ pull-up
            // After the GPIO inputs above: the counters' native start reserves the pins without checking (Esp32PulseCounter).
            EncoderCounter = new Esp32PulseCounter(BoardPins.EncoderA, BoardPins.EncoderB);
            JackEdges = new Esp32PulseCounter(BoardPins.JackSwitch, -1);
            WatchdogFeed = new Esp32WatchdogFeed(gpio, BoardPins.WatchdogFeed);

            Files = new FlashFileStore();
        }

        /// <summary>The board as the Core builder takes it (Composition/AmpBuilder): pins, converters, bus, flash, clock.</summary>
        public BoardPorts Ports(IDeviceReboot reboot)
        {
            var sense = new SensePorts(SenseSource, SenseLeft, SenseRight, SenseSourceOn, SenseRangeLowLeft, SenseRangeLowRight,
                SenseZoomLeft, SenseZoomRight);
            var ports = new BoardPorts(Clock, Bus, Files, OutputRelay, JackSwitch, EncoderA, EncoderB, EncoderPush, sense, reboot,
                LoadWatchZLeft, LoadWatchLevelLeft, LoadWatchZRight, LoadWatchLevelRight);
            ports.Probe = (IBusProbe)Bus; // the bit-banged address probe on the same pins (Esp32RegisterBus)
            ports.VolumeSupplyGood = VolumeSupplyGood;
            ports.EncoderCounter = EncoderCounter;
            ports.JackEdges = JackEdges;
            ports.WatchdogFeed = WatchdogFeed;
            ports.VolumePowerOnAtMs = 0; // the volume chip powers up with the MCU; the PT2258's driver waits out its 200 ms
            return ports;
        }
    }
}
