using System.Collections;

namespace AmpController.Core.Acoustics
{
    /// <summary>
    /// The acknowledged tier (S12, issue 16): above the default limit only after a warning and the listener's long press
    /// at the amplifier (IEC 62368-1 / EN 50332-3 acknowledgment). Its ceiling is the cap recomputed for the
    /// acknowledged limit (default 100 dBA, configurable 85–100 dBA) with the same sensitivity the default tier assumes
    /// (the worst case for the measured impedance, or a confirmed profile's), and the lowest gain that reaches it.
    /// Pure: the controller applies these numbers only after the press.
    /// </summary>
    public static class AcknowledgedTier
    {
        /// <summary>
        /// The acknowledged limit in force: at most 100 dBA, none given (NaN) means 100 dBA. Like the default limit it
        /// is never raised: a value below the range is honoured, and a tier below the default limit adds nothing.
        /// </summary>
        public static double Limit(double ackLimitDbA)
        {
            if (!AcousticMath.IsFinite(ackLimitDbA)) return PolicyLimits.DefaultAckLimitDbA;
            return ackLimitDbA > PolicyLimits.MaxAckLimitDbA ? PolicyLimits.MaxAckLimitDbA : ackLimitDbA;
        }

        /// <summary>
        /// Fills the decision's tier for a headphone of <paramref name="dbPerV"/> measured at <paramref name="loadOhm"/>.
        /// The tier exists (HasAck) only for a confirmed headphone (S7: an unconfirmed load stays at its lowest gain)
        /// that may play, and only when it allows more than the default tier.
        /// </summary>
        public static void Apply(BoardProfile board, double dbPerV, double loadOhm, bool confirmed, double ackLimitDbA,
            PolicyDecision d, ArrayList reasons)
        {
            d.AckLimitDbA = Limit(ackLimitDbA);
            KeepDefault(d);
            if (d.Muted || !confirmed) return;
            int step, gainDb, capDb;
            if (!Ceiling(board, dbPerV, loadOhm, d.AckLimitDbA, out step, out gainDb, out capDb)) return;
            if (gainDb + capDb <= d.MaxTotalGainDb) return;
            d.HasAck = true;
            d.AckGainStep = step;
            d.AckGainDb = gainDb;
            d.AckCapDb = capDb;
            d.AckSplAtCapDbA = VolumeCap.ProgrammeLevelDbA(board, dbPerV, gainDb, capDb);
            reasons.Add(new Reason(ReasonCodes.AckTier, "Acknowledged tier: after the warning at the cap, holding the knob 1.5 s"
                + " allows up to " + d.AckSplAtCapDbA.ToString("F1") + " dBA (limit " + d.AckLimitDbA.ToString("F0")
                + " dBA, gain " + gainDb.ToString("D") + " dB, cap " + capDb.ToString("D") + " dB at "
                + dbPerV.ToString("F1") + " dB/V)."));
        }

        /// <summary>The same tier for a profile's sensitivity (what the tier allows once the profile is confirmed).</summary>
        public static void ApplyToOffer(BoardProfile board, double loadOhm, double ackLimitDbA, ProfileOffer offer)
        {
            offer.AckGainStep = offer.GainStep;
            offer.AckGainDb = offer.GainDb;
            offer.AckCapDb = offer.CapDb;
            offer.AckSplAtCapDbA = offer.SplAtCapDbA;
            int step, gainDb, capDb;
            if (!Ceiling(board, offer.DbPerV, loadOhm, Limit(ackLimitDbA), out step, out gainDb, out capDb)) return;
            if (gainDb + capDb <= offer.MaxTotalGainDb) return;
            offer.AckGainStep = step;
            offer.AckGainDb = gainDb;
            offer.AckCapDb = capDb;
            offer.AckSplAtCapDbA = VolumeCap.ProgrammeLevelDbA(board, offer.DbPerV, gainDb, capDb);
        }

        /// <summary>The lowest gain that reaches the limit and the highest step there; false when even the deepest step is louder.</summary>
        public static bool Ceiling(BoardProfile board, double dbPerV, double loadOhm, double limitDbA,
            out int gainStep, out int gainDb, out int capDb)
        {
            GainChoice gain = GainChoice.Choose(board, dbPerV, loadOhm, limitDbA);
            gainStep = gain.Step;
            gainDb = gain.GainDb;
            capDb = VolumeCap.StepForLevel(board, dbPerV, gainDb, limitDbA);
            return capDb != AttenuatorProfile.MuteDb;
        }

        /// <summary>No tier: its numbers are the default tier's.</summary>
        private static void KeepDefault(PolicyDecision d)
        {
            d.HasAck = false;
            d.AckGainStep = d.GainStep;
            d.AckGainDb = d.GainDb;
            d.AckCapDb = d.CapDb;
            d.AckSplAtCapDbA = d.SplAtCapDbA;
        }
    }
}
