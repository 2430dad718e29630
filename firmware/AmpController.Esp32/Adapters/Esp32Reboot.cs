using AmpController.Core.Supervision;
using nanoFramework.Runtime.Native;

namespace AmpController.Esp32.Adapters
{
    /// <summary>S8: the stall monitor's reboot. The normally-open output relay drops out with its pull-down.</summary>
    public sealed class Esp32Reboot : IDeviceReboot
    {
        public void Reboot() { Power.RebootDevice(); }
    }
}
