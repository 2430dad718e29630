namespace AmpController.Core.SerialConsole
{
    public enum ConsoleCommandKind
    {
        /// <summary>Empty line: nothing to do.</summary>
        None = 0,
        Help,
        Status,
        Limit,
        SafeDefault,
        ProfileAdd,
        ProfileList,
        ProfileDelete,
        Save,
        Chip,
        Mute,
        Unmute,
        Volume,
        /// <summary>'safemode off': leave the S8 safe mode (clears the boot-loop counter).</summary>
        LeaveSafeMode,
    }
}
