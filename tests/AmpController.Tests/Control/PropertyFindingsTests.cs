using System;
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Soak;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using K = AmpController.Simulator.Board.BoardFaultKind;
using D = AmpController.Simulator.Board.FaultDevice;

namespace AmpController.Tests.Control;

/// <summary>
/// Cases the random properties found on fresh seeds (a CI run, then 20,000 cases each), kept as fixed replays so they
/// stay found whatever the generators draw next.
/// </summary>
[TestClass]
public class PropertyFindingsTests
{
    /// <summary>
    /// Board seed 905826030's factory calibration does not come out plausible (ControllerPropertyTests seed
    /// 0kBa108CHzg1): the simulator threw instead of building the board. Such a board ships without a calibration, and the
    /// firmware measures with the flagged nominal constants; it must still play, and stay under its limit.
    /// </summary>
    [TestMethod]
    public void S9_a_board_whose_factory_calibration_failed_boots_on_the_flagged_defaults_and_plays_under_its_limit()
    {
        const int seed = 905826030;
        Assert.IsTrue(SimSenseRig.FactoryCalibration(seed).FellBackToDefaults, "the board this test is about");
        var checker = new BoardChecker(new BoardConfig(Seed: seed, LimitDbA: 84));
        checker.Run([new InsertOp(10, SimulatedBoardTests.Hd600, "headphone"), new TurnOp(100, 40), new TurnOp(300, 0)]);
        Assert.AreEqual("playing", checker.Board.Snapshot().State);
        Assert.IsTrue(checker.MaxSplSeen <= 84 + 0.05, $"{checker.MaxSplSeen:F2} dBA");
        Assert.IsTrue(checker.MaxSplSeen > 60, "it played: the knob was turned up to the limit");
    }

    /// <summary>
    /// TierPropertyTests seed cX7u9FdqehW1: a stuck bus while the acknowledged tier legitimately played 83 dBA at a 75 dBA
    /// default limit. The controller's state shows the fault at once, but the firmware is blocked in the supervision read
    /// that met it (the 1 s I2C timeout), so its relay write waits, and the hardware watchdog opens K1 40 ms later (S8);
    /// the checker dropped the ceiling to 75 at the state change and called the level already playing an S4 violation.
    /// The tier's ceiling now holds only until the world has caught up with the blocked call, and one tick more.
    /// </summary>
    [TestMethod]
    public void S4_S5_S12_a_stuck_bus_in_the_acknowledged_tier_opens_the_relay_without_a_louder_moment()
    {
        var load = new HeadphoneLoad(240.04438512264664, 236.54901764561032, 108.02059991327963);
        var script = new BoardScript(972395803, VolumeChipChoice.Ds1882, 75, 70, [],
        [
            new InsertOp(0, load, "headphone"), new TurnOp(76, 48), new PressOp(106, 3356), new PressOp(24, 364),
            new TurnOp(212, 24), new FaultOp(91, new FaultSpec(K.StuckBus, D.Expander, 7, 226)),
        ]);
        var checker = new BoardChecker(script.Config);
        foreach (BoardOp op in script.Ops) checker.Play(op);
        Assert.AreEqual(1, checker.Tier.Unlocks, "the tier was unlocked by the long press");
        Assert.IsTrue(checker.Board.Relay.Closed && checker.Board.Snapshot().SplDbA > 75, "it played above the default limit in the tier");
        long faultAt = checker.Board.NowMs;
        while (checker.Board.Relay.Closed && checker.Board.NowMs < faultAt + 200) checker.Tick();
        Assert.IsFalse(checker.Board.Relay.Closed);
        Assert.IsTrue(checker.Board.NowMs - faultAt <= TierJudge.TierEndToDefaultMs, $"relay open {checker.Board.NowMs - faultAt} ms after the fault");
        Assert.IsTrue(checker.Board.Runtime.BlockedMs > 0, "the firmware was blocked in the transfer that met the stuck bus");
        Assert.AreEqual("fault", checker.Board.Snapshot().State);
    }

    /// <summary>
    /// ControllerPropertyTests seed 6z82RNaBIHq1: the profile generator offered a 161.7 dB/V profile (a 131.7 dB/V IEM
    /// + 30 dB), which the device cannot store (StoredProfile: 60–160 dB/V), and the board refused it. Generated profiles
    /// now stay in the storable range (both units at the profile's impedance), up to its edges.
    /// </summary>
    [TestMethod]
    public void The_profile_generator_offers_only_profiles_the_device_can_store()
    {
        int edge = 0;
        CsCheck.Check.Sample(BoardGen.ProfileScript, script =>
        {
            foreach (ProfileSpec p in script.Profiles)
            {
                var settings = new Settings();
                Assert.AreEqual(SettingsResult.Ok, settings.TryAddProfile(BoardFlash.Stored(p)), $"{p.Sensitivity} {p.Unit}");
                double perV = p.Unit == SensitivityUnit.DbPerV ? p.Sensitivity : p.Sensitivity + 10 * Math.Log10(1000 / p.ImpedanceOhm);
                if (perV >= StoredProfile.MaxDbPerVTenths / 10.0 - 0.2) edge++;
            }
        }, iter: 3000, seed: "6z82RNaBIHq1", threads: 1);
        Assert.IsTrue(edge > 0, "some drawn profiles sat at the storable range's edge: the clamp was exercised");
    }
}
