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
    }
}
