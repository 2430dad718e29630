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

    /// <summary>Every value a loaded Settings holds is inside its safe range.</summary>
    public static void AssertInRange(Settings s)
    {
        Assert.IsTrue(s.LimitDbA >= Settings.MinLimitDbA && s.LimitDbA <= Settings.MaxLimitDbA, $"limit {s.LimitDbA}");
        Assert.IsTrue(s.SafeDefaultDbA >= Settings.MinSafeDefaultDbA && s.SafeDefaultDbA <= Settings.MaxSafeDefaultDbA,
            $"safe default {s.SafeDefaultDbA}");
        Assert.IsTrue(s.SafeDefaultDbA <= s.LimitDbA, "safe default above limit");
        Assert.IsTrue(s.VolumeChip == VolumeChipChoice.Ds1882 || s.VolumeChip == VolumeChipChoice.Pt2258);
        Assert.IsTrue(s.ProfileCount >= 0 && s.ProfileCount <= Settings.MaxProfiles);
        for (int i = 0; i < s.ProfileCount; i++)
        {
            Assert.AreEqual(SettingsResult.Ok, s.GetProfile(i).Validate(), $"profile {i}");
            for (int j = 0; j < i; j++) Assert.IsFalse(s.GetProfile(j).HasName(s.GetProfile(i).Name), "duplicate name");
        }
    }
}
