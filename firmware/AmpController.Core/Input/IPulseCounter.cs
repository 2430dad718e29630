namespace AmpController.Core.Input
{
    /// <summary>
    /// The ESP32's hardware pulse counter (PCNT) decoding the encoder's A/B contacts in quadrature, counting on its own
    /// between reads (nanoFramework.Hardware.Esp32 GpioPulseCounter with two pins). ReadCount is the running total since
    /// the counter started: the native driver widens the 16-bit hardware count to 64 bits by adding each ±0x7FFF
    /// limit event, so it does not wrap in practice.
    /// </summary>
    public interface IPulseCounter
    {
        long ReadCount();
    }
}
