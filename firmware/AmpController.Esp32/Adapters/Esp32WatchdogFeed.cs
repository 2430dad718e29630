using System.Device.Gpio;
using AmpController.Core.Platform;

namespace AmpController.Esp32.Adapters
{
    /// <summary>
    /// The hardware watchdog's feed pin (BoardPins.WatchdogFeed): Pulse toggles it up and down again, one rising edge
    /// for the board's retriggerable monostable (hardware/board/sheets/safety.txt). GpioPin.Toggle takes and returns
    /// nothing, so a feed allocates nothing (a Write would create a PinValue struct each time).
    /// </summary>
    public sealed class Esp32WatchdogFeed : IWatchdogFeed
    {
        private readonly GpioPin _pin;

        public Esp32WatchdogFeed(GpioController gpio, int pin)
        {
            _pin = gpio.OpenPin(pin, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        public void Pulse()
        {
            _pin.Toggle(); // rising edge: the monostable restarts its timeout
            _pin.Toggle();
        }
    }
}
