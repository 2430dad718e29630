namespace AmpController.Core.Platform
{
    /// <summary>
    /// The hardware watchdog's feed pin (BoardPins.WatchdogFeed, GPIO 14; hardware/board/sheets/safety.txt): each
    /// <see cref="Pulse"/> gives one rising edge that restarts the board's monostable, which holds the output relay's
    /// coil supply for 29.56–33.66 ms (ngspice). The ESP32 adapter toggles the pin twice (GpioPin.Toggle: no PinValue
    /// struct, nothing allocated).
    /// </summary>
    public interface IWatchdogFeed
    {
        void Pulse();
    }
}
