using System;
using System.Collections.Generic;
using System.IO;
using AmpController.Core.Sensing;
using AmpController.Core.SerialConsole;
using AmpController.Core.Storage;
using AmpController.Core.Supervision;
using AmpController.Simulator.Platform;
using AmpController.Simulator.Scenario;

namespace AmpController.Fuzz;

/// <summary>An oracle saw a wrong result (not a crash): AFL records it like a crash, the replay names it.</summary>
public sealed class OracleFailure(string message) : Exception(message);

/// <summary>
/// Every parser that takes outside input (issue 18 item 1), each with oracles beyond "no crash":
/// console lines (a refused line changes nothing: settings, store, controller), stored settings, the stored mute,
/// stored calibration, the stored boot counter (decoded values always in their safe ranges), the stored sound dose
/// (DoseOracle: in range, never less than stored, a corrupt copy falls back to the other), scenario JSON (loads,
/// or a ScenarioException, which `ampsim run` turns into exit 2; a loaded scenario also plays its first seconds).
/// An exception other than the expected ones, or an OracleFailure, is a finding.
/// </summary>
public static class FuzzTargets
{
    public static readonly IReadOnlyDictionary<string, Action<byte[]>> All = new Dictionary<string, Action<byte[]>>
    {
        ["console"] = Console,
        ["settings"] = StoredSettings,
        ["calibration"] = Calibration,
        ["bootcounter"] = BootCounter,
        ["dose"] = DoseOracle.Run,
        ["scenario"] = Scenario,
    };

    /// <summary>The stored files a storage target reads: the input split in two at its first byte (copies A and B).</summary>
    static SimFileStore TwoFiles(byte[] input, string nameA, string nameB)
    {
        var flash = new SimFileStore();
        if (input.Length == 0) return flash;
        int split = Math.Min(input[0], input.Length - 1);
        flash.Put(nameA, input.AsSpan(1, split).ToArray());
        flash.Put(nameB, input.AsSpan(1 + split).ToArray());
        return flash;
    }

    static void StoredSettings(byte[] input)
    {
        // The record alone, then as the two copies the store reads.
        var direct = new Settings();
        if (SettingsCodec.TryDecodeRecord(input, direct, new DecodeReport()))
        {
            SettingsOracle.Check(direct, "decoded record");
            // Decoding is stable: what was decoded, encoded again, decodes to the same settings.
            var again = new Settings();
            if (!SettingsCodec.TryDecodeRecord(SettingsCodec.EncodeRecord(direct, 1), again, new DecodeReport())
                || !SettingsOracle.Same(direct, again))
                throw new OracleFailure("decoded settings do not survive encoding and decoding again");
        }
        var flash = TwoFiles(input, SettingsStore.DefaultNameA, SettingsStore.DefaultNameB);
        var loaded = new Settings();
        new SettingsStore(flash).Load(loaded);
        SettingsOracle.Check(loaded, "loaded settings");
    }

    static void Calibration(byte[] input)
    {
        var c = new SenseCalibrationStore(TwoFiles(input, SenseCalibrationStore.NameA, SenseCalibrationStore.NameB)).Load();
        if (!c.IsPlausible) throw new OracleFailure($"implausible calibration loaded: {c.LeftGain} {c.LeftSeriesOhm} {c.RightGain} {c.RightSeriesOhm}");
        if (SenseCalibrationStore.Decode(input) is { } d && !double.IsFinite(d.LeftGain + d.LeftSeriesOhm + d.RightGain + d.RightSeriesOhm))
            throw new OracleFailure("a decoded calibration constant is not finite");
    }

    static void BootCounter(byte[] input)
    {
        var guard = new BootLoopGuard(TwoFiles(input, BootLoopGuard.NameA, BootLoopGuard.NameB));
        int count = guard.Load();
        if (count < 0 || count > 255) throw new OracleFailure($"boot counter {count}");
        if (guard.SafeModeRequired != count >= BootLoopGuard.QuickBootsForSafeMode) throw new OracleFailure("safe mode and count disagree");
    }

    static void Console(byte[] input) => ConsoleOracle.Run(input);

    /// <summary>Longest stretch of a loaded scenario that is also played (keeps the executions fast).</summary>
    const long PlayedMs = 1000;

    static void Scenario(byte[] input)
    {
        ScenarioSpec spec;
        try
        {
            spec = ScenarioLoader.Parse(ScenarioFiles.ReadBounded(new MemoryStream(input, writable: false), "input"));
        }
        catch (ScenarioException e)
        {
            if (e.Message.Contains('\n')) throw new OracleFailure("a scenario error is more than one line: " + e.Message);
            return; // bad input, exit 2: the expected answer
        }
        try
        {
            var played = spec with { DurationMs = Math.Min(spec.DurationMs, PlayedMs) };
            ScenarioRunner.Run(played, BoardFactory.Create, keepSamples: false).Verdict();
        }
        catch (ArgumentException)
        {
            // `ampsim run` answers this with exit 2 ("the simulated board rejected the scenario").
        }
    }
}
