using AmpController.Core.Storage;

namespace AmpController.Core.SerialConsole
{
    /// <summary>One-line explanations of settings edits that were refused.</summary>
    public static class ConsoleMessages
    {
        public static string Explain(SettingsResult result)
        {
            switch (result)
            {
                case SettingsResult.LimitOutOfRange:
                    return "limit must be " + Range(Settings.MinLimitDbA, Settings.MaxLimitDbA) + " dBA";
                case SettingsResult.LimitBelowSafeDefault:
                    return "limit would be below the safe default; lower it first with 'default'";
                case SettingsResult.SafeDefaultOutOfRange:
                    return "default must be " + Range(Settings.MinSafeDefaultDbA, Settings.MaxSafeDefaultDbA) + " dBA";
                case SettingsResult.SafeDefaultAboveLimit:
                    return "default would be above the limit; raise the limit first or pick a lower default";
                case SettingsResult.ProfileNameInvalid:
                    return "profile name must be " + NameRule();
                case SettingsResult.ProfileImpedanceOutOfRange:
                    return "impedance must be " + ConsoleNumbers.FormatTenths(StoredProfile.MinImpedanceTenthsOhm) + ".."
                        + ConsoleNumbers.FormatTenths(StoredProfile.MaxImpedanceTenthsOhm) + " ohm";
                case SettingsResult.ProfileSensitivityOutOfRange:
                    return "sensitivity must be " + ConsoleNumbers.FormatTenths(StoredProfile.MinDbPerMwTenths) + ".."
                        + ConsoleNumbers.FormatTenths(StoredProfile.MaxDbPerMwTenths) + " dB/mW or "
                        + ConsoleNumbers.FormatTenths(StoredProfile.MinDbPerVTenths) + ".."
                        + ConsoleNumbers.FormatTenths(StoredProfile.MaxDbPerVTenths) + " dB/V";
                case SettingsResult.ProfileUnitInvalid: return "unit must be dB/mW or dB/V";
                case SettingsResult.ProfileExists: return "a profile with that name exists; delete it first";
                case SettingsResult.ProfilesFull: return "all " + Settings.MaxProfiles.ToString() + " profile slots are used; delete one first";
                case SettingsResult.ProfileNotFound: return "no profile with that name ('profile list' shows them)";
                case SettingsResult.ChipInvalid: return "chip must be DS1882 or PT2258";
                case SettingsResult.ProfileSensitivityImplausible:
                    return "sensitivity does not fit the impedance in the other unit; check the number and the unit";
                case SettingsResult.AckLimitOutOfRange:
                    return "ackLimitDbA must be " + Range(Settings.MinAckLimitDbA, Settings.MaxAckLimitDbA) + " dBA";
                default: return "ok";
            }
        }

        /// <summary>What a profile name may be (StoredProfile.IsValidName), for error messages.</summary>
        public static string NameRule()
        {
            return "1-" + StoredProfile.MaxNameLength.ToString()
                + " characters of A-Z a-z 0-9 . _ + - and single inner spaces (in double quotes: \"HD 600\")";
        }

        private static string Range(int min, int max)
        {
            return min.ToString() + ".." + max.ToString();
        }
    }
}
