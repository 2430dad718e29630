using System;
using System.Device;
using System.Device.Gpio;
using System.Device.I2c;
using AmpController.Core.Platform;
using nanoFramework.Hardware.Esp32;

namespace AmpController.Esp32.Adapters
{
    /// <summary>
    /// IRegisterBus over nanoFramework's I2cDevice: one device object per 7-bit address, created on first use and kept
    /// (no allocation in the steady tick: SpanByte is a stack struct over the caller's buffer). Every transfer result is
    /// checked by <see cref="I2cOutcome.FromTransfer"/>; a partial transfer is a failure. Nothing here throws.
    /// </summary>
    public sealed class Esp32RegisterBus : IRegisterBus, IBusProbe
    {
        private readonly int _busId;
        private readonly int _dataPin;
        private readonly int _clockPin;
        private readonly I2cDevice?[] _devices = new I2cDevice?[128];
        private readonly I2cBusClear _clear;

        public Esp32RegisterBus(GpioController gpio, int busId, int dataPin, int clockPin)
        {
            _clear = new I2cBusClear(new Esp32GpioLines(gpio), dataPin, clockPin);
            _busId = busId;
            _dataPin = dataPin;
            _clockPin = clockPin;
            AssignPinsToI2c();
        }

        public BusResult Write(int address, byte[] data, int count)
        {
            if (!I2cOutcome.IsValidRequest(address, data, count)) return I2cOutcome.NotSent();
            return Transfer(address, data, count, null, 0);
        }

        public BusResult Read(int address, byte[] into, int count)
        {
            if (!I2cOutcome.IsValidRequest(address, into, count)) return I2cOutcome.NotSent();
            return Transfer(address, null, 0, into, count);
        }

        public BusResult WriteRead(int address, byte[] data, int writeCount, byte[] into, int readCount)
        {
            if (!I2cOutcome.IsValidRequest(address, data, writeCount) || !I2cOutcome.IsValidRequest(address, into, readCount))
                return I2cOutcome.NotSent();
            return Transfer(address, data, writeCount, into, readCount);
        }

        /// <summary>One checked transfer (arguments already validated). The native driver counts written plus read bytes.</summary>
        private BusResult Transfer(int address, byte[]? data, int writeCount, byte[]? into, int readCount)
        {
            I2cDevice? device = Device(address);
            if (device == null) return I2cOutcome.NotSent();
            try
            {
                // The native result goes straight into Outcome: a struct local would be one more heap object per
                // transfer on the device (the interpreter allocates struct locals at method entry, docs/performance.md).
                int expected = writeCount + readCount;
                if (data != null && into != null) return Outcome(device.WriteRead(new SpanByte(data, 0, writeCount), new SpanByte(into, 0, readCount)), expected);
                if (data != null) return Outcome(device.Write(new SpanByte(data, 0, writeCount)), expected);
                if (into != null) return Outcome(device.Read(new SpanByte(into, 0, readCount)), expected);
                return I2cOutcome.NotSent();
            }
            catch (Exception)
            {
                return I2cOutcome.NotSent();
            }
        }

        /// <summary>Property calls on the parameter pass it by reference (no clone); see I2cOutcome.FromTransfer.</summary>
        private static BusResult Outcome(I2cTransferResult result, int expectedBytes)
        {
            return I2cOutcome.FromTransfer((int)result.Status, result.BytesTransferred, expectedBytes);
        }

        /// <summary>
        /// Bus clear (UM10204 §3.1.16) by Core's I2cBusClear. The ESP32's I2C controller cannot clock SCL on its own
        /// request, and the pins can only be driven as GPIO once the I2C driver lets go of them: nanoFramework uninstalls
        /// the ESP-IDF I2C driver when the last I2cDevice of a bus is disposed (and refuses to create one while a pin is
        /// still open as GPIO: SetConfig checks CPU_GPIO_PinIsBusy). So: dispose every device, bit-bang on the lines (which
        /// open and ClosePin SDA/SCL), give the pins back to I2C. Devices are recreated on the next transfer. Only after a
        /// timeout or a stuck bus (Core/Devices/BusGuard), never in the steady tick, never for a NACK.
        /// </summary>
        public bool Recover()
        {
            ReleaseDriver();
            bool free = _clear.Clear();
            AssignPinsToI2c();
            return free;
        }

        /// <summary>IBusProbe: the address probe, bit-banged the same way (well under a millisecond, never blocks).</summary>
        public bool Probe(int address)
        {
            ReleaseDriver();
            bool acknowledged = _clear.Probe(address);
            AssignPinsToI2c();
            return acknowledged;
        }

        private void ReleaseDriver()
        {
            for (int i = 0; i < _devices.Length; i++) DisposeDevice(i);
        }

        private void AssignPinsToI2c()
        {
            Configuration.SetPinFunction(_dataPin, _busId == 1 ? DeviceFunction.I2C1_DATA : DeviceFunction.I2C2_DATA);
            Configuration.SetPinFunction(_clockPin, _busId == 1 ? DeviceFunction.I2C1_CLOCK : DeviceFunction.I2C2_CLOCK);
        }

        private I2cDevice? Device(int address)
        {
            I2cDevice? device = _devices[address];
            if (device != null) return device;
            try
            {
                // Standard mode (100 kHz): DS1882, PT2258 and TCA9534 all support it; the slower edge suits long wires.
                device = new I2cDevice(new I2cConnectionSettings(_busId, address, I2cBusSpeed.StandardMode));
            }
            catch (Exception)
            {
                return null;
            }
            _devices[address] = device;
            return device;
        }

        private void DisposeDevice(int address)
        {
            I2cDevice? device = _devices[address];
            if (device == null) return;
            _devices[address] = null;
            try { device.Dispose(); }
            catch (Exception) { /* already gone: nothing else to release */ }
        }
    }
}
