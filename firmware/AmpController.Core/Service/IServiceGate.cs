namespace AmpController.Core.Service
{
    /// <summary>
    /// The controller's side of a service procedure (selftest, calibrate; issue 15). Parking hands the hardware to the
    /// procedure: the output relay open, the attenuator muted, the sense circuit idle, and from then on the controller
    /// writes nothing to the chips, the relays or the sense pins until Release; it keeps its watchdog check-in and
    /// watches the jack (S2). Release starts the controller again from its safe start: both chips initialised and read
    /// back before anything else (S1), so whatever a procedure left in a register is overwritten.
    /// </summary>
    public interface IServiceGate
    {
        /// <summary>Asks to park at the next tick; false with the reason when the controller may not be parked now.</summary>
        bool TryPark(out string refusal);

        /// <summary>True once the controller has parked (the tick after TryPark) and until Release.</summary>
        bool Parked { get; }

        /// <summary>Gives the hardware back; the controller restarts from its safe start.</summary>
        void Release();
    }

    /// <summary>Free managed memory: nanoFramework.Runtime.Native.GC.Run on the device, a host stand-in in the simulator.</summary>
    public interface IHeapProbe
    {
        /// <summary>Bytes free after a collection, or -1 when the platform cannot say.</summary>
        long FreeBytes();

        /// <summary>Where the figure comes from ("GC.Run on the device", "host stand-in: not the device's heap").</summary>
        string Source { get; }

        /// <summary>True when the figure is the device's own (a pass/fail verdict means something).</summary>
        bool IsDevice { get; }
    }
}
