using System;
using AmpController.Core.Devices;
using AmpController.Simulator.Board;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Devices;

/// <summary>
/// Random operation sequences with random injected faults and time steps (CsCheck prints the seed on failure).
/// The drivers may fail, but an Ok must be true of the real chip: S5 (a failure is never hidden) and S6.
/// </summary>
[TestClass]
public sealed class DriverPropertyTests
{
    /// <summary>One random step: a fault to inject first (kinds 0..5, above = none), time to pass, then an operation.</summary>
    public sealed record Step(int Op, int A, int B, int Fault, int DurationMs, int AdvanceMs);

    private static readonly Gen<Step[]> Steps =
        Gen.Select(Gen.Int[0, 5], Gen.Int[-82, 2], Gen.Int[-82, 2], Gen.Int[0, 13], Gen.Int[0, 60], Gen.Int[0, 40])
            .Select((op, a, b, fault, duration, advance) => new Step(op, a, b, fault, duration, advance))
            .Array[1, 40];

    private static void Prepare(Rig rig, int address, Step step)
    {
        if (step.Fault <= (int)FaultKind.PowerCycle)
        {
            int count = step.Fault == (int)FaultKind.Nack ? 1 + step.DurationMs % 3 : 1;
            rig.Bus.Inject(address, (FaultKind)step.Fault, count, step.DurationMs);
        }
        rig.Clock.Advance(step.AdvanceMs);
    }

    private static void AssertLevel(ISimVolumeChip chip, int side, int db, string what)
    {
        Assert.AreEqual((double)-db, chip.AttenuationDb(side), $"{what}: side {side}");
    }

    /// <summary>
    /// Ok from a verify whose reads were not corrupted. A bit flip that turns a wrong register into exactly the expected
    /// value cannot be told from a correct read by any single readback; such a verify is not judged.
    /// </summary>
    private static bool VerifiedCleanly(Rig rig, Func<DeviceStatus> verify)
    {
        int flips = rig.Bus.BitFlipsApplied;
        return verify() == DeviceStatus.Ok && rig.Bus.BitFlipsApplied == flips;
    }

    private static void AssertLevelOrMute(ISimVolumeChip chip, int side, int db)
    {
        double attenuation = chip.AttenuationDb(side);
        Assert.IsTrue(attenuation == -db || double.IsPositiveInfinity(attenuation), $"set ok: side {side} at {attenuation} dB");
    }

    [TestMethod]
    public void S5_S6_ds1882_ok_is_always_true_of_the_chip()
    {
        Steps.Sample(steps =>
        {
            var rig = Rig.Initialized();
            var chip = rig.Ds1882Chip;
            const int address = SimDs1882.DefaultAddress;
            int left = 0, right = 0;
            bool muted = true;
            foreach (Step step in steps)
            {
                Prepare(rig, address, step);
                int written = rig.Bus.BytesWritten(address);
                switch (step.Op)
                {
                    case 0:
                        DeviceStatus set = rig.Ds1882.SetLevels(step.A, step.B);
                        if (set == DeviceStatus.Rejected)
                        {
                            Assert.IsTrue(step.A > 0 || step.A < -62 || step.B > 0 || step.B < -62);
                            Assert.AreEqual(written, rig.Bus.BytesWritten(address), "rejected writes nothing");
                            break;
                        }
                        (left, right, muted) = (step.A, step.B, false);
                        if (set != DeviceStatus.Ok) break;
                        // A wiper that reset itself since the last verify is at mute: quieter, found by the next Verify.
                        AssertLevelOrMute(chip, 0, left);
                        AssertLevelOrMute(chip, 1, right);
                        break;
                    case 1:
                        muted = true;
                        if (rig.Ds1882.Mute() == DeviceStatus.Ok) Assert.IsTrue(chip.Muted, "mute ok");
                        break;
                    case 3:
                        muted = true;
                        if (rig.Ds1882.Initialize() == DeviceStatus.Ok) Assert.IsTrue(chip.Muted, "initialize ok");
                        break;
                    case 4:
                        rig.Bus.Recover();
                        break;
                    default:
                        if (!VerifiedCleanly(rig, rig.Ds1882.Verify)) break;
                        if (muted) Assert.IsTrue(chip.Muted, "verify ok while muted");
                        else { AssertLevel(chip, 0, left, "verify"); AssertLevel(chip, 1, right, "verify"); }
                        break;
                }
            }
        }, iter: 2000);
    }

    [TestMethod]
    public void S5_tca9534_ok_is_always_true_of_the_board()
    {
        Steps.Sample(steps =>
        {
            var rig = Rig.Initialized();
            var chip = rig.ExpanderChip;
            const int address = SimTca9534.DefaultAddress;
            int[] gainDb = [-20, 0, 12];
            int gainStep = 0;
            bool sense = false;
            foreach (Step step in steps)
            {
                Prepare(rig, address, step);
                int written = rig.Bus.BytesWritten(address);
                DeviceStatus status;
                switch (step.Op)
                {
                    case 0:
                        int wanted = step.A % 4;
                        status = rig.Expander.SetGainStep(wanted);
                        if (status == DeviceStatus.Rejected)
                        {
                            Assert.IsTrue(wanted < 0 || wanted > 2);
                            Assert.AreEqual(written, rig.Bus.BytesWritten(address), "rejected writes nothing");
                            break;
                        }
                        gainStep = wanted;
                        if (status == DeviceStatus.Ok && chip.Configuration == 0) Assert.AreEqual(gainDb[gainStep], chip.GainDb);
                        break;
                    case 1:
                        sense = step.A % 2 == 0;
                        status = rig.Expander.SetSenseRelay(sense);
                        if (status == DeviceStatus.Ok && chip.Configuration == 0) Assert.AreEqual(sense, chip.SenseRelayClosed);
                        break;
                    case 3:
                        (gainStep, sense) = (0, false);
                        status = rig.Expander.Initialize();
                        if (status == DeviceStatus.Ok) Assert.AreEqual(-20, chip.GainDb);
                        break;
                    case 4:
                        rig.Bus.Recover();
                        break;
                    default:
                        if (!VerifiedCleanly(rig, rig.Expander.Verify)) break;
                        Assert.AreEqual(gainDb[gainStep], chip.GainDb, "verify ok: gain");
                        Assert.AreEqual(sense, chip.SenseRelayClosed, "verify ok: sense relay");
                        break;
                }
                Assert.IsTrue(chip.GainDb <= 12);
            }
        }, iter: 2000);
    }

    [TestMethod]
    public void S6_pt2258_refresh_ok_on_a_ready_chip_means_the_chip_holds_the_request()
    {
        Steps.Sample(steps =>
        {
            var rig = Rig.Initialized();
            var chip = rig.Pt2258Chip;
            const int address = SimPt2258.DefaultAddress;
            int left = 79, right = 79;
            bool muted = true;
            bool uncertain = false;
            foreach (Step step in steps)
            {
                Prepare(rig, address, step);
                // A power cycle injected by Prepare takes effect at the chip's next transfer, inside the operation, and a
                // chip in its 200 ms start-up ACKs but ignores writes; so readiness is judged after the operation.
                int ignoredBefore = chip.IgnoredWrites;
                bool Ready() => rig.Clock.NowMs >= chip.ReadyAtMs && chip.IgnoredWrites == ignoredBefore;
                switch (step.Op)
                {
                    case 0:
                        DeviceStatus set = rig.Pt2258.SetLevels(step.A, step.B);
                        if (set == DeviceStatus.Rejected)
                        {
                            Assert.IsTrue(step.A > 0 || step.A < -79 || step.B > 0 || step.B < -79);
                            break;
                        }
                        (left, right, muted) = (-step.A, -step.B, false);
                        // After a failure the driver may keep the chip muted, or re-initialise it (muted, −79 dB).
                        uncertain |= set != DeviceStatus.Ok;
                        break;
                    case 1:
                        muted = true;
                        if (rig.Pt2258.Mute() == DeviceStatus.Ok && Ready()) Assert.IsTrue(chip.Muted, "mute ok");
                        break;
                    case 3:
                        (left, right, muted) = (79, 79, true);
                        if (rig.Pt2258.Initialize() == DeviceStatus.Ok && Ready()) Assert.IsTrue(chip.Muted, "initialize ok");
                        break;
                    case 4:
                        rig.Bus.Recover();
                        break;
                    default:
                        if (rig.Pt2258.Verify() != DeviceStatus.Ok || !Ready()) break;
                        if (uncertain && chip.Muted)
                        {
                            bool reinitialised = chip.ChannelAttenuationDb(1) == 79 && chip.ChannelAttenuationDb(2) == 79;
                            (left, right, muted) = reinitialised ? (79, 79, true) : (left, right, true);
                        }
                        uncertain = false;
                        Assert.AreEqual(muted, chip.Muted, "refresh ok: mute");
                        Assert.AreEqual(left, chip.ChannelAttenuationDb(SimPt2258.LeftChannel), "refresh ok: left");
                        Assert.AreEqual(right, chip.ChannelAttenuationDb(SimPt2258.RightChannel), "refresh ok: right");
                        break;
                }
            }
        }, iter: 2000);
    }
}
