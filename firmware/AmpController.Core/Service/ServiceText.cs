using AmpController.Core.Devices;
using AmpController.Core.Sensing;

namespace AmpController.Core.Service
{
    /// <summary>Words the service procedures print for statuses, load classes and addresses.</summary>
    public static class ServiceText
    {
        public static string LoadClassName(LoadClass c)
        {
            switch (c)
            {
                case LoadClass.Open: return "open";
                case LoadClass.Short: return "short";
                case LoadClass.Mono: return "mono";
                case LoadClass.Line: return "line";
                case LoadClass.Headphone: return "load";
                default: return "uncertain";
            }
        }

        public static string Status(DeviceStatus st)
        {
            switch (st)
            {
                case DeviceStatus.Ok: return "ok";
                case DeviceStatus.BusError: return "no answer (bus error)";
                case DeviceStatus.Rejected: return "rejected";
                case DeviceStatus.Mismatch: return "readback differs";
                case DeviceStatus.ChipReset: return "reads its power-on state";
                case DeviceStatus.NotReady: return "not ready";
                case DeviceStatus.SupplyLost: return "supply lost";
                default: return "status " + ((int)st).ToString();
            }
        }

        public static string Hex(int value)
        {
            return "0x" + value.ToString("X2");
        }
    }
}
