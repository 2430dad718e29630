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

        public static readonly AttenuatorProfile Ds1882 = new AttenuatorProfile("DS1882", -62);
        public static readonly AttenuatorProfile Pt2258 = new AttenuatorProfile("PT2258", -79);

        /// <summary>The profile for a chip name (case-insensitive), or null when unknown.</summary>
        public static AttenuatorProfile? ForChip(string name)
        {
            if (name == null) return null;
            string upper = name.ToUpper();
            if (upper == "DS1882") return Ds1882;
            if (upper == "PT2258") return Pt2258;
            return null;
        }

        /// <summary>True when db is a settable step (MinDb..0) or MuteDb.</summary>
        public bool IsValidSetting(int db)
        {
            return db == MuteDb || (db <= 0 && db >= MinDb);
        }
    }
}
