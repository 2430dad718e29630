using System.IO;
using System.Linq;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using AmpController.Simulator.Scenario;
using AmpController.Tests.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Simulator;

/// <summary>
/// Issue 17 item 2: a scenario's settings and profiles reach the firmware as on the device: stored through SettingsStore
/// into the simulated flash before the first boot, and loaded by the Core builder (AmpBuilder) at every boot.
/// </summary>
[TestClass]
public sealed class BoardSettingsPathTests
{
    static SimulatedBoard FromScenario(string settings, string profiles = "") =>
        new(ScenarioLoader.Parse("{\"name\":\"t\",\"durationMs\":100,\"events\":[],\"settings\":" + settings + profiles + "}").Board);

    /// <summary>S9: a scenario's out-of-range level is clamped exactly as a stored record with the same numbers is on
    /// loading (SettingsCodec → Settings.SetLevelsClamped); above 85 dBA the policy gets 85 (S12: the acknowledged tier
    /// goes higher, never a setting).</summary>
    [TestMethod]
    [DataRow(40.0, 60.0, 60, 60)]
    [DataRow(100.0, 80.0, 100, 80)]
    [DataRow(86.9, 70.5, 86, 70)]
    [DataRow(60.0, 80.0, 60, 60)]
    public void S9_a_scenario_setting_out_of_range_gets_the_same_clamp_as_a_stored_record(double limit, double safe, int limitByte, int safeByte)
    {
        var scenario = FromScenario($"{{\"limitDbA\":{limit},\"safeDefaultDbA\":{safe}}}");
        var stored = new SimulatedBoard(new BoardConfig());
        stored.Flash.Put(SettingsStore.DefaultNameA, SettingsCodecTests.Frame([(byte)limitByte, (byte)safeByte, 0, 0], 9));
        stored.InjectFault(new FaultSpec(BoardFaultKind.PowerCycle, FaultDevice.Board, 1, 50));
        for (int i = 0; i < 20; i++) stored.Tick();
        Assert.AreEqual(2, stored.Boots, "the stored record is loaded at the next boot");

        Settings fromRecord = stored.Amp.Settings;
        Assert.AreEqual(fromRecord.LimitDbA, scenario.Amp.Settings.LimitDbA, "limit");
        Assert.AreEqual(fromRecord.SafeDefaultDbA, scenario.Amp.Settings.SafeDefaultDbA, "safe default");
        Assert.AreEqual(stored.Policy.Input.LimitDbA, scenario.Policy.Input.LimitDbA, "the limit the policy gets");
        Assert.AreEqual(stored.Policy.Input.SafeDefaultDbA, scenario.Policy.Input.SafeDefaultDbA);
        Assert.IsTrue(scenario.Policy.Input.LimitDbA <= Settings.DefaultLimitDbA, "S12: a setting never lifts the limit above 85 dBA");
        Assert.IsTrue(scenario.Policy.Input.LimitDbA >= Settings.MinLimitDbA);
    }

    [TestMethod]
    public void The_scenario_settings_are_in_flash_through_the_settings_store_and_not_counted_as_device_writes()
    {
        var board = FromScenario("{\"limitDbA\":80,\"safeDefaultDbA\":65,\"ackLimitDbA\":90}",
            ",\"profiles\":[{\"name\":\"HD 600\",\"impedanceOhm\":300.04,\"sensitivity\":97.26,\"unit\":\"dB/V\"}],\"board\":{\"volumeChip\":\"PT2258\"}");
        var flash = new Settings();
        LoadOutcome outcome = new SettingsStore(board.Flash).Load(flash);
        Assert.IsTrue(outcome is LoadOutcome.OneCopyValid or LoadOutcome.BothCopiesValid, $"a record SettingsStore wrote: {outcome}");
        Assert.AreEqual(80, flash.LimitDbA);
        Assert.AreEqual(65, flash.SafeDefaultDbA);
        Assert.AreEqual(90, flash.AckLimitDbA);
        Assert.AreEqual(VolumeChipChoice.Pt2258, flash.VolumeChip);
        StoredProfile profile = flash.FindProfile("hd 600")!;
        Assert.AreEqual(3000, profile.ImpedanceTenthsOhm, "stored in tenths as the console stores it");
        Assert.AreEqual(973, profile.SensitivityTenthsDb);

        Assert.AreEqual("PT2258", board.VolumeDriver.Name, "the stored choice picked the driver");
        Assert.AreEqual(80.0, board.Policy.Input.LimitDbA);
        Assert.AreEqual(65.0, board.Policy.Input.SafeDefaultDbA);
        Assert.AreEqual(90.0, board.Policy.Input.AckLimitDbA);
        Assert.AreEqual(300.0, board.Policy.Input.Profiles!.Single().ImpedanceOhm, 1e-9);
        Assert.IsFalse(board.Flash.WritesByName.ContainsKey(SettingsStore.DefaultNameA), "the factory's writes are not the device's wear");
    }

    [TestMethod]
    [DataRow("{\"name\":\"Sennheiser HD 600 (2020)\",\"impedanceOhm\":300,\"sensitivity\":97,\"unit\":\"dB/V\"}", "profile name must be")]
    [DataRow("{\"name\":\"tiny\",\"impedanceOhm\":2,\"sensitivity\":97,\"unit\":\"dB/V\"}", "impedance must be 4.0..1000.0 ohm")]
    [DataRow("{\"name\":\"odd\",\"impedanceOhm\":32,\"sensitivity\":155,\"unit\":\"dB/mW\"}", "sensitivity must be")]
    public void A_profile_the_device_cannot_store_is_a_scenario_error_with_its_path(string profile, string reason)
    {
        var e = Assert.ThrowsExactly<ScenarioException>(() =>
            ScenarioLoader.Parse("{\"name\":\"t\",\"durationMs\":100,\"events\":[],\"profiles\":[" + profile + "]}"));
        Assert.AreEqual("$.profiles[0]", e.Path);
        StringAssert.Contains(e.Message, "the device cannot store this profile: " + reason);
    }
    /// <summary>S4/S9: a scenario level the device stores differently is named on stderr by `ampsim run` (a limit below
    /// 60 dBA plays at 60: louder than the file asked, never silently); a level it stores as given gives no note.</summary>
    [TestMethod]
    public void S4_ampsim_run_names_a_scenario_level_the_device_stores_differently()
    {
        string dir = Path.Combine(Path.GetTempPath(), "amp-notes-" + System.Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string low = Path.Combine(dir, "low.json"), plain = Path.Combine(dir, "plain.json");
            File.WriteAllText(low, "{\"name\":\"low\",\"durationMs\":100,\"events\":[],\"settings\":{\"limitDbA\":50,\"safeDefaultDbA\":70.5}}");
            File.WriteAllText(plain, "{\"name\":\"plain\",\"durationMs\":100,\"events\":[],\"settings\":{\"limitDbA\":80,\"safeDefaultDbA\":65}}");

            var lowRun = Cli.AmpSim.Run("run", low);
            Assert.AreEqual(0, lowRun.ExitCode, lowRun.Stderr);
            StringAssert.Contains(lowRun.Stderr, "$.settings.limitDbA: 50 dBA is stored as 60 dBA (the device keeps whole dBA in 60..100; this plays LOUDER than asked)");
            StringAssert.Contains(lowRun.Stderr, "$.settings.safeDefaultDbA: 70.5 dBA is stored as 60 dBA");

            var plainRun = Cli.AmpSim.Run("run", plain);
            Assert.AreEqual(0, plainRun.ExitCode, plainRun.Stderr);
            Assert.IsFalse(plainRun.Stderr.Contains("note:"), plainRun.Stderr);
        }
        finally { Directory.Delete(dir, true); }
    }
}
