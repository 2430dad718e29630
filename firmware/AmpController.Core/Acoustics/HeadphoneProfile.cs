using System;

namespace AmpController.Core.Acoustics
{
    /// <summary>
    /// A user's headphone: its published nominal impedance and sensitivity. It applies when the measured DC resistance
    /// lies within [0.80, 1.10] × nominal: dynamic drivers read 0.85–1.0× nominal at DC (docs/design.md §5), widened by
    /// ±5 % for the sense circuit's accuracy. Outside the window the worst case applies.
    /// </summary>
    public sealed class HeadphoneProfile
    {
        public const double MatchLowPerNominal = 0.80;
        public const double MatchHighPerNominal = 1.10;

        public readonly string Name;
        public readonly double ImpedanceOhm;
        public readonly double Sensitivity;
        public readonly SensitivityUnit Unit;

        public HeadphoneProfile(string name, double impedanceOhm, double sensitivity, SensitivityUnit unit)
        {
            Name = name == null ? "" : name;
            ImpedanceOhm = impedanceOhm;
            Sensitivity = sensitivity;
            Unit = unit;
        }

        /// <summary>Finite positive impedance and a usable sensitivity; invalid profiles are never used.</summary>
        public bool IsValid
        {
            get
            {
                return AcousticMath.IsFinite(ImpedanceOhm) && ImpedanceOhm > 0
                    && PolicyLimits.IsUsableSensitivity(Sensitivity);
            }
        }

        /// <summary>Sensitivity in dB/V at the published nominal impedance (makers specify at nominal).</summary>
        public double DbPerV
        {
            get { return AcousticMath.ToDbPerV(Sensitivity, Unit, ImpedanceOhm); }
        }

        public bool Matches(double measuredOhm)
        {
            if (!IsValid || !AcousticMath.IsFinite(measuredOhm)) return false;
            return measuredOhm >= ImpedanceOhm * MatchLowPerNominal && measuredOhm <= ImpedanceOhm * MatchHighPerNominal;
        }
    }
}
