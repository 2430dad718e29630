namespace AmpController.Core.Platform
{
    /// <summary>
    /// Turns what nanoFramework's I2cDevice returns (I2cTransferResult: a status code and a byte count) into a
    /// <see cref="BusResult"/>, strictly: a transfer is full only when the status says so AND the count is exactly the
    /// bytes requested. On success the native driver counts written plus read bytes (System.Device.I2c 1.1.29,
    /// NativeTransmit: WriteSize + ReadSize), so a write-then-read expects writeCount + readCount.
    /// Pure, so it is tested on the host and on the device (tests/Shared/Platform).
    /// </summary>
    public static class I2cOutcome
    {
        /// <summary>7-bit addresses only (NXP UM10204 §3.1.10); 0x00–0x07 and 0x78–0x7F are reserved.</summary>
        public const int MinAddress = 0x08;
        public const int MaxAddress = 0x77;

        /// <summary>
        /// Maps a transfer. <paramref name="status"/> is the numeric I2cTransferStatus (same numbering as BusStatus:
        /// UnknownError 0, FullTransfer 1, ClockStretchTimeout 2, PartialTransfer 3, SlaveAddressNotAcknowledged 4).
        /// </summary>
        public static BusResult FromTransfer(int status, long bytesTransferred, int expectedBytes)
        {
            int bytes = bytesTransferred < 0 ? 0 : bytesTransferred > int.MaxValue ? int.MaxValue : (int)bytesTransferred;
            switch (status)
            {
                case (int)BusStatus.FullTransfer:
                    if (bytes == expectedBytes) return new BusResult(BusStatus.FullTransfer, bytes);
                    // Fewer bytes than asked is a partial transfer; more than asked means the count cannot be trusted.
                    return new BusResult(bytes < expectedBytes ? BusStatus.PartialTransfer : BusStatus.UnknownError, bytes);
                case (int)BusStatus.ClockStretchTimeout:
                    return new BusResult(BusStatus.ClockStretchTimeout, bytes);
                case (int)BusStatus.PartialTransfer:
                    return new BusResult(BusStatus.PartialTransfer, bytes);
                case (int)BusStatus.AddressNotAcknowledged:
                    return new BusResult(BusStatus.AddressNotAcknowledged, bytes);
                default:
                    return new BusResult(BusStatus.UnknownError, bytes);
            }
        }

        /// <summary>True when a request can be handed to the bus: a usable 7-bit address and 1..buffer.Length bytes.</summary>
        public static bool IsValidRequest(int address, byte[]? buffer, int count)
        {
            return address >= MinAddress && address <= MaxAddress && buffer != null && count > 0 && count <= buffer.Length;
        }

        /// <summary>The result for a request that was not sent (invalid arguments or no device): nothing transferred.</summary>
        public static BusResult NotSent()
        {
            return new BusResult(BusStatus.UnknownError, 0);
        }
    }
}
