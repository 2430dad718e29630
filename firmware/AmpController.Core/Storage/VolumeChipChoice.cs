namespace AmpController.Core.Storage
{
    /// <summary>Which volume chip the board carries (docs/design.md §2). Stored as one byte; unknown values load as Ds1882.</summary>
    public enum VolumeChipChoice
    {
        Ds1882 = 0,
        Pt2258 = 1,
    }
}
