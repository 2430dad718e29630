namespace AmpController.Core.Storage
{
    /// <summary>How a headphone's sensitivity is specified (design.md §5): per milliwatt or per volt rms.</summary>
    public enum SensitivityUnit
    {
        DbPerMw = 0,
        DbPerV = 1,
    }
}
