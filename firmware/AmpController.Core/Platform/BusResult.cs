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

        public static BusResult Full(int bytes) { return new BusResult(BusStatus.FullTransfer, bytes); }
    }
}
