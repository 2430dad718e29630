using System;
using AmpController.Core.Sensing;

namespace AmpController.Core.Acoustics
{
    /// <summary>What the safety policy decides from: the sense result, what is known about the headphone, the user's limits.</summary>
    public sealed class PolicyInput
    {
        public BoardProfile Board = BoardProfile.Reference();

        /// <summary>Sense class; only Headphone counts as confirmed (S7).</summary>
        public LoadClass Class = LoadClass.Uncertain;

        /// <summary>Measured DC resistance per channel in ohms; NaN where not meaningful.</summary>
        public double LeftOhm = double.NaN;
        public double RightOhm = double.NaN;

        /// <summary>A sensitivity the user states for this very headphone (e.g. `ampsim cap --sensitivity`).</summary>
        public bool HasKnownSensitivity;
        public double KnownSensitivity = double.NaN;
        public SensitivityUnit KnownUnit = SensitivityUnit.DbPerV;

        /// <summary>Stored headphone profiles, matched against the measured impedance. May be null.</summary>
        public HeadphoneProfile[]? Profiles;

        /// <summary>The user's maximum level (S4; at most 100 dBA) and safe start level (S2; at most 80 dBA). Never raised.</summary>
        public double LimitDbA = PolicyLimits.DefaultLimitDbA;
        public double SafeDefaultDbA = PolicyLimits.DefaultSafeDbA;

        /// <summary>S12: the acknowledged tier's limit (85–100 dBA, default 100; never raised past 100).</summary>
        public double AckLimitDbA = PolicyLimits.DefaultAckLimitDbA;

        public static PolicyInput ForSense(SenseResult sense)
        {
            PolicyInput input = new PolicyInput();
            input.SetSense(sense);
            return input;
        }

        /// <summary>A confirmed headphone of a given impedance on both channels (what `ampsim cap` describes).</summary>
        public static PolicyInput ForHeadphone(double ohm)
        {
            PolicyInput input = new PolicyInput();
            input.Class = LoadClass.Headphone;
            input.LeftOhm = ohm;
            input.RightOhm = ohm;
            return input;
        }

        public void SetSense(SenseResult sense)
        {
            Class = sense.Class;
            LeftOhm = sense.LeftOhm;
            RightOhm = sense.RightOhm;
        }

        public void SetKnownSensitivity(double value, SensitivityUnit unit)
        {
            HasKnownSensitivity = true;
            KnownSensitivity = value;
            KnownUnit = unit;
        }

        /// <summary>The lower finite channel reading (lower reads as more sensitive: the safe side), or NaN.</summary>
        public double MeasuredOhm
        {
            get
            {
                bool l = AcousticMath.IsFinite(LeftOhm) && LeftOhm > 0;
                bool r = AcousticMath.IsFinite(RightOhm) && RightOhm > 0;
                if (l && r) return Math.Min(LeftOhm, RightOhm);
                if (l) return LeftOhm;
                if (r) return RightOhm;
                return double.NaN;
            }
        }
    }
}
