using AmpController.Core.Sensing;

namespace AmpController.Core.Control
{
    /// <summary>What the safety policy decided for one measured load. All levels are attenuator settings in dB (≤ 0).</summary>
    public sealed class GainDecision
    {
        /// <summary>The policy's verdict: false for loads that must stay muted (short, open): S7. See <see cref="PlaysOn"/>.</summary>
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

        /// <summary>
        /// S12 (issue 16): the acknowledged tier for the worst case (Ack*) and for the offered profile (OfferAck*): gain
        /// and cap after the warning at the cap and the long press. Available only when the tier allows more.
        /// </summary>
        public bool AckAvailable;
        public int AckGainStep;
        public int AckGainDb;
        public int AckCapDb;
        public bool OfferAckAvailable;
        public int OfferAckGainStep;
        public int OfferAckGainDb;
        public int OfferAckCapDb;

        /// <summary>
        /// S13: the programme level (EN 50332, what the cap assumes) at gain 0 dB and attenuation 0 dB with the sensitivity
        /// in force, so the level of any chip state is this + gain + attenuation (no logarithm in the tick). The offer's
        /// applies once the profile is confirmed.
        /// </summary>
        public double ProgrammeDbAtZeroDb = double.NaN;
        public double OfferProgrammeDbAtZeroDb = double.NaN;

        /// <summary>
        /// Whether this decision plays on a chip whose deepest step is <paramref name="minDb"/> (issue 17: the one
        /// definition, for the controller and the simulator's checker): the policy lets the load play (S7), and cap and
        /// safe start are steps the fitted chip can hold (not above 0 dB, not below its range) at a real gain step.
        /// </summary>
        public bool PlaysOn(int minDb)
        {
            return MayPlay && CapDb <= 0 && SafeStartDb <= 0 && CapDb >= minDb && SafeStartDb >= minDb && GainStep >= 0;
        }

        public void CopyFrom(GainDecision other)
        {
            AckAvailable = other.AckAvailable;
            AckGainStep = other.AckGainStep;
            AckGainDb = other.AckGainDb;
            AckCapDb = other.AckCapDb;
            OfferAckAvailable = other.OfferAckAvailable;
            OfferAckGainStep = other.OfferAckGainStep;
            OfferAckGainDb = other.OfferAckGainDb;
            OfferAckCapDb = other.OfferAckCapDb;
            ProgrammeDbAtZeroDb = other.ProgrammeDbAtZeroDb;
            OfferProgrammeDbAtZeroDb = other.OfferProgrammeDbAtZeroDb;
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
