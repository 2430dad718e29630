namespace AmpController.Core.Devices
{
    /// <summary>
    /// A stereo volume chip in its own 1 dB steps. Levels are attenuator settings in dB: 0 is no attenuation,
    /// MinDb the deepest step before mute. The controller uses this without knowing which chip is fitted.
    /// </summary>
    public interface IVolumeChip
    {
        string Name { get; }

        /// <summary>Deepest non-mute setting in dB (negative, e.g. -62).</summary>
        int MinDb { get; }

        /// <summary>Power-on / re-initialisation sequence. Leaves the chip muted.</summary>
        DeviceStatus Initialize();

        /// <summary>Sets both channels (each in MinDb..0) and un-mutes. Out of range: Rejected, nothing written.</summary>
        DeviceStatus SetLevels(int leftDb, int rightDb);

        DeviceStatus Mute();

        /// <summary>Readback check (DS1882) or refresh of the last state (write-only PT2258), once per supervision period.</summary>
        DeviceStatus Verify();
    }
}
