namespace AmpController.Core.LoadWatch
{
    /// <summary>What the load watch concluded this tick (rule S7: a load that changes while the jack stays closed).</summary>
    public enum LoadWatchVerdict
    {
        /// <summary>Nothing seen, or the same load.</summary>
        Same = 0,
        /// <summary>|Z| fell by more than 30 % from the baseline: a lower-impedance, likely more sensitive load (or a short).</summary>
        Lower = 1,
        /// <summary>|Z| rose by more than 30 % (a higher-impedance load or an open output).</summary>
        Higher = 2,
        /// <summary>While the baseline was being learned, |Z| was far from the impedance measured at insertion.</summary>
        NotTheMeasuredLoad = 3,
    }
}
