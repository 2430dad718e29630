namespace AmpController.Core.Devices
{
    /// <summary>
    /// The I2C addresses on the reference board (address pins to GND; hardware/pinmap.md): DS1882 0101 000 = 0x28,
    /// PT2258 with CODE1/CODE2 to GND 0x40, TCA9534 0100 000 = 0x20 (Devices/*/README.md). tools/BoardGen checks them
    /// against the board's straps and the drivers' ranges; the chip descriptors (VolumeChipKind) and the builder use them.
    /// </summary>
    public static class ReferenceAddresses
    {
        public const int VolumeChipAddress = 0x28;
        public const int Pt2258Address = 0x40;
        public const int ExpanderAddress = 0x20;
    }
}
