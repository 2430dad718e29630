namespace AmpController.Core.Storage
{
    /// <summary>Outcome of an edit of <see cref="Settings"/>. Anything but Ok means nothing was changed.</summary>
    public enum SettingsResult
    {
        Ok = 0,
        LimitOutOfRange,
        LimitBelowSafeDefault,
        SafeDefaultOutOfRange,
        SafeDefaultAboveLimit,
        ProfileNameInvalid,
        ProfileImpedanceOutOfRange,
        ProfileSensitivityOutOfRange,
        ProfileUnitInvalid,
        ProfileExists,
        ProfilesFull,
        ProfileNotFound,
        ChipInvalid,
        /// <summary>In range in its own unit, but out of the other unit's range at the profile's impedance (a typo or the wrong unit).</summary>
        ProfileSensitivityImplausible,
        /// <summary>S12: the acknowledged tier's limit is 85-100 dBA.</summary>
        AckLimitOutOfRange,
    }
}
