namespace AmpController.Core.Storage
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3 / zlib: polynomial 0x04C11DB7 (processed reflected as 0xEDB88320),
    /// initial value 0xFFFFFFFF, final XOR 0xFFFFFFFF. Check value of ASCII "123456789" is 0xCBF43926.
    /// Bitwise, no table: records are under 256 bytes and are written rarely.
    /// </summary>
    public static class Crc32
    {
        private const uint ReflectedPolynomial = 0xEDB88320;

        public static uint Compute(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ ReflectedPolynomial : crc >> 1;
            }
            return crc ^ 0xFFFFFFFF;
        }
    }
}
