using AmpController.Core.Service;

namespace AmpController.Esp32.Adapters
{
    /// <summary>
    /// Free managed heap for `selftest`: nanoFramework.Runtime.Native.GC.Run(true) collects and compacts, then returns
    /// the free bytes (third_party/nanoframework/api.txt). Called between ticks while the controller is parked, so the
    /// collection's pause reaches no control tick.
    /// </summary>
    public sealed class Esp32HeapProbe : IHeapProbe
    {
        public long FreeBytes()
        {
            return nanoFramework.Runtime.Native.GC.Run(true);
        }

        public string Source { get { return "GC.Run(true)"; } }

        public bool IsDevice { get { return true; } }
    }
}
