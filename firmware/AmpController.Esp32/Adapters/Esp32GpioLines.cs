using System;
using System.Device;
using System.Device.Gpio;
using AmpController.Core.Platform;

namespace AmpController.Esp32.Adapters
{
    /// <summary>
    /// Core's IGpioLines over the GpioController, for the bit-banged bus clear and address probe on SDA/SCL
    /// (Core/Platform/I2cBusClear) while the I2C driver has let go of them. Every Open is a GpioController.OpenPin and
    /// every Close a ClosePin: nanoFramework keeps an opened pin in a static list until ClosePin, and GpioPin.Dispose does
    /// not take it out (docs/design.md §3a), so disposing would leak a pin entry per recovery. Released = input (the
    /// board's pull-ups pull the line high); low = output driving low (open-drain by hand). Nothing here throws.
    /// </summary>
    public sealed class Esp32GpioLines : IGpioLines
    {
        private readonly GpioController _gpio;
        private readonly GpioPin?[] _pins = new GpioPin?[40];

        public Esp32GpioLines(GpioController gpio)
        {
            _gpio = gpio;
        }

        public bool Open(int pin)
        {
            if (pin < 0 || pin >= _pins.Length || _pins[pin] != null) return false;
            try
            {
                _pins[pin] = _gpio.OpenPin(pin, PinMode.Input);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        public void Close(int pin)
        {
            if (pin < 0 || pin >= _pins.Length || _pins[pin] == null) return;
            _pins[pin] = null;
            try { _gpio.ClosePin(pin); }
            catch (Exception) { /* already closed: nothing listed */ }
        }

        public void DriveLow(int pin)
        {
            GpioPin? p = PinOf(pin);
            if (p == null) return;
            p.SetPinMode(PinMode.Output);
            p.Write(PinValue.Low);
        }

        public void Release(int pin)
        {
            GpioPin? p = PinOf(pin);
            if (p != null) p.SetPinMode(PinMode.Input);
        }

        public bool IsHigh(int pin)
        {
            GpioPin? p = PinOf(pin);
            return p != null && p.Read() == PinValue.High;
        }

        public void Delay(int microseconds)
        {
            DelayHelper.DelayMicroseconds(microseconds, false);
        }

        private GpioPin? PinOf(int pin)
        {
            return pin >= 0 && pin < _pins.Length ? _pins[pin] : null;
        }
    }
}
