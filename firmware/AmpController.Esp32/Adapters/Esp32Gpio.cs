using System.Device.Gpio;
using AmpController.Core.Platform;

namespace AmpController.Esp32.Adapters
{
    /// <summary>
    /// IDigitalInput over a GpioPin, read by polling (no interrupt logic). Delivers the logical level Core expects
    /// (ControllerPorts): an active-low switch to ground reads true when closed.
    /// </summary>
    public sealed class Esp32DigitalInput : IDigitalInput
    {
        private readonly GpioPin _pin;
        private readonly PinValue _trueLevel;

        public Esp32DigitalInput(GpioController gpio, int pin, PinMode mode, bool activeLow)
        {
            _pin = gpio.OpenPin(pin, mode);
            _trueLevel = activeLow ? PinValue.Low : PinValue.High;
        }

        public bool Read() { return _pin.Read() == _trueLevel; }
    }

    /// <summary>IDigitalOutput over a GpioPin. The level is written before anything else can happen (S1 for the relay).</summary>
    public sealed class Esp32DigitalOutput : IDigitalOutput
    {
        private readonly GpioPin _pin;

        public Esp32DigitalOutput(GpioController gpio, int pin, bool initialHigh)
        {
            _pin = gpio.OpenPin(pin, PinMode.Output);
            _pin.Write(initialHigh ? PinValue.High : PinValue.Low);
        }

        public void Write(bool high) { _pin.Write(high ? PinValue.High : PinValue.Low); }
    }
}
