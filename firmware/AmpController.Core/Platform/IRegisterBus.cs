namespace AmpController.Core.Platform
{
    /// <summary>
    /// An I2C bus seen by the drivers. Never throws for bus conditions: every call returns a BusResult that the
    /// caller must check. Buffers are owned by the caller (preallocated, so the control tick does not allocate);
    /// only the first <c>count</c> bytes are transferred.
    /// </summary>
    public interface IRegisterBus
    {
        BusResult Write(int address, byte[] data, int count);
        BusResult Read(int address, byte[] into, int count);
        BusResult WriteRead(int address, byte[] data, int writeCount, byte[] into, int readCount);

        /// <summary>Clock SCL until a stuck slave releases SDA (NXP UM10204 §3.1.16). True when the bus is free.</summary>
        bool Recover();
    }
}
