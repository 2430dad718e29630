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
    }
}
