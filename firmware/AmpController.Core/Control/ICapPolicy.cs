using AmpController.Core.Sensing;

namespace AmpController.Core.Control
{
    /// <summary>What the safety policy decided for one measured load. All levels are attenuator settings in dB (≤ 0).</summary>
    public sealed class GainDecision
    {
        /// <summary>False for loads that must stay muted (short, open): S7.</summary>
        public bool MayPlay;

        /// <summary>Gain-relay step (board profile order, lowest gain first) and its gain in dB.</summary>
        public int GainStep;
        public int GainDb;

        /// <summary>Highest attenuator setting the user can reach (S4).</summary>
        public int CapDb;

        /// <summary>Attenuator setting that gives the safe default level with the programme signal (S2).</summary>
        public int SafeStartDb;

        /// <summary>Why a load stays silent (the policy's reason code, e.g. LOAD_SHORT); empty when it may play.</summary>
        public string SilentReason = "";

        /// <summary>
        /// S12: a matching stored profile OFFERED to the listener; its gain and cap apply only after the long press at the
        /// amplifier (the controller does that). The fields above are always the worst-case decision.
        /// </summary>
        public bool Offered;
        public string OfferName = "";
        public int OfferGainStep;
        public int OfferGainDb;
        public int OfferCapDb;

        public void CopyFrom(GainDecision other)
        {
            MayPlay = other.MayPlay;
            GainStep = other.GainStep;
            GainDb = other.GainDb;
            CapDb = other.CapDb;
            SafeStartDb = other.SafeStartDb;
            SilentReason = other.SilentReason;
            Offered = other.Offered;
            OfferName = other.OfferName;
            OfferGainStep = other.OfferGainStep;
            OfferGainDb = other.OfferGainDb;
            OfferCapDb = other.OfferCapDb;
        }
    }

    /// <summary>
    /// The controller's view of the safety policy (Core/Acoustics). Called once per measurement, never per tick.
    /// Implementations must follow S7: a result that is not Confirmed never gets a higher gain or cap than a
    /// confirmed headphone would, and short, open, line input and uncertain never play; and S2/S12: a stored profile
    /// is only offered, the decision itself uses the worst-case sensitivity.
    /// </summary>
    public interface ICapPolicy
    {
        /// <summary>Fills <paramref name="into"/> for the measured load.</summary>
        void Decide(SenseResult sense, GainDecision into);
    }
}
