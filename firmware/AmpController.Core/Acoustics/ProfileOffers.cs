using System.Collections;

namespace AmpController.Core.Acoustics
{
    /// <summary>Stored profiles matched against the measured load and turned into an offer (S12, issue 19).</summary>
    public static class ProfileOffers
    {
        /// <summary>
        /// S12: what a matching profile would allow once the listener confirms it at the amplifier: the profile's gain
        /// and cap at the limit with the profile's sensitivity. Only offered when it allows more than the worst-case
        /// decision. The level the same cap gives a worst-case headphone of this impedance is reported with it.
        /// </summary>
        public static ProfileOffer? OfferFor(BoardProfile board, PolicyInput input, PolicyDecision d, ArrayList reasons)
        {
            HeadphoneProfile? match = MatchProfile(input, reasons);
            if (match == null || d.Muted) return null;
            double dbPerV = match.DbPerV;
            GainChoice gain = GainChoice.Choose(board, dbPerV, d.MeasuredOhm, d.LimitDbA);
            int cap = VolumeCap.StepForLevel(board, dbPerV, gain.GainDb, d.LimitDbA);
            if (cap == AttenuatorProfile.MuteDb || gain.GainDb + cap <= d.MaxTotalGainDb)
            {
                reasons.Add(new Reason(ReasonCodes.ProfileNoGain, "Profile '" + match.Name
                    + "' matches but would allow no more level than the worst case: not offered."));
                return null;
            }
            ProfileOffer offer = new ProfileOffer();
            offer.ProfileName = match.Name;
            offer.DbPerV = dbPerV;
            offer.GainStep = gain.Step;
            offer.GainDb = gain.GainDb;
            offer.CapDb = cap;
            offer.SplAtCapDbA = VolumeCap.ProgrammeLevelDbA(board, dbPerV, gain.GainDb, cap);
            offer.WorstCaseSplAtCapDbA = VolumeCap.ProgrammeLevelDbA(board, d.AssumedSensitivityDbPerV, gain.GainDb, cap);
            AcknowledgedTier.ApplyToOffer(board, d.MeasuredOhm, input.AckLimitDbA, offer);
            reasons.Add(new Reason(ReasonCodes.ProfileMatch, "Profile '" + match.Name + "' (" + match.ImpedanceOhm.ToString("F1")
                + " ohm, " + dbPerV.ToString("F1") + " dB/V) matches the measured " + input.LeftOhm.ToString("F1") + " / "
                + input.RightOhm.ToString("F1") + " ohm: offered, not applied. Hold the knob 1.5 s at the amplifier to use it"
                + " (gain " + gain.GainDb.ToString("D") + " dB, cap " + cap.ToString("D") + " dB; a more sensitive headphone of this"
                + " impedance could reach " + offer.WorstCaseSplAtCapDbA.ToString("F0") + " dBA there)."));
            return offer;
        }

        /// <summary>Both channel readings must match; among several matches the most sensitive wins (the safe side).</summary>
        static HeadphoneProfile? MatchProfile(PolicyInput input, ArrayList reasons)
        {
            HeadphoneProfile[]? profiles = input.Profiles;
            if (profiles == null || profiles.Length == 0) return null;
            HeadphoneProfile? best = null;
            int matches = 0;
            for (int i = 0; i < profiles.Length; i++)
            {
                HeadphoneProfile p = profiles[i];
                if (p == null || !ChannelsMatch(p, input)) continue;
                matches++;
                if (best == null || p.DbPerV > best.DbPerV) best = p;
            }
            if (matches > 1 && best != null)
                reasons.Add(new Reason(ReasonCodes.ProfileAmbiguous, matches.ToString("D")
                    + " profiles match this impedance; offering the most sensitive, '" + best.Name + "'."));
            if (best == null)
                reasons.Add(new Reason(ReasonCodes.ProfileNoMatch, "No stored profile matches the measured impedance."));
            return best;
        }

        /// <summary>Both channels must be read and match (±5 % of the profile and of each other): a mono plug never matches.</summary>
        static bool ChannelsMatch(HeadphoneProfile p, PolicyInput input)
        {
            return p.MatchesBoth(input.LeftOhm, input.RightOhm);
        }
    }
}
