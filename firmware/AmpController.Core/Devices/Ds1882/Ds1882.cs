using System;
using AmpController.Core.Platform;

namespace AmpController.Core.Devices
{
    /// <summary>
    /// Maxim DS1882 dual log audio potentiometer as the stereo attenuator (see README.md in this folder).
    /// Left = potentiometer 0, right = potentiometer 1. The chip runs in 64-position mode: code n is n dB of
    /// attenuation for n = 0..62 and code 63 is mute. Buffers are preallocated: no call allocates.
    /// </summary>
    public sealed class Ds1882 : IVolumeChip
    {
        /// <summary>The chip's name wherever it is shown or parsed (console, trace, scenarios).</summary>
        public const string ChipName = "DS1882";

        // Command byte: the two MSBs select the target (datasheet "Potentiometer Wiper Setting", "Configuration Register").
        internal const byte SelectPot0 = 0x00;
        internal const byte SelectPot1 = 0x40;
        internal const byte SelectConfig = 0x80;
        internal const byte WiperMask = 0x3F;

        // Configuration register, three LSBs (datasheet "Configuration Register", factory default 87h).
        internal const byte ConfigBitsMask = 0x07;
        internal const byte ConfigVolatile = 0x04;
        internal const byte ConfigZeroCrossing = 0x02;
        internal const byte Config33Positions = 0x01;

        /// <summary>Volatile wipers (power up at mute, S1), zero-crossing on, 63 positions + mute.</summary>
        internal const byte WantedConfig = ConfigVolatile | ConfigZeroCrossing;

        internal const int MuteCode = 63;
        internal const int DeepestLevelCode = 62;

        /// <summary>A read returns potentiometer 0, potentiometer 1, then the configuration register.</summary>
        internal const int ReadLength = 3;

        public const int FirstAddress = 0x28;
        public const int LastAddress = 0x2F;

        private readonly IRegisterBus _bus;
        private readonly int _address;
        private readonly byte[] _tx = new byte[2];
        private readonly byte[] _rx = new byte[ReadLength];

        // What the chip should hold (the last request), and whether the chip is known to hold it.
        private int _code0 = MuteCode;
        private int _code1 = MuteCode;
        private bool _confirmed;

        public Ds1882(IRegisterBus bus, int address)
        {
            if (bus == null) throw new ArgumentNullException(nameof(bus));
            // Slave address 0101 A2 A1 A0 (datasheet "Slave Address Byte").
            if (address < FirstAddress || address > LastAddress) throw new ArgumentOutOfRangeException(nameof(address));
            _bus = bus;
            _address = address;
        }

        public string Name { get { return ChipName; } }

        public int MinDb { get { return -DeepestLevelCode; } }

        /// <summary>
        /// Mutes both wipers, makes sure the configuration is <see cref="WantedConfig"/> and confirms it all by readback.
        /// The configuration is stored in EEPROM, so it is written only when it differs (endurance).
        /// </summary>
        public DeviceStatus Initialize()
        {
            DeviceStatus status = WriteMute();
            if (status != DeviceStatus.Ok) return status;
            if (!ReadRegisters()) return DeviceStatus.BusError;

            if ((_rx[2] & ConfigBitsMask) != WantedConfig)
            {
                _tx[0] = SelectConfig | WantedConfig;
                if (!BusTransfer.Complete(_bus.Write(_address, _tx, 1), 1)) return DeviceStatus.BusError;
                if (!ReadRegisters()) return DeviceStatus.BusError;
            }

            return CompareReadback();
        }

        /// <summary>Writes only the wipers that change (one command byte each, both in one transfer).</summary>
        public DeviceStatus SetLevels(int leftDb, int rightDb)
        {
            if (!IsLevel(leftDb) || !IsLevel(rightDb)) return DeviceStatus.Rejected;

            int code0 = -leftDb;
            int code1 = -rightDb;
            int count = 0;
            if (!_confirmed || code0 != _code0) _tx[count++] = (byte)(SelectPot0 | code0);
            if (!_confirmed || code1 != _code1) _tx[count++] = (byte)(SelectPot1 | code1);
            _code0 = code0;
            _code1 = code1;
            if (count == 0) return DeviceStatus.Ok;
            return Send(count);
        }

        /// <summary>Always writes both mute codes, whatever the cache says: muting is the safety action.</summary>
        public DeviceStatus Mute()
        {
            return WriteMute();
        }

        /// <summary>Reads all three registers back: Mismatch, or ChipReset when both wipers are back at mute (S5, S6).</summary>
        public DeviceStatus Verify()
        {
            // A failed read changes nothing on the chip, so what is known about it stays known.
            if (!ReadRegisters()) return DeviceStatus.BusError;
            return CompareReadback();
        }

        private bool IsLevel(int db)
        {
            return db <= 0 && db >= -DeepestLevelCode;
        }

        private DeviceStatus WriteMute()
        {
            _code0 = MuteCode;
            _code1 = MuteCode;
            _tx[0] = SelectPot0 | MuteCode;
            _tx[1] = SelectPot1 | MuteCode;
            return Send(2);
        }

        private DeviceStatus Send(int count)
        {
            if (BusTransfer.Complete(_bus.Write(_address, _tx, count), count))
            {
                _confirmed = true;
                return DeviceStatus.Ok;
            }
            _confirmed = false;
            return DeviceStatus.BusError;
        }

        private bool ReadRegisters()
        {
            return BusTransfer.Complete(_bus.Read(_address, _rx, ReadLength), ReadLength);
        }

        private DeviceStatus CompareReadback()
        {
            // Only the value bits are compared: the datasheet text at hand does not say what the select bits read as.
            int read0 = _rx[0] & WiperMask;
            int read1 = _rx[1] & WiperMask;
            int config = _rx[2] & ConfigBitsMask;
            if (read0 == _code0 && read1 == _code1 && config == WantedConfig)
            {
                _confirmed = true;
                return DeviceStatus.Ok;
            }

            _confirmed = false;
            bool expectedMute = _code0 == MuteCode && _code1 == MuteCode;
            if (read0 == MuteCode && read1 == MuteCode && !expectedMute) return DeviceStatus.ChipReset;
            return DeviceStatus.Mismatch;
        }
    }
}
