using System;
using AmpController.Core.Acoustics;

namespace AmpController.Core.Storage
{
    /// <summary>
    /// A user's headphone as stored: name, nominal impedance and sensitivity, in tenths so the state stays integer.
    /// Immutable; <see cref="Validate"/> is the one place that says what a storable profile is.
    /// The policy works with <see cref="HeadphoneProfile"/> (<see cref="ToPolicyProfile"/>).
    /// </summary>
    public sealed class StoredProfile
    {
        public const int MaxNameLength = 16;

        // Below ~2 ohm a load reads as a short and the headphone class spans 8-600 ohm (docs/design.md §5);
        // 4-1000 ohm keeps margin on both sides.
        public const int MinImpedanceTenthsOhm = 40;
        public const int MaxImpedanceTenthsOhm = 10000;

        // Issue 15: 20-150 dB/mW and 60-160 dB/V (data/headphones.csv spans 82.6-119 dB/mW and 61-136.4 dB/V). A profile
        // is also checked in the other unit at its impedance (docs/design.md §5), because a claimed sensitivity that is too
        // LOW lifts the cap once the profile is confirmed (S12): a typo such as 20 for 120 dB/mW at 32 ohm is 34.9 dB/V,
        // below the dB/V range, and is refused instead of lifting the cap by 100 dB (S4).
        public const int MinDbPerMwTenths = 200;
        public const int MaxDbPerMwTenths = 1500;
        public const int MinDbPerVTenths = 600;
        public const int MaxDbPerVTenths = 1600;

        public StoredProfile(string name, int impedanceTenthsOhm, int sensitivityTenthsDb, SensitivityUnit unit)
        {
            Name = name;
            ImpedanceTenthsOhm = impedanceTenthsOhm;
            SensitivityTenthsDb = sensitivityTenthsDb;
            Unit = unit;
        }

        public string Name { get; }
        public int ImpedanceTenthsOhm { get; }
        public int SensitivityTenthsDb { get; }
        public SensitivityUnit Unit { get; }

        public double ImpedanceOhm { get { return ImpedanceTenthsOhm / 10.0; } }
        public double Sensitivity { get { return SensitivityTenthsDb / 10.0; } }

        public HeadphoneProfile ToPolicyProfile()
        {
            return new HeadphoneProfile(Name, ImpedanceOhm, Sensitivity, Unit);
        }

        public static SettingsResult Validate(string name, int impedanceTenthsOhm, int sensitivityTenthsDb, SensitivityUnit unit)
        {
            if (!IsValidName(name)) return SettingsResult.ProfileNameInvalid;
            if (impedanceTenthsOhm < MinImpedanceTenthsOhm || impedanceTenthsOhm > MaxImpedanceTenthsOhm)
                return SettingsResult.ProfileImpedanceOutOfRange;
            if (unit == SensitivityUnit.DbPerMw)
            {
                if (sensitivityTenthsDb < MinDbPerMwTenths || sensitivityTenthsDb > MaxDbPerMwTenths)
                    return SettingsResult.ProfileSensitivityOutOfRange;
            }
            else if (unit == SensitivityUnit.DbPerV)
            {
                if (sensitivityTenthsDb < MinDbPerVTenths || sensitivityTenthsDb > MaxDbPerVTenths)
                    return SettingsResult.ProfileSensitivityOutOfRange;
            }
            else
            {
                return SettingsResult.ProfileUnitInvalid;
            }
            int other = OtherUnitTenths(impedanceTenthsOhm, sensitivityTenthsDb, unit);
            bool inOther = unit == SensitivityUnit.DbPerMw
                ? other >= MinDbPerVTenths && other <= MaxDbPerVTenths
                : other >= MinDbPerMwTenths && other <= MaxDbPerMwTenths;
            return inOther ? SettingsResult.Ok : SettingsResult.ProfileSensitivityImplausible;
        }

        /// <summary>The sensitivity converted to the other unit at the profile's impedance (docs/design.md §5), in tenths.</summary>
        public static int OtherUnitTenths(int impedanceTenthsOhm, int sensitivityTenthsDb, SensitivityUnit unit)
        {
            double ohm = impedanceTenthsOhm / 10.0;
            double value = sensitivityTenthsDb / 10.0;
            double other = unit == SensitivityUnit.DbPerMw ? AcousticMath.DbPerMwToDbPerV(value, ohm)
                : AcousticMath.DbPerVToDbPerMw(value, ohm);
            return (int)Math.Round(other * 10.0);
        }

        public SettingsResult Validate()
        {
            return Validate(Name, ImpedanceTenthsOhm, SensitivityTenthsDb, Unit);
        }

        /// <summary>
        /// 1-16 characters of A-Z a-z 0-9 . _ + - and single spaces between them ("HD 600"; the console takes such a
        /// name in double quotes). No leading, trailing or double space, so a name reads back as it was typed.
        /// </summary>
        public static bool IsValidName(string? name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxNameLength) return false;
            if (name[0] == ' ' || name[name.Length - 1] == ' ') return false;
            for (int i = 0; i < name.Length; i++)
            {
                if (name[i] == ' ')
                {
                    if (name[i - 1] == ' ') return false;
                }
                else if (!IsNameChar(name[i])) return false;
            }
            return true;
        }

        public static bool IsNameChar(char c)
        {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '+' || c == '-';
        }

        /// <summary>Names compare without regard to ASCII case, so "hd600" and "HD600" are the same headphone.</summary>
        public bool HasName(string name)
        {
            return string.Equals(Name.ToLower(), name.ToLower());
        }
    }
}
