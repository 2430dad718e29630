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
    public sealed class Esp32RegisterBus : IRegisterBus
    {
        // Standard-mode timing (NXP UM10204 table 10: tLOW ≥ 4.7 µs, tHIGH ≥ 4.0 µs); 10 µs half-periods leave margin.
        private const int HalfClockMicroseconds = 10;
        // UM10204 §3.1.16: clock up to nine pulses so a slave stuck mid-byte finishes it and releases SDA.
        private const int RecoveryClocks = 9;

        private readonly int _busId;
        private readonly int _dataPin;
        private readonly int _clockPin;
        private readonly GpioController _gpio;
        private readonly I2cDevice?[] _devices = new I2cDevice?[128];

        public Esp32RegisterBus(GpioController gpio, int busId, int dataPin, int clockPin)
        {
            _gpio = gpio;
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
        /// Bus clear (UM10204 §3.1.16). The ESP32's I2C controller cannot clock SCL on its own request, and the pins can
        /// only be driven as GPIO once the I2C driver lets go of them: nanoFramework uninstalls the ESP-IDF I2C driver
        /// when the last I2cDevice of a bus is disposed. So: dispose every device, clock SCL as an open-drain GPIO
        /// (released = input with the external pull-up, low = output low) until SDA reads high, send a STOP, give the
        /// pins back to I2C. Devices are recreated on the next transfer. Runs only after a fault, never in the steady tick.
        /// </summary>
        public bool Recover()
        {
            for (int i = 0; i < _devices.Length; i++) DisposeDevice(i);
            GpioPin? sda = null;
            GpioPin? scl = null;
            bool free = false;
            try
            {
                sda = _gpio.OpenPin(_dataPin, PinMode.Input);
                scl = _gpio.OpenPin(_clockPin, PinMode.Input);
                for (int pulse = 0; pulse < RecoveryClocks && sda.Read() == PinValue.Low; pulse++)
                {
                    DriveLow(scl);
                    DelayHelper.DelayMicroseconds(HalfClockMicroseconds, false);
                    Release(scl);
                    DelayHelper.DelayMicroseconds(HalfClockMicroseconds, false);
                }
                // STOP: SDA low → high while SCL is high.
                DriveLow(sda);
                DelayHelper.DelayMicroseconds(HalfClockMicroseconds, false);
                Release(scl);
                DelayHelper.DelayMicroseconds(HalfClockMicroseconds, false);
                Release(sda);
                DelayHelper.DelayMicroseconds(HalfClockMicroseconds, false);
                free = sda.Read() == PinValue.High && scl.Read() == PinValue.High;
            }
            catch (Exception)
            {
                free = false;
            }
            finally
            {
                if (sda != null) sda.Dispose();
                if (scl != null) scl.Dispose();
                AssignPinsToI2c();
            }
            return free;
        }

        private static void DriveLow(GpioPin pin)
        {
            pin.SetPinMode(PinMode.Output);
            pin.Write(PinValue.Low);
        }

        private static void Release(GpioPin pin)
        {
            pin.SetPinMode(PinMode.Input);
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
