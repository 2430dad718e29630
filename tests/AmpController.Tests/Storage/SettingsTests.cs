using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Storage;

[TestClass]
public class SettingsTests
{
    [TestMethod]
    public void S9_settings_ranges_are_the_policy_ranges()
    {
        // Settings stores whole dBA (an int cast of the policy's doubles): each pair must be equal, i.e. nothing truncated.
        var pairs = new (string Name, double Policy, int Stored)[]
        {
            ("min limit", PolicyLimits.MinLimitDbA, Settings.MinLimitDbA),
            ("max limit", PolicyLimits.MaxLimitDbA, Settings.MaxLimitDbA),
            ("default limit", PolicyLimits.DefaultLimitDbA, Settings.DefaultLimitDbA),
            ("min safe default", PolicyLimits.MinSafeDbA, Settings.MinSafeDefaultDbA),
            ("max safe default", PolicyLimits.MaxSafeDbA, Settings.MaxSafeDefaultDbA),
            ("default safe default", PolicyLimits.DefaultSafeDbA, Settings.DefaultSafeDefaultDbA),
        };
        foreach (var (name, policy, stored) in pairs) Assert.AreEqual(policy, stored, name);
    }

    [TestMethod]
    [DataRow(60, SettingsResult.LimitBelowSafeDefault)]
    [DataRow(69, SettingsResult.LimitBelowSafeDefault)]
    [DataRow(70, SettingsResult.Ok)]
    [DataRow(100, SettingsResult.Ok)]
    [DataRow(101, SettingsResult.LimitOutOfRange)]
    [DataRow(59, SettingsResult.LimitOutOfRange)]
    [DataRow(int.MinValue, SettingsResult.LimitOutOfRange)]
    public void S9_limit_edits_are_checked_before_anything_changes(int limit, SettingsResult expected)
    {
        var s = new Settings();
        Assert.AreEqual(expected, s.TrySetLimit(limit));
        Assert.AreEqual(expected == SettingsResult.Ok ? limit : 85, s.LimitDbA);
        Assert.AreEqual(70, s.SafeDefaultDbA);
    }

    [TestMethod]
    [DataRow(60, SettingsResult.Ok)]
    [DataRow(80, SettingsResult.Ok)]
    [DataRow(81, SettingsResult.SafeDefaultOutOfRange)]
    [DataRow(59, SettingsResult.SafeDefaultOutOfRange)]
    public void S2_safe_default_stays_in_60_to_80(int value, SettingsResult expected)
    {
        var s = new Settings();
        Assert.AreEqual(expected, s.TrySetSafeDefault(value));
        Assert.AreEqual(expected == SettingsResult.Ok ? value : 70, s.SafeDefaultDbA);
    }

    [TestMethod]
    public void S2_safe_default_never_goes_above_the_limit()
    {
        var s = new Settings();
        Assert.AreEqual(SettingsResult.Ok, s.TrySetSafeDefault(65));
        Assert.AreEqual(SettingsResult.Ok, s.TrySetLimit(66));
        Assert.AreEqual(SettingsResult.SafeDefaultAboveLimit, s.TrySetSafeDefault(67));
        Assert.AreEqual(65, s.SafeDefaultDbA);
    }

    [TestMethod]
    public void S9_profiles_are_unique_bounded_and_removable()
    {
        var s = new Settings();
        for (int i = 0; i < Settings.MaxProfiles; i++)
            Assert.AreEqual(SettingsResult.Ok, s.TryAddProfile(new StoredProfile("p" + i, 320, 1000, SensitivityUnit.DbPerMw)));
        Assert.AreEqual(SettingsResult.ProfileExists, s.TryAddProfile(new StoredProfile("P3", 320, 1000, SensitivityUnit.DbPerMw)));
        Assert.AreEqual(SettingsResult.ProfilesFull, s.TryAddProfile(new StoredProfile("new", 320, 1000, SensitivityUnit.DbPerMw)));
        Assert.AreEqual(SettingsResult.Ok, s.TryRemoveProfile("P3"));
        Assert.AreEqual(SettingsResult.ProfileNotFound, s.TryRemoveProfile("p3"));
        Assert.AreEqual(Settings.MaxProfiles - 1, s.ProfileCount);
        Assert.AreEqual("p4", s.GetProfile(3).Name, "order kept");
        Assert.IsNull(s.FindProfile("p3"));
        Assert.AreEqual(SettingsResult.Ok, s.TryAddProfile(new StoredProfile("new", 320, 1000, SensitivityUnit.DbPerMw)));
    }

    [TestMethod]
    [DataRow(40, 700, SensitivityUnit.DbPerMw)]
    [DataRow(10000, 1400, SensitivityUnit.DbPerMw)]
    [DataRow(40, 600, SensitivityUnit.DbPerV)]
    [DataRow(10000, 1500, SensitivityUnit.DbPerV)]
    [DataRow(3000, 970, SensitivityUnit.DbPerV)]
    public void S9_every_storable_profile_is_one_the_policy_accepts(int ohmTenths, int sensTenths, SensitivityUnit unit)
    {
        var stored = new StoredProfile("edge", ohmTenths, sensTenths, unit);
        Assert.AreEqual(SettingsResult.Ok, stored.Validate());
        var s = new Settings();
        Assert.AreEqual(SettingsResult.Ok, s.TryAddProfile(stored));
        var policy = s.ToPolicyProfiles();
        Assert.AreEqual(1, policy.Length);
        Assert.IsTrue(policy[0].IsValid);
        Assert.AreEqual(ohmTenths / 10.0, policy[0].ImpedanceOhm, 1e-9);
        Assert.AreEqual(sensTenths / 10.0, policy[0].Sensitivity, 1e-9);
        Assert.AreEqual(unit, policy[0].Unit);
        Assert.AreEqual("edge", policy[0].Name);
    }

    [TestMethod]
    public void S9_ApplyTo_hands_limit_safe_default_and_profiles_to_the_policy()
    {
        var settings = SettingsSamples.Make(78, 65, VolumeChipChoice.Pt2258,
            new StoredProfile("HD600", 3000, 970, SensitivityUnit.DbPerMw));
        var input = new PolicyInput { LimitDbA = 100, SafeDefaultDbA = 80 };
        settings.ApplyTo(input);
        Assert.AreEqual(78, input.LimitDbA);
        Assert.AreEqual(65, input.SafeDefaultDbA);
        Assert.AreEqual(1, input.Profiles!.Length);
        Assert.AreEqual("HD600", input.Profiles[0].Name);
        Assert.AreEqual(300, input.Profiles[0].ImpedanceOhm);

        Assert.AreEqual(SettingsResult.Ok, settings.TryRemoveProfile("hd600"));
        settings.ApplyTo(input);
        Assert.IsNull(input.Profiles, "a removed profile must not linger in the policy");
    }
}
