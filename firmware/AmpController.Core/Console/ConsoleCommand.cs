using AmpController.Core.Storage;

namespace AmpController.Core.SerialConsole
{
    /// <summary>One parsed console line. Which fields mean something depends on <see cref="Kind"/>.</summary>
    public sealed class ConsoleCommand
    {
        public ConsoleCommandKind Kind;

        /// <summary>Limit or safe default in dBA, or volume steps (+ louder, - quieter).</summary>
        public int Number;

        /// <summary>Profile name for ProfileDelete.</summary>
        public string Name = "";

        /// <summary>The new profile for ProfileAdd (already validated).</summary>
        public StoredProfile? Profile;

        public VolumeChipChoice Chip;

        public void Clear()
        {
            Kind = ConsoleCommandKind.None;
            Number = 0;
            Name = "";
            Profile = null;
            Chip = VolumeChipChoice.Ds1882;
        }
    }
}
