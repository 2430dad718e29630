using System;
using AmpController.Core.Platform;

namespace AmpController.Esp32.Adapters
{
    /// <summary>IClock over Environment.TickCount64 (nanoFramework.Runtime.Native): milliseconds since boot, monotonic.</summary>
    public sealed class TickClock : IClock
    {
        public long NowMs { get { return Environment.TickCount64; } }
    }
}
