using System;
using System.Collections.Generic;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Core.SerialConsole;
using AmpController.Core.Storage;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Board;

/// <summary>
/// What a board's flash holds before its first boot (issue 17): the factory's sense calibration, and the settings the
/// listener stored with the console (chip, limit, safe default, the acknowledged tier's limit, profiles), written with the
/// device's own stores (SenseCalibrationStore, SettingsStore) so that the firmware loads them at boot through the same
/// code as on the ESP32 (Core/Composition/AmpBuilder). A level is stored as the device stores it: whole dBA (a fraction
/// rounded down, quieter: S4), clamped into its range exactly as a stored record is on loading (Settings.SetLevelsClamped,
/// S9). A profile the device cannot store (name, impedance or sensitivity out of its ranges) is refused with its reason.
/// </summary>
public static class BoardFlash
{
    /// <summary>
    /// A board whose factory calibration did not come out plausible (SenseCalibrationRun fell back to the defaults: board
    /// seed 905826030, none of 20,000 others sampled) ships without one, as the store refuses it: the firmware then
    /// measures with the flagged nominal constants (SenseCalibrationStore.Load) and the self-test says so, which is the
    /// case to simulate, not to refuse.
    /// </summary>
    public static void Seed(IFileStore factory, Settings settings, SenseCalibration calibration)
    {
        new SenseCalibrationStore(factory).Save(calibration);
        if (!new SettingsStore(factory).Save(settings))
            throw new InvalidOperationException("the simulated flash refused the settings");
    }

    /// <summary>A flash the listener kept (`ampsim console --flash`) as this board's firmware sees it: a file it lacks
    /// reads as the factory left it (the sense calibration); every write goes to the kept flash.</summary>
    public static IFileStore OverFactory(IFileStore kept, SenseCalibration calibration)
    {
        var factory = new SimFileStore();
        new SenseCalibrationStore(factory).Save(calibration);
        return new Layered(kept, factory);
    }

    sealed class Layered(IFileStore kept, IFileStore factory) : IFileStore
    {
        public byte[]? ReadAll(string name) => kept.ReadAll(name) ?? factory.ReadAll(name);
        public bool WriteAll(string name, byte[] data) => kept.WriteAll(name, data);
    }

    /// <summary>What a flash holds (defaults when nothing valid), read with the device's store.</summary>
    public static Settings Load(IFileStore flash)
    {
        var settings = new Settings();
        new SettingsStore(flash).Load(settings);
        return settings;
    }

    /// <summary>The board's settings as the device stores them; <see cref="ArgumentException"/> for what it cannot store.</summary>
    public static Settings SettingsOf(BoardConfig config)
    {
        var settings = new Settings();
        Require(settings.TrySetVolumeChip(config.VolumeChip), "volume chip " + config.VolumeChip);
        settings.SetLevelsClamped(WholeDbA(config.LimitDbA, "limit"), WholeDbA(config.SafeDefaultDbA, "safe default"));
        settings.SetAckLimitClamped(WholeDbA(config.AckLimitDbA, "acknowledged limit"));
        if (config.Profiles != null)
            foreach (ProfileSpec p in config.Profiles)
                Require(settings.TryAddProfile(Stored(p)), $"profile '{p.Name}'");
        return settings;
    }

    /// <summary>
    /// What the device will hold differently from what the config asked (a level outside its stored range, or a
    /// fraction of a dBA): one line each, so a scenario whose limit the device raises (below 60 dBA) or lowers is never
    /// run on a silent assumption. The policy's further rule (S12: at most 85 dBA without the acknowledged tier) is not
    /// a storage change and is not listed.
    /// </summary>
    public static IReadOnlyList<string> StoredDifferently(BoardConfig config)
    {
        Settings stored = SettingsOf(config);
        var notes = new List<string>();
        Differs(notes, "$.settings.limitDbA", config.LimitDbA, stored.LimitDbA, Settings.MinLimitDbA, Settings.MaxLimitDbA);
        Differs(notes, "$.settings.safeDefaultDbA", config.SafeDefaultDbA, stored.SafeDefaultDbA, Settings.MinSafeDefaultDbA, Settings.MaxSafeDefaultDbA);
        Differs(notes, "$.settings.ackLimitDbA", config.AckLimitDbA, stored.AckLimitDbA, Settings.MinAckLimitDbA, Settings.MaxAckLimitDbA);
        return notes;
    }

    static void Differs(List<string> notes, string path, double asked, int stored, int min, int max)
    {
        if (asked == stored) return;
        notes.Add($"{path}: {asked} dBA is stored as {stored} dBA (the device keeps whole dBA in {min}..{max}"
                  + (stored > asked ? "; this plays LOUDER than asked)" : ")"));
    }

    /// <summary>A profile as the console stores it: impedance and sensitivity in tenths.</summary>
    public static StoredProfile Stored(ProfileSpec p) => new(p.Name, Tenths(p.ImpedanceOhm), Tenths(p.Sensitivity), p.Unit);

    static int WholeDbA(double dbA, string what)
    {
        if (!double.IsFinite(dbA)) throw new ArgumentException($"the {what} {dbA} dBA is not a level");
        return (int)Math.Clamp(Math.Floor(dbA), int.MinValue, int.MaxValue);
    }

    static int Tenths(double value) =>
        double.IsFinite(value) ? (int)Math.Clamp(Math.Round(value * 10), int.MinValue, int.MaxValue) : int.MinValue;

    static void Require(SettingsResult result, string what)
    {
        if (result != SettingsResult.Ok)
            throw new ArgumentException($"the device cannot store the {what}: {ConsoleMessages.Explain(result)}");
    }
}
