namespace AmpController.Core.Control
{
    /// <summary>
    /// Where the controller keeps the listener's mute across a reboot (issue 19: a stall or crash reboot must not
    /// un-mute). Core/Storage/StoredMute keeps it with the stored settings (two copies with CRC, S9).
    /// <see cref="Remember"/> is called from the tick and must not allocate or block: the flash write happens
    /// between ticks (StoredMute.Flush, from the main loop).
    /// </summary>
    public interface IMuteMemory
    {
        /// <summary>What the previous run left: true = the plugged headphone was muted.</summary>
        bool Muted { get; }

        void Remember(bool muted);
    }
}
