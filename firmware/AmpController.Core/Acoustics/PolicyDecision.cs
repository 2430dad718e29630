using System;
using System.Collections;

namespace AmpController.Core.Acoustics
{
    /// <summary>The outcome of SafetyPolicy.Decide: what the controller sets on insertion, and why.</summary>
    public sealed class PolicyDecision
    {
        /// <summary>Stay muted: open, short, or even the deepest attenuator step would exceed the limit.</summary>
        public bool Muted;

        public int GainStep;
        public int GainDb;

        /// <summary>Highest attenuator setting the user may reach (dB ≤ 0), or AttenuatorProfile.MuteDb.</summary>
        public int CapDb = AttenuatorProfile.MuteDb;

        /// <summary>S2: attenuator setting on insertion = min(step for the safe default level, cap), or MuteDb.</summary>
        public int SafeStartDb = AttenuatorProfile.MuteDb;

        /// <summary>Programme level at GainDb + CapDb with the assumed sensitivity; −∞ when muted.</summary>
        public double SplAtCapDbA = double.NegativeInfinity;
        public double SplAtSafeStartDbA = double.NegativeInfinity;

        public double AssumedSensitivityDbPerV = double.NaN;
        public SensitivitySource Source = SensitivitySource.None;
        public string ProfileName = "";

        public double LimitDbA;
        public double SafeDefaultDbA;
        public double MeasuredOhm = double.NaN;

        public bool ReachesLimit;
        public bool CleanPeaks;
        public double HissDbA = double.NaN;
        public bool HissAudible;
        public double DampingFactor = double.NaN;
        /// <summary>Only meaningful when the sensitivity is known (Known or Profile).</summary>
        public bool NeedsDedicatedAmp;

        /// <summary>S12: a matching stored profile, offered to the listener (applied only after the long press), or null.</summary>
        public ProfileOffer? Offer;

        /// <summary>
        /// S12: the acknowledged tier (AcknowledgedTier): gain and cap the long press after the warning at the cap allows,
        /// with the same assumed sensitivity. Without a tier (muted, unconfirmed, or nothing above the default) HasAck is
        /// false and the numbers equal the default tier's.
        /// </summary>
        public bool HasAck;
        public double AckLimitDbA = PolicyLimits.DefaultAckLimitDbA;
        public int AckGainStep;
        public int AckGainDb;
        public int AckCapDb = AttenuatorProfile.MuteDb;
        public double AckSplAtCapDbA = double.NegativeInfinity;

        public Reason[] Reasons = new Reason[0];

        /// <summary>Known for this headphone (stated or from a matching profile), not assumed.</summary>
        public bool SensitivityKnown
        {
            get { return Source == SensitivitySource.Known || Source == SensitivitySource.Profile; }
        }

        /// <summary>Gain plus cap in dB: what S4/S7 bound (lower is quieter). MuteDb when muted.</summary>
        public int MaxTotalGainDb
        {
            get { return Muted ? AttenuatorProfile.MuteDb : GainDb + CapDb; }
        }

        public bool HasReason(string code)
        {
            for (int i = 0; i < Reasons.Length; i++)
            {
                if (Reasons[i].Code == code) return true;
            }
            return false;
        }

        internal void SetReasons(ArrayList reasons)
        {
            Reasons = new Reason[reasons.Count];
            for (int i = 0; i < reasons.Count; i++) Reasons[i] = (Reason)reasons[i]!;
        }
    }
}
