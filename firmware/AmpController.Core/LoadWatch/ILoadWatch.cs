namespace AmpController.Core.LoadWatch
{
    /// <summary>
    /// Watches the load while the output relay is closed (rule S7). The controller calls <see cref="Begin"/> with the
    /// impedances measured at insertion (NaN: that channel is not watched) and <see cref="Update"/> once per tick while
    /// playing; anything but Same means: mute, open the relay and measure again as a new insertion.
    /// </summary>
    public interface ILoadWatch
    {
        void Begin(double leftOhm, double rightOhm);
        LoadWatchVerdict Update(long nowMs);

        /// <summary>Whether an S12 profile is confirmed (its cap lifted): the watch then flags a smaller change.</summary>
        void SetProfileConfirmed(bool confirmed);
    }
}
