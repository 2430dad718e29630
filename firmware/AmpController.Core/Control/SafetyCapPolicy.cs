using AmpController.Core.Acoustics;
using AmpController.Core.Sensing;

namespace AmpController.Core.Control
{
    /// <summary>
    /// Connects the controller to the safety policy (Core/Acoustics, SafetyPolicy.Decide). The user settings
    /// (limit, safe default, profiles) live in <see cref="Input"/> and may be changed between insertions (console,
    /// stored settings); the policy clamps them to their safe ranges. Runs once per measurement, so it may allocate.
    /// </summary>
    public sealed class SafetyCapPolicy : ICapPolicy
    {
        private static readonly string[] SilentCodes =
        {
            ReasonCodes.LoadOpen, ReasonCodes.LoadShort, ReasonCodes.LoadLine, ReasonCodes.LoadUncertain, ReasonCodes.CapMute,
        };

        private readonly PolicyInput _input;
        private PolicyDecision? _last;

        public SafetyCapPolicy(BoardProfile board)
        {
            _input = new PolicyInput();
            _input.Board = board;
        }

        /// <summary>Settings and board the next decision uses.</summary>
        public PolicyInput Input { get { return _input; } }

        /// <summary>The full decision (with reasons) behind the last call, or null before the first.</summary>
        public PolicyDecision? LastDecision { get { return _last; } }

        public void Decide(SenseResult sense, GainDecision into)
        {
            _input.SetSense(sense);
            // Only a channel that reads as a headphone has a headphone impedance: the ring of a mono plug shorted to
            // the sleeve reads ~0 Ω, which would otherwise become "the measured impedance" of the load.
            if (sense.LeftClass != LoadClass.Headphone) _input.LeftOhm = double.NaN;
            if (sense.RightClass != LoadClass.Headphone) _input.RightOhm = double.NaN;
            PolicyDecision d = SafetyPolicy.Decide(_input);
            _last = d;
            into.MayPlay = !d.Muted && d.CapDb != AttenuatorProfile.MuteDb && d.SafeStartDb != AttenuatorProfile.MuteDb;
            into.GainStep = d.GainStep;
            into.GainDb = d.GainDb;
            into.CapDb = d.CapDb;
            into.SafeStartDb = d.SafeStartDb;
            into.SilentReason = into.MayPlay ? "" : SilentReasonOf(d);
            ProfileOffer? offer = into.MayPlay ? d.Offer : null;
            into.Offered = offer != null;
            into.OfferName = offer != null ? offer.ProfileName : "";
            into.OfferGainStep = offer != null ? offer.GainStep : 0;
            into.OfferGainDb = offer != null ? offer.GainDb : 0;
            into.OfferCapDb = offer != null ? offer.CapDb : AttenuatorProfile.MuteDb;
            into.AckAvailable = into.MayPlay && d.HasAck;
            into.AckGainStep = d.AckGainStep;
            into.AckGainDb = d.AckGainDb;
            into.AckCapDb = into.AckAvailable ? d.AckCapDb : d.CapDb;
            into.OfferAckAvailable = offer != null && offer.AckGainDb + offer.AckCapDb > offer.MaxTotalGainDb;
            into.OfferAckGainStep = offer != null ? offer.AckGainStep : 0;
            into.OfferAckGainDb = offer != null ? offer.AckGainDb : 0;
            into.OfferAckCapDb = offer != null ? offer.AckCapDb : AttenuatorProfile.MuteDb;
            BoardProfile board = _input.Board == null ? BoardProfile.Reference() : _input.Board;
            into.ProgrammeDbAtZeroDb = into.MayPlay ? VolumeCap.ProgrammeLevelDbA(board, d.AssumedSensitivityDbPerV, 0, 0) : double.NaN;
            into.OfferProgrammeDbAtZeroDb = offer != null ? VolumeCap.ProgrammeLevelDbA(board, offer.DbPerV, 0, 0) : double.NaN;
        }

        /// <summary>The reason code that keeps the load silent (S7 classes first, then a cap at mute).</summary>
        private static string SilentReasonOf(PolicyDecision d)
        {
            for (int i = 0; i < SilentCodes.Length; i++)
                if (d.HasReason(SilentCodes[i])) return SilentCodes[i];
            return ReasonCodes.SafeStart;
        }
    }
}
