namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// What the console asks of the controller (Core/Control implements it). The console never drives the
    /// hardware itself: every request passes through the controller's safety logic, which keeps the level at or
    /// under the cap (S4, S11) and may refuse (e.g. nothing plugged in).
    /// </summary>
    public interface IConsoleActions
    {
        void Mute();

        /// <summary>Un-mutes, ramping back to at most the level before the mute, never above the cap.</summary>
        void Unmute();

        /// <summary>Moves the volume by whole 1 dB steps (+ louder); the controller stops at the cap.</summary>
        void StepVolume(int steps);

        /// <summary>The settings were edited (limit, safe default, profiles, chip): re-evaluate the policy.</summary>
        void SettingsChanged();

        /// <summary>
        /// Leaves the S8 safe mode (clears the boot-loop counter, restarts from the safe start, muted); false when
        /// the controller was not in safe mode, in which case nothing changes.
        /// </summary>
        bool LeaveSafeMode();

        /// <summary>The weekly sound dose (S13): percent, hours left at the level now playing, the 7 days per day.</summary>
        string DoseText();

        /// <summary>One line describing the controller state (plug, gain, level, cap, faults).</summary>
        string Describe();

        /// <summary>
        /// A notification for the listener when something changed that they should know without asking (a stored
        /// profile offered or confirmed at the amplifier: S12), else "". Called between ticks; allocates only on a change.
        /// </summary>
        string TakeNotice();
    }
}
