namespace AmpController.Core.Acoustics
{
    /// <summary>
    /// A stored profile that matches the measured load, OFFERED to the listener, never applied by the policy (S2, S12):
    /// the decision it comes with is the worst-case one. The controller applies these numbers only after the listener
    /// confirms the offer at the amplifier with the long press (docs/design.md §4 S12). Confirming the profile of a
    /// different, more sensitive headphone is the listener's deliberate act; <see cref="WorstCaseSplAtCapDbA"/> says
    /// how loud the cap could then be (docs/safety.md, residual risks).
    /// </summary>
    public sealed class ProfileOffer
    {
        public string ProfileName = "";

        /// <summary>The profile's sensitivity in dB/V (converted at the profile's stored impedance).</summary>
        public double DbPerV = double.NaN;

        public int GainStep;
        public int GainDb;

        /// <summary>Highest attenuator setting once confirmed (dB ≤ 0).</summary>
        public int CapDb;

        /// <summary>Programme level at GainDb + CapDb with the profile's sensitivity.</summary>
        public double SplAtCapDbA = double.NegativeInfinity;

        /// <summary>Programme level at GainDb + CapDb with the worst-case sensitivity for the measured impedance.</summary>
        public double WorstCaseSplAtCapDbA = double.NegativeInfinity;

        /// <summary>S12: the acknowledged tier with the profile's sensitivity (equal to the above when it adds nothing).</summary>
        public int AckGainStep;
        public int AckGainDb;
        public int AckCapDb;
        public double AckSplAtCapDbA = double.NegativeInfinity;

        /// <summary>Gain plus cap in dB once confirmed (compare with PolicyDecision.MaxTotalGainDb).</summary>
        public int MaxTotalGainDb
        {
            get { return GainDb + CapDb; }
        }
    }
}
