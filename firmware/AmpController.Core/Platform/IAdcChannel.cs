namespace AmpController.Core.Platform
{
    /// <summary>One ADC input. Raw counts from 0 to MaxValue (4095 on the ESP32's 12-bit ADC1).</summary>
    public interface IAdcChannel
    {
        int MaxValue { get; }
        int ReadRaw();
    }
}
