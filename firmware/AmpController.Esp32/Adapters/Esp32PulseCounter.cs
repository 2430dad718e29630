using System.Device.Gpio;
using AmpController.Core.Input;

namespace AmpController.Esp32.Adapters
{
    /// <summary>
    /// IPulseCounter over nanoFramework.Hardware.Esp32's GpioPulseCounter (an ESP32 PCNT unit; nf-interpreter
    /// targets/ESP32/_nanoCLR/nanoFramework.Hardware.ESP32/nanoFramework_hardware_esp32_native_System_Device_Gpio_
    /// GpioPulseCounter.cpp). Two pins: x4 quadrature of the encoder (A's edges gated by B and B's by A). One pin: both
    /// edges of that input counted (the jack switch). The 16-bit hardware count is widened to 64 bits by the native
    /// limit events, so Read().Count does not wrap. Read() returns a GpioPulseCount struct: one heap object per read on
    /// the device (docs/performance.md), so the controller reads each counter once per tick. The filter's longest
    /// glitch is 1023 APB cycles (12.8 µs): contact bounce passes it and is netted out by the decoding (Core/Input).
    /// Open the pins as GPIO inputs first: the native start reserves them without checking.
    /// </summary>
    public sealed class Esp32PulseCounter : IPulseCounter
    {
        /// <summary>Longest glitch the PCNT filter drops, in ns (1023 cycles at 80 MHz); the API takes it as FilterPulses.</summary>
        public const ushort FilterNs = 12000;

        private readonly GpioPulseCounter _counter;

        public Esp32PulseCounter(int pinA, int pinB)
        {
            _counter = new GpioPulseCounter(pinA, pinB);
            _counter.Polarity = GpioPulsePolarity.Both;
            _counter.FilterPulses = FilterNs;
            _counter.Start();
        }

        public long ReadCount()
        {
            return _counter.Read().Count;
        }
    }
}
