using System;
using AmpController.Core.Service;

namespace AmpController.Simulator.Platform;

/// <summary>The PC has no figure for the device's heap: selftest reports it as information, never as a pass.</summary>
public sealed class HostHeapProbe : IHeapProbe
{
    public long FreeBytes() => -1;

    public string Source =>
        "simulator: the device's free heap is not modelled (the device reports GC.Run; 'ampsim bench' models allocations)";

    public bool IsDevice => false;
}
