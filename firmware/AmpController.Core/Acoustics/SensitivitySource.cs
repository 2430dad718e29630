namespace AmpController.Core.Acoustics
{
    /// <summary>Where the assumed sensitivity came from.</summary>
    public enum SensitivitySource
    {
        /// <summary>Stated for this headphone (command line or caller).</summary>
        Known = 0,
        /// <summary>A stored profile the listener confirmed at the amplifier (S12); the policy itself never decides with it.</summary>
        Profile = 1,
        /// <summary>The worst case for the measured impedance (WorstCaseSensitivity).</summary>
        WorstCase = 2,
        /// <summary>Unconfirmed sense result: the worst case over all headphones (S7).</summary>
        Unconfirmed = 3,
        /// <summary>Open or short: nothing is driven.</summary>
        None = 4,
    }
}
