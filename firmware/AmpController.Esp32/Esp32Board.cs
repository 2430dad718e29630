using System.Device.Adc;
using System.Device.Gpio;
using AmpController.Core.Platform;
using AmpController.Esp32.Adapters;

namespace AmpController.Esp32
{
    /// <summary>
    /// The reference board seen through Core's Platform interfaces (design.md §1): what the controller is built from.
    /// Created after the output relay is already driven open, so nothing opened here can close it.
    /// </summary>
    public sealed class Esp32Board
    {
        public readonly IDigitalOutput OutputRelay;
        public readonly IRegisterBus Bus;
        public readonly IAdcChannel SenseLeft;
        public readonly IAdcChannel SenseRight;
        public readonly IAdcChannel SenseSource;
        public readonly IDigitalInput JackSwitch;
        public readonly IDigitalInput EncoderA;
        public readonly IDigitalInput EncoderB;
        public readonly IDigitalInput EncoderPush;
        public readonly IDigitalInput Button2;
        public readonly IClock Clock;
        public readonly IFileStore Files;

        public Esp32Board(GpioController gpio, IDigitalOutput outputRelay)
        {
            OutputRelay = outputRelay;
            Clock = new TickClock();
            Bus = new Esp32RegisterBus(gpio, BoardPins.I2cBusId, BoardPins.I2cData, BoardPins.I2cClock);

            var adc = new AdcController();
            SenseLeft = new Esp32AdcChannel(adc, BoardPins.SenseLeftAdcChannel);
            SenseRight = new Esp32AdcChannel(adc, BoardPins.SenseRightAdcChannel);
            SenseSource = new Esp32AdcChannel(adc, BoardPins.SenseSourceAdcChannel);

            JackSwitch = new Esp32DigitalInput(gpio, BoardPins.JackSwitch, PinMode.InputPullUp);
            EncoderA = new Esp32DigitalInput(gpio, BoardPins.EncoderA, PinMode.InputPullUp);
            EncoderB = new Esp32DigitalInput(gpio, BoardPins.EncoderB, PinMode.InputPullUp);
            EncoderPush = new Esp32DigitalInput(gpio, BoardPins.EncoderPush, PinMode.InputPullUp);
            Button2 = new Esp32DigitalInput(gpio, BoardPins.Button2, PinMode.InputPullUp);

            Files = new FlashFileStore();
        }
    }
}
