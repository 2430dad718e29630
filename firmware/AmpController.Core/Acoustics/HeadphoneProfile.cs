using System;

namespace AmpController.Core.Acoustics
{
    /// <summary>
    /// A user's headphone: the impedance THIS AMPLIFIER MEASURES for it (the DC resistance the console's `status` shows
    /// after a plug-in, not the maker's nominal figure) and its published sensitivity. A profile only matches when both
    /// channels read within ±5 % of <see cref="ImpedanceOhm"/> and within ±5 % of each other (issue 19); a match is
    /// offered to the listener, never applied without the long press (S12, SafetyPolicy / ProfileOffer).
    /// Why the measured value: dynamic drivers read 0.85–1.0× nominal at DC (docs/design.md §5), so a nominal figure
    /// would often miss the ±5 % window; and a dB/mW sensitivity converts to dB/V at this impedance
    /// (S_dB/V = S_dB/mW + 10·log10(1000 / Z)), where the lower DC value gives the higher, safer dB/V.
    /// </summary>
    public sealed class HeadphoneProfile
    {
        /// <summary>±5 %: the sense circuit's accuracy goal (hardware/README.md) and the channel balance of one headphone.</summary>
        public const double MatchTolerance = 0.05;

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

        /// <summary>One channel's reading within ±5 % of the stored impedance.</summary>
        public bool Matches(double measuredOhm)
        {
            if (!IsValid || !AcousticMath.IsFinite(measuredOhm)) return false;
            return Within(measuredOhm, ImpedanceOhm);
        }

        /// <summary>Both channels read, each within ±5 % of the stored impedance and of the other channel.</summary>
        public bool MatchesBoth(double leftOhm, double rightOhm)
        {
            return Matches(leftOhm) && Matches(rightOhm) && Within(leftOhm, rightOhm);
        }

        /// <summary>a within ±5 % of b (b &gt; 0).</summary>
        static bool Within(double a, double b)
        {
            return a >= b * (1 - MatchTolerance) && a <= b * (1 + MatchTolerance);
        }
    }
}
