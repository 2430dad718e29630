using AmpController.Core.Devices;
using AmpController.Core.Sensing;
using AmpController.Core.Service;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Board;

/// <summary>The hardware the console's selftest and calibrate drive on this board (the ESP32 app builds the same from its own).</summary>
public sealed partial class SimulatedBoard
{
    /// <summary>What `selftest` prints for tick time here: the simulated clock does not advance while code runs.</summary>
    public const string TimingNote =
        "not measured: simulated time stands still while code runs; the device measures it ('ampsim bench' models it)";

    /// <summary>ServicePorts over this boot's drivers and the shared bus, flash and sense circuit.</summary>
    public ServicePorts ServicePorts()
    {
        ServicePorts service = Amp.CreateServicePorts();
        service.Heap = new HostHeapProbe();
        service.TimingNote = TimingNote;
        return service;
    }

    /// <summary>A chip that does not answer at all (never fitted, or its address strap wrong): every transfer NACKed.</summary>
    public void RemoveChip(int address) => Bus.Inject(address, FaultKind.Nack, int.MaxValue);
}
