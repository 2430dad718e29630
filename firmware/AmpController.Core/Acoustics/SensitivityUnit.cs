namespace AmpController.Core.Acoustics
{
    /// <summary>How a maker states sensitivity: dB SPL for 1 mW, or dB SPL for 1 Vrms (docs/design.md §5).</summary>
    public enum SensitivityUnit
    {
        DbPerMw = 0,
        DbPerV = 1,
    }
}
