namespace AmpController.Core.Platform
{
    /// <summary>
    /// The I2C bus lines as plain open-drain GPIO, for a bus clear or an address probe while the I2C driver has let go of
    /// them. Open/Close map to GpioController.OpenPin/ClosePin: nanoFramework keeps an opened pin in the controller's
    /// static list until ClosePin; GpioPin.Dispose alone does not remove it (docs/design.md §3a), so every Open is paired
    /// with a Close. Released = input with the board's pull-up (reads high unless something holds the line low).
    /// </summary>
    public interface IGpioLines
    {
        /// <summary>Opens the pin released (input). False when it cannot be opened (already open, owned by a driver).</summary>
        bool Open(int pin);

        /// <summary>Closes the pin (GpioController.ClosePin): it leaves the controller's list.</summary>
        void Close(int pin);

        void DriveLow(int pin);
        void Release(int pin);
        bool IsHigh(int pin);

        /// <summary>Busy-waits (nanoFramework DelayHelper.DelayMicroseconds); does not yield to other threads.</summary>
        void Delay(int microseconds);
    }

    /// <summary>Asks whether a device acknowledges its address without an I2C driver transfer (which may block).</summary>
    public interface IBusProbe
    {
        /// <summary>True when the bus is free and the device at <paramref name="address"/> acknowledged.</summary>
        bool Probe(int address);
    }
}
