using AmpController.Core.Acoustics;

namespace AmpController.Tests.Acoustics;

/// <summary>
/// A hold-out set: real headphones NOT in data/headphones.csv, with their makers' figures as commonly published
/// (approximate; not used to build the table). They test that the worst case is an honest bound, not one fitted to
/// the CSV. The Westone-style entry (56 ohm, 124 dB/mW) is the most extreme BA sensitivity figure we know of.
/// </summary>
public static class NotListedHeadphones
{
    public sealed record Model(string Name, double NominalOhm, double Value, SensitivityUnit Unit, bool MultiDriverIem)
    {
        public double DbPerV => AcousticMath.ToDbPerV(Value, Unit, NominalOhm);
        public override string ToString() => $"{Name} ({NominalOhm} ohm, {Value} {SensitivityUnits.Name(Unit)})";
    }

    const SensitivityUnit mW = SensitivityUnit.DbPerMw;
    const SensitivityUnit V = SensitivityUnit.DbPerV;

    public static readonly Model[] All =
    {
        new("Sennheiser HD 6XX", 300, 103, V, false),
        new("Sennheiser HD 58X Jubilee", 150, 104, V, false),
        new("Sennheiser HD 280 Pro", 64, 113, V, false),
        new("Sennheiser IE 900", 18, 123, V, false),
        new("Sennheiser IE 200", 18, 119, V, false),
        new("Shure SE846", 9, 114, mW, true),
        new("Shure SRH440", 44, 105, mW, false),
        new("Beyerdynamic T1 2nd gen", 600, 102, mW, false),
        new("Beyerdynamic DT 700 Pro X", 48, 100, mW, false),
        new("Beyerdynamic Xelento", 16, 110, mW, false),
        new("Etymotic ER2XR", 15, 116, V, false),
        new("Etymotic ER4XR", 45, 118, V, false),
        new("Audio-Technica ATH-R70x", 470, 99, mW, false),
        new("Sony MDR-V6", 63, 106, mW, false),
        new("Sony MDR-Z1R", 64, 100, mW, false),
        new("Focal Stellia", 35, 106, mW, false),
        new("Audeze LCD-GX", 20, 100, mW, false),
        new("HiFiMAN HE400se", 25, 91, mW, false),
        new("Moondrop Chu", 28, 120, V, false),
        new("KZ ZSN Pro X", 25, 111, mW, true),
        new("Koss KSC75", 60, 101, mW, false),
        new("Grado SR80x", 38, 99.8, mW, false),
        new("AKG K361", 32, 114, V, false),
        new("Westone UM Pro 30 (as quoted)", 56, 124, mW, true),
    };
}
