using System;
using AmpController.Core.Platform;

namespace AmpController.Core.Devices
{
    /// <summary>
    /// TI TCA9534 (or NXP PCA9554) 8-bit I2C port expander driving the gain relays, the sense relay, the series-resistor
    /// relay and the LEDs (bit map in README.md in this folder). Every pin is de-energised by an external pull-down
    /// while the expander is at reset (all pins inputs), which is the lowest gain with every relay open (S1).
    /// </summary>
    public sealed class Tca9534 : IBoardSwitches
    {
        // Command bytes = register numbers (TCA9534 / PCA9534A datasheet, "Register Descriptions").
        internal const byte RegisterInput = 0;
        internal const byte RegisterOutput = 1;
        internal const byte RegisterPolarity = 2;
        internal const byte RegisterConfiguration = 3;

        // Power-on values (same section): configuration FFh = all inputs, output FFh.
        internal const byte PowerOnConfiguration = 0xFF;
        internal const byte PowerOnOutput = 0xFF;

        /// <summary>Configuration value used once initialised: every pin an output (0 = output).</summary>
        internal const byte AllOutputs = 0x00;

        // Board bit map (README.md). A set bit energises the relay / lights the LED.
        public const int GainRelayK3 = 0x01;
        public const int GainRelayK4 = 0x02;
        public const int SenseRelay = 0x04;
        public const int SeriesResistorRelay = 0x08;
        public const int LedShift = 4;
        public const int LedMaskAll = 0x0F;
        internal const int GainBits = GainRelayK3 | GainRelayK4;

        public const int FirstAddress = 0x20;
        public const int LastAddress = 0x27;
        public const int GainSteps = 3;

        private readonly IRegisterBus _bus;
        private readonly int _address;
        private readonly byte[] _tx = new byte[2];
        private readonly byte[] _rx = new byte[1];

        // Expected register contents; before Initialize the chip should still be at power-on.
        private int _output = PowerOnOutput;
        private int _configuration = PowerOnConfiguration;

        public Tca9534(IRegisterBus bus, int address)
        {
            if (bus == null) throw new ArgumentNullException(nameof(bus));
            // Slave address 0100 A2 A1 A0 (datasheet "Device Address").
            if (address < FirstAddress || address > LastAddress) throw new ArgumentOutOfRangeException(nameof(address));
            _bus = bus;
            _address = address;
        }

        /// <summary>
        /// Output register first (all de-energised), configuration second: the reverse order would drive the power-on
        /// output value FFh (every relay energised, highest gain) for the moment between the two writes.
        /// </summary>
        public DeviceStatus Initialize()
        {
            DeviceStatus status = WriteRegister(RegisterOutput, 0);
            if (status != DeviceStatus.Ok) return status;
            status = WriteRegister(RegisterConfiguration, AllOutputs);
            if (status != DeviceStatus.Ok) return status;
            return Verify();
        }

        /// <summary>Step 0, 1, 2 = K3 off / K3 on / K3 and K4 on (gain relays, hardware/board sheet gain); a relay that drops out always gives a lower gain.</summary>
        public DeviceStatus SetGainStep(int step)
        {
            if (step < 0 || step >= GainSteps) return DeviceStatus.Rejected;
            int bits = step == 0 ? 0 : step == 1 ? GainRelayK3 : GainBits;
            return WriteOutput((_output & ~GainBits) | bits);
        }

        public DeviceStatus SetSenseRelay(bool closed)
        {
            return WriteOutput(closed ? _output | SenseRelay : _output & ~SenseRelay);
        }

        /// <summary>Inserts the optional series output resistor (board option; de-energised = bypassed).</summary>
        public DeviceStatus SetSeriesResistor(bool inserted)
        {
            return WriteOutput(inserted ? _output | SeriesResistorRelay : _output & ~SeriesResistorRelay);
        }

        /// <summary>LED mask 0..15 (bit 0 = LED on P4).</summary>
        public DeviceStatus SetLeds(int mask)
        {
            if (mask < 0 || mask > LedMaskAll) return DeviceStatus.Rejected;
            return WriteOutput((_output & ~(LedMaskAll << LedShift)) | (mask << LedShift));
        }

        /// <summary>
        /// Self-test only (Core/Service, with the output relay open and the attenuator muted, S3): drives every output bit
        /// as given, relays and LEDs alike. Rejected before Initialize and outside 0..FFh.
        /// </summary>
        public DeviceStatus SetOutputs(int value)
        {
            if (value < 0 || value > 0xFF) return DeviceStatus.Rejected;
            return WriteOutput(value);
        }

        /// <summary>Reads the input port register: the pins' real levels, so an output pin reads what it drives unless
        /// something holds it (datasheet "Input Port Register").</summary>
        public DeviceStatus ReadInputs(out int levels)
        {
            levels = 0;
            if (!ReadRegister(RegisterInput)) return DeviceStatus.BusError;
            levels = _rx[0];
            return DeviceStatus.Ok;
        }

        /// <summary>Reads output and configuration back: ChipReset when both are at their power-on values (S5).</summary>
        public DeviceStatus Verify()
        {
            if (!ReadRegister(RegisterOutput)) return DeviceStatus.BusError;
            int output = _rx[0];
            if (!ReadRegister(RegisterConfiguration)) return DeviceStatus.BusError;
            int configuration = _rx[0];

            if (output == _output && configuration == _configuration) return DeviceStatus.Ok;
            if (output == PowerOnOutput && configuration == PowerOnConfiguration) return DeviceStatus.ChipReset;
            return DeviceStatus.Mismatch;
        }

        private DeviceStatus WriteOutput(int value)
        {
            // Before Initialize the pins are inputs and the output register is not ours to change.
            if (_configuration != AllOutputs) return DeviceStatus.Rejected;
            return WriteRegister(RegisterOutput, value);
        }

        private DeviceStatus WriteRegister(byte register, int value)
        {
            if (register == RegisterOutput) _output = value;
            else _configuration = value;
            _tx[0] = register;
            _tx[1] = (byte)value;
            return BusTransfer.Complete(_bus.Write(_address, _tx, 2), 2) ? DeviceStatus.Ok : DeviceStatus.BusError;
        }

        private bool ReadRegister(byte register)
        {
            _tx[0] = register;
            return BusTransfer.Complete(_bus.WriteRead(_address, _tx, 1, _rx, 1), 1);
        }
    }
}
