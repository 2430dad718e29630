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

        public void CopyFrom(GainDecision other)
        {
            MayPlay = other.MayPlay;
            GainStep = other.GainStep;
            GainDb = other.GainDb;
            CapDb = other.CapDb;
            SafeStartDb = other.SafeStartDb;
        }
    }

    /// <summary>
    /// The controller's view of the safety policy (Core/Acoustics). Called once per measurement, never per tick.
    /// Implementations must follow S7: a result that is not Confirmed never gets a higher gain or cap than a
    /// confirmed headphone would, and short / open never play.
    /// </summary>
    public interface ICapPolicy
    {
        /// <summary>Fills <paramref name="into"/> for the measured load.</summary>
        void Decide(SenseResult sense, GainDecision into);
    }
}
