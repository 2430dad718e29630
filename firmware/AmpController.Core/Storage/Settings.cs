using AmpController.Core.Acoustics;
using AmpController.Core.Devices;

namespace AmpController.Core.Storage
{
    /// <summary>
    /// The user settings (rule S9). Every edit validates first and changes nothing when it fails, so the state is
    /// always in range: limit 60-100 dBA (S4: default 85, at most 100), safe default 60-80 dBA (S2: default 70)
    /// and never above the limit. The last user volume is deliberately not kept: every insertion starts at the
    /// safe default (S2). The user's mute IS kept (issue 19): a reboot after a stall or crash must not un-mute.
    /// </summary>
    public sealed class Settings
    {
        // The same ranges the safety policy enforces (PolicyLimits: docs/design.md §4 S2, S4), as whole dBA.
        public const int MinLimitDbA = (int)PolicyLimits.MinLimitDbA;
        public const int MaxLimitDbA = (int)PolicyLimits.MaxLimitDbA;
        public const int DefaultLimitDbA = (int)PolicyLimits.DefaultLimitDbA;
        public const int MinSafeDefaultDbA = (int)PolicyLimits.MinSafeDbA;
        public const int MaxSafeDefaultDbA = (int)PolicyLimits.MaxSafeDbA;
        public const int DefaultSafeDefaultDbA = (int)PolicyLimits.DefaultSafeDbA;
        public const int MaxProfiles = 8;
        // S12: the acknowledged tier's limit, 85-100 dBA (PolicyLimits; issue 16), default 100.
        public const int MinAckLimitDbA = (int)PolicyLimits.MinAckLimitDbA;
        public const int MaxAckLimitDbA = (int)PolicyLimits.MaxAckLimitDbA;
        public const int DefaultAckLimitDbA = (int)PolicyLimits.DefaultAckLimitDbA;

        private readonly StoredProfile[] _profiles = new StoredProfile[MaxProfiles];

        public Settings()
        {
            ResetToDefaults();
        }

        public int LimitDbA { get; private set; }
        public int SafeDefaultDbA { get; private set; }

        /// <summary>S12: the acknowledged tier's limit (85-100 dBA); only a long press at the amplifier after the warning reaches it.</summary>
        public int AckLimitDbA { get; private set; }
        public VolumeChipChoice VolumeChip { get; private set; }
        public int ProfileCount { get; private set; }

        /// <summary>The listener had muted the plugged headphone (StoredMute keeps it; the next start comes up muted).</summary>
        public bool UserMuted { get; private set; }

        /// <summary>Any value is valid; muted is the safe side.</summary>
        public void SetUserMuted(bool muted)
        {
            UserMuted = muted;
        }

        public StoredProfile GetProfile(int index)
        {
            return _profiles[index];
        }

        /// <summary>The profile with this name (ASCII case ignored), or null.</summary>
        public StoredProfile? FindProfile(string name)
        {
            int i = IndexOfProfile(name);
            return i < 0 ? null : _profiles[i];
        }

        /// <summary>The stored profiles in the policy's form (for PolicyInput.Profiles). Allocates: call on change, not per tick.</summary>
        public HeadphoneProfile[] ToPolicyProfiles()
        {
            HeadphoneProfile[] result = new HeadphoneProfile[ProfileCount];
            for (int i = 0; i < ProfileCount; i++) result[i] = _profiles[i].ToPolicyProfile();
            return result;
        }

        /// <summary>
        /// The limit the policy uses: the stored limit, but never above the default 85 dBA (S12: going above the default
        /// needs a person at the amplifier, a long press after a warning; no setting edited on the console does it).
        /// A stored limit above 85 dBA is kept for that acknowledged tier.
        /// </summary>
        public int EffectiveLimitDbA
        {
            get { return LimitDbA < DefaultLimitDbA ? LimitDbA : DefaultLimitDbA; }
        }

        /// <summary>
        /// Hands limit (S12: at most the default, EffectiveLimitDbA), safe default and profiles to the policy (the next decision uses them; the policy clamps again).
        /// The chip choice is not here: it picks the driver at start-up. Allocates: call on change, not per tick.
        /// </summary>
        public void ApplyTo(PolicyInput input)
        {
            input.LimitDbA = EffectiveLimitDbA;
            input.SafeDefaultDbA = SafeDefaultDbA;
            input.AckLimitDbA = AckLimitDbA;
            input.Profiles = ProfileCount == 0 ? null : ToPolicyProfiles();
        }

        public void ResetToDefaults()
        {
            LimitDbA = DefaultLimitDbA;
            SafeDefaultDbA = DefaultSafeDefaultDbA;
            AckLimitDbA = DefaultAckLimitDbA;
            VolumeChip = VolumeChipChoice.Ds1882;
            UserMuted = false;
            for (int i = 0; i < MaxProfiles; i++) _profiles[i] = null!;
            ProfileCount = 0;
        }

        public SettingsResult TrySetLimit(int dbA)
        {
            if (dbA < MinLimitDbA || dbA > MaxLimitDbA) return SettingsResult.LimitOutOfRange;
            if (dbA < SafeDefaultDbA) return SettingsResult.LimitBelowSafeDefault;
            LimitDbA = dbA;
            return SettingsResult.Ok;
        }

        public SettingsResult TrySetSafeDefault(int dbA)
        {
            if (dbA < MinSafeDefaultDbA || dbA > MaxSafeDefaultDbA) return SettingsResult.SafeDefaultOutOfRange;
            if (dbA > LimitDbA) return SettingsResult.SafeDefaultAboveLimit;
            SafeDefaultDbA = dbA;
            return SettingsResult.Ok;
        }

        /// <summary>S12: the acknowledged tier's limit. Setting it never lifts the cap: the tier still needs the long press.</summary>
        public SettingsResult TrySetAckLimit(int dbA)
        {
            if (dbA < MinAckLimitDbA || dbA > MaxAckLimitDbA) return SettingsResult.AckLimitOutOfRange;
            AckLimitDbA = dbA;
            return SettingsResult.Ok;
        }

        /// <summary>The acknowledged tier's limit from untrusted data (a stored record), clamped to 85-100 dBA (S9). 1 when clamped.</summary>
        public int SetAckLimitClamped(int dbA)
        {
            int clamped = 0;
            AckLimitDbA = ClampCounting(dbA, MinAckLimitDbA, MaxAckLimitDbA, ref clamped);
            return clamped;
        }

        public SettingsResult TrySetVolumeChip(VolumeChipChoice chip)
        {
            if (VolumeChipKind.Find(chip) == null) return SettingsResult.ChipInvalid;
            VolumeChip = chip;
            return SettingsResult.Ok;
        }

        public SettingsResult TryAddProfile(StoredProfile profile)
        {
            SettingsResult valid = profile.Validate();
            if (valid != SettingsResult.Ok) return valid;
            if (IndexOfProfile(profile.Name) >= 0) return SettingsResult.ProfileExists;
            if (ProfileCount >= MaxProfiles) return SettingsResult.ProfilesFull;
            _profiles[ProfileCount] = profile;
            ProfileCount++;
            return SettingsResult.Ok;
        }

        public SettingsResult TryRemoveProfile(string name)
        {
            int index = IndexOfProfile(name);
            if (index < 0) return SettingsResult.ProfileNotFound;
            for (int i = index; i < ProfileCount - 1; i++) _profiles[i] = _profiles[i + 1];
            ProfileCount--;
            _profiles[ProfileCount] = null!;
            return SettingsResult.Ok;
        }

        /// <summary>
        /// Sets levels from untrusted data (a stored record), clamping each into its safe range.
        /// Returns how many values had to be changed.
        /// </summary>
        public int SetLevelsClamped(int limitDbA, int safeDefaultDbA)
        {
            int clamped = 0;
            int limit = ClampCounting(limitDbA, MinLimitDbA, MaxLimitDbA, ref clamped);
            int safe = ClampCounting(safeDefaultDbA, MinSafeDefaultDbA, MaxSafeDefaultDbA, ref clamped);
            if (safe > limit)
            {
                safe = limit; // limit >= 60 = MinSafeDefaultDbA, so this stays in the safe-default range
                clamped++;
            }
            LimitDbA = limit;
            SafeDefaultDbA = safe;
            return clamped;
        }

        public void CopyFrom(Settings other)
        {
            LimitDbA = other.LimitDbA;
            SafeDefaultDbA = other.SafeDefaultDbA;
            AckLimitDbA = other.AckLimitDbA;
            VolumeChip = other.VolumeChip;
            UserMuted = other.UserMuted;
            for (int i = 0; i < MaxProfiles; i++) _profiles[i] = other._profiles[i];
            ProfileCount = other.ProfileCount;
        }

        private int IndexOfProfile(string name)
        {
            for (int i = 0; i < ProfileCount; i++)
                if (_profiles[i].HasName(name)) return i;
            return -1;
        }

        private static int ClampCounting(int value, int min, int max, ref int clamped)
        {
            if (value < min) { clamped++; return min; }
            if (value > max) { clamped++; return max; }
            return value;
        }
    }
}
