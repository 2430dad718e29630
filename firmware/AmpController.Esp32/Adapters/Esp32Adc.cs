using System.Device.Adc;
using AmpController.Core.Platform;

namespace AmpController.Esp32.Adapters
{
    /// <summary>IAdcChannel over one nanoFramework AdcChannel (ESP32 ADC1: 12 bits, MaxValue 4095).</summary>
    public sealed class Esp32AdcChannel : IAdcChannel
    {
        private readonly AdcChannel _channel;
        private readonly int _maxValue;

        public Esp32AdcChannel(AdcController controller, int channelNumber)
        {
            _channel = controller.OpenChannel(channelNumber);
            _maxValue = controller.MaxValue;
        }

        public int MaxValue { get { return _maxValue; } }

        public int ReadRaw() { return _channel.ReadValue(); }
    }
}
