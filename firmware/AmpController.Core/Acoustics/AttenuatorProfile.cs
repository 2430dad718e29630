using AmpController.Core.Devices;

namespace AmpController.Core.Acoustics
{
    /// <summary>
    /// The step table of a volume chip: 0 dB down to MinDb in 1 dB steps, then mute.
    /// DS1882 datasheet (64-position mode): codes 0..62 = 0..−62 dB in 1 dB steps, code 63 = mute (docs/design.md §6).
    /// PT2258 datasheet: 0..−79 dB as a 10 dB code plus a 1 dB code, with separate mute codes (docs/design.md §6).
    /// </summary>
    public sealed class AttenuatorProfile
    {
        /// <summary>Marker for "attenuator at mute" wherever an attenuator setting in dB is expected.</summary>
        public const int MuteDb = -1000;

        public readonly string Name;
        public readonly int MinDb;
        public readonly int StepDb;

        public AttenuatorProfile(string name, int minDb)
        {
            Name = name;
            MinDb = minDb;
            StepDb = 1;
        }

        // Name and range come from the drivers, which own the chips' codes (issue 17: declared once).
        public static readonly AttenuatorProfile Ds1882 = new AttenuatorProfile(Devices.Ds1882.ChipName, -Devices.Ds1882.DeepestLevelCode);
        public static readonly AttenuatorProfile Pt2258 = new AttenuatorProfile(Devices.Pt2258.ChipName, -Devices.Pt2258.DeepestLevel);

        /// <summary>The profile for a chip name (case-insensitive), or null when unknown (the chip descriptors decide).</summary>
        public static AttenuatorProfile? ForChip(string name)
        {
            VolumeChipKind? chip = VolumeChipKind.Named(name);
            return chip != null ? chip.Attenuator : null;
        }

        /// <summary>True when db is a settable step (MinDb..0) or MuteDb.</summary>
        public bool IsValidSetting(int db)
        {
            return db == MuteDb || (db <= 0 && db >= MinDb);
        }
    }
}
