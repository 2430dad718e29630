namespace AmpController.Core.Platform
{
    /// <summary>Mirrors nanoFramework's I2cTransferStatus values (System.Device.I2c 1.1.29), plus BusStuck.</summary>
    public enum BusStatus
    {
        UnknownError = 0,
        FullTransfer = 1,
        ClockStretchTimeout = 2,
        PartialTransfer = 3,
        AddressNotAcknowledged = 4,
        BusStuck = 5,
    }

    /// <summary>Outcome of one register-bus transfer. Only a full transfer of every requested byte is success.</summary>
    public struct BusResult
    {
        public BusStatus Status;
        public int BytesTransferred;

        public BusResult(BusStatus status, int bytesTransferred)
        {
            Status = status;
            BytesTransferred = bytesTransferred;
        }

        public bool Ok { get { return Status == BusStatus.FullTransfer; } }

        /// <summary>
        /// A full transfer of at least <paramref name="expectedBytes"/>. An instance member on purpose: calling it on a
        /// parameter or local passes the struct by reference, where reading its fields from a parameter would make the
        /// nanoFramework interpreter clone it onto the heap (docs/performance.md, struct copies).
        /// </summary>
        public bool IsComplete(int expectedBytes) { return Status == BusStatus.FullTransfer && BytesTransferred >= expectedBytes; }

        public static BusResult Full(int bytes) { return new BusResult(BusStatus.FullTransfer, bytes); }
    }
}
