namespace AmpController.Core.Storage
{
    /// <summary>What decoding one stored copy found: its sequence and how much had to be repaired.</summary>
    public sealed class DecodeReport
    {
        public uint Sequence;
        public int ClampedValues;
        public int DroppedProfiles;

        public void Clear()
        {
            Sequence = 0;
            ClampedValues = 0;
            DroppedProfiles = 0;
        }
    }
}
