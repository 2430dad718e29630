namespace AmpController.Core.Devices
{
    /// <summary>Outcome of a driver operation. Anything but Ok means the controller must treat the output as unsafe (S5).</summary>
    public enum DeviceStatus
    {
        Ok = 0,
        /// <summary>An I2C transfer failed (NACK, stuck bus, partial transfer, timeout).</summary>
        BusError = 1,
        /// <summary>The request was out of range and nothing was written.</summary>
        Rejected = 2,
        /// <summary>Readback differs from what was written.</summary>
        Mismatch = 3,
        /// <summary>Readback shows the chip's power-on state: it reset itself (S6).</summary>
        ChipReset = 4,
        /// <summary>
        /// The chip may not be addressed yet (PT2258: less than 200 ms since power-on). Nothing was written;
        /// call again later. The drivers never sleep (docs/design.md §3).
        /// </summary>
        NotReady = 5,
        /// <summary>
        /// The volume chip's supply supervisor reported a supply event (its RESET output dropped): the chip lost power
        /// and is back in its undefined power-on state, whatever the bus said (PT2258 board, issue 19).
        /// </summary>
        SupplyLost = 6,
    }
}
