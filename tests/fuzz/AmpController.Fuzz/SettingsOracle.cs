using AmpController.Core.Storage;

namespace AmpController.Fuzz;

/// <summary>The safe ranges every Settings the firmware holds must be in (rules S2, S4, S9), as one check.</summary>
public static class SettingsOracle
{
    /// <summary>Null when every value is inside its safe range, else what is not.</summary>
    public static string? Problem(Settings s)
    {
        if (s.LimitDbA < Settings.MinLimitDbA || s.LimitDbA > Settings.MaxLimitDbA) return $"limit {s.LimitDbA} dBA";
        if (s.SafeDefaultDbA < Settings.MinSafeDefaultDbA || s.SafeDefaultDbA > Settings.MaxSafeDefaultDbA) return $"safe default {s.SafeDefaultDbA} dBA";
        if (s.SafeDefaultDbA > s.LimitDbA) return "safe default above the limit";
        if (s.AckLimitDbA < Settings.MinAckLimitDbA || s.AckLimitDbA > Settings.MaxAckLimitDbA) return $"ack limit {s.AckLimitDbA} dBA"; // S12
        if (s.VolumeChip != VolumeChipChoice.Ds1882 && s.VolumeChip != VolumeChipChoice.Pt2258) return $"volume chip {(int)s.VolumeChip}";
        if (s.ProfileCount < 0 || s.ProfileCount > Settings.MaxProfiles) return $"{s.ProfileCount} profiles";
        for (int i = 0; i < s.ProfileCount; i++)
        {
            if (s.GetProfile(i).Validate() != SettingsResult.Ok) return $"profile {i} invalid ({s.GetProfile(i).Validate()})";
            for (int j = 0; j < i; j++)
                if (s.GetProfile(j).HasName(s.GetProfile(i).Name)) return $"duplicate profile name {s.GetProfile(i).Name}";
        }
        return null;
    }

    public static void Check(Settings s, string what)
    {
        if (Problem(s) is string problem) throw new OracleFailure($"{what} out of the safe range: {problem}");
    }

    public static bool Same(Settings a, Settings b) =>
        System.MemoryExtensions.SequenceEqual<byte>(SettingsCodec.EncodePayload(a), SettingsCodec.EncodePayload(b));
}
