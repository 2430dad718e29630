using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Storage;

/// <summary>Settings used across the storage and console tests, and the in-range check every load must pass.</summary>
public static class SettingsSamples
{
    public static Settings Make(int limit, int safeDefault, VolumeChipChoice chip, params StoredProfile[] profiles)
    {
        var s = new Settings();
        Assert.AreEqual(SettingsResult.Ok, s.TrySetLimit(limit));
        Assert.AreEqual(SettingsResult.Ok, s.TrySetSafeDefault(safeDefault));
        Assert.AreEqual(SettingsResult.Ok, s.TrySetVolumeChip(chip));
        foreach (var p in profiles) Assert.AreEqual(SettingsResult.Ok, s.TryAddProfile(p));
        return s;
    }

    public static Settings Old() => Make(90, 72, VolumeChipChoice.Ds1882,
        new StoredProfile("HD600", 3000, 970, SensitivityUnit.DbPerV));

    public static Settings New() => Make(78, 65, VolumeChipChoice.Pt2258,
        new StoredProfile("HD600", 3000, 970, SensitivityUnit.DbPerV),
        new StoredProfile("IEM-10", 100, 1190, SensitivityUnit.DbPerMw),
        new StoredProfile("planar_x", 500, 835, SensitivityUnit.DbPerMw));

    public static Settings Third() => Make(100, 80, VolumeChipChoice.Ds1882);

    public static byte[] Bytes(Settings s) => SettingsCodec.EncodePayload(s);

    public static bool Same(Settings a, Settings b) =>
        System.Linq.Enumerable.SequenceEqual(Bytes(a), Bytes(b));

    /// <summary>Every value a loaded Settings holds is inside its safe range (the fuzz targets' oracle, one check).</summary>
    public static void AssertInRange(Settings s) => Assert.IsNull(AmpController.Fuzz.SettingsOracle.Problem(s));
}
