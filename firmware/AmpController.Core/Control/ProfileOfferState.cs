namespace AmpController.Core.Control
{
    /// <summary>
    /// Where a matching stored profile stands for the plugged headphone (docs/design.md §4 S12, issue 19). The policy's
    /// worst-case decision is always in force first; the profile's cap only after the listener's long press.
    /// </summary>
    public enum ProfileOfferState
    {
        /// <summary>No profile matches (or nothing is playing).</summary>
        None = 0,
        /// <summary>A profile matches: the LED blinks and the console says so; the worst-case cap holds.</summary>
        Offered = 1,
        /// <summary>Confirmed at the amplifier: the profile's cap is in force until removal, a fault or a reboot.</summary>
        Confirmed = 2,
    }
}
