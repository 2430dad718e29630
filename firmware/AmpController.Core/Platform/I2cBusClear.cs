namespace AmpController.Core.Platform
{
    /// <summary>
    /// Bit-banged I2C on <see cref="IGpioLines"/>: the bus clear of NXP UM10204 §3.1.16 (clock SCL until a slave stuck
    /// mid-byte releases SDA, at most nine pulses, then START + STOP) and an address probe (START, address with the write
    /// bit, the ninth clock reads the acknowledge, STOP). Both open SDA and SCL and always close them again (ClosePin), so
    /// a recovery repeated for an hour leaves no pin behind. Takes well under a millisecond and never blocks on a device:
    /// no clock stretching is waited for. Only for after a timeout or a stuck bus (Core/Devices/BusGuard), never a NACK.
    /// </summary>
    public sealed class I2cBusClear
    {
        // Standard-mode timing (UM10204 table 10: tLOW ≥ 4.7 µs, tHIGH ≥ 4.0 µs); 10 µs half-periods leave margin.
        public const int HalfClockMicroseconds = 10;

        // UM10204 §3.1.16: up to nine clock pulses let a slave stuck mid-byte finish it and release SDA.
        public const int RecoveryClocks = 9;

        private readonly IGpioLines _lines;
        private readonly int _sda;
        private readonly int _scl;

        public I2cBusClear(IGpioLines lines, int sdaPin, int sclPin)
        {
            _lines = lines;
            _sda = sdaPin;
            _scl = sclPin;
        }

        /// <summary>Frees the bus. True when both lines read high afterwards.</summary>
        public bool Clear()
        {
            return Run(-1);
        }

        /// <summary>Frees the bus, then probes <paramref name="address"/> (7-bit). True when it acknowledged.</summary>
        public bool Probe(int address)
        {
            return Run(address);
        }

        private bool Run(int address)
        {
            if (!_lines.Open(_sda)) return false;
            if (!_lines.Open(_scl))
            {
                _lines.Close(_sda);
                return false;
            }
            try
            {
                if (!FreeBus()) return false;
                return address < 0 || Acknowledges(address);
            }
            finally
            {
                _lines.Close(_scl);
                _lines.Close(_sda);
            }
        }

        private bool FreeBus()
        {
            for (int pulse = 0; pulse < RecoveryClocks && !_lines.IsHigh(_sda); pulse++)
            {
                Low(_scl);
                High(_scl);
            }
            // START then STOP (SDA falls, then rises, while SCL is high): every slave resets its bus state.
            Low(_sda);
            High(_sda);
            return _lines.IsHigh(_sda) && _lines.IsHigh(_scl);
        }

        private bool Acknowledges(int address)
        {
            Low(_sda);                      // START
            Low(_scl);
            int frame = (address << 1) & 0xFE; // write bit 0
            for (int bit = 7; bit >= 0; bit--)
            {
                if (((frame >> bit) & 1) != 0) High(_sda);
                else Low(_sda);
                High(_scl);
                Low(_scl);
            }
            High(_sda);                     // let the slave drive the acknowledge
            High(_scl);
            bool acknowledged = !_lines.IsHigh(_sda);
            Low(_scl);
            Low(_sda);                      // STOP
            High(_scl);
            High(_sda);
            return acknowledged && _lines.IsHigh(_sda);
        }

        private void Low(int pin)
        {
            _lines.DriveLow(pin);
            _lines.Delay(HalfClockMicroseconds);
        }

        private void High(int pin)
        {
            _lines.Release(pin);
            _lines.Delay(HalfClockMicroseconds);
        }
    }
}
