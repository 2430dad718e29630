using System;
using System.Collections.Generic;
using AmpController.Core.Devices;
using AmpController.Core.Platform;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
using AmpController.Simulator.Vocabulary;

namespace AmpController.Tests.Devices;

/// <summary>S5: every injected bus fault reaches the caller as a failed result, for every driver operation.</summary>
[TestClass]
public sealed class FaultTests
{
    /// <summary>Driver operations that talk to the chip, with the address they use.</summary>
    public static IEnumerable<object[]> Operations()
    {
        yield return ["DS1882 SetLevels", SimDs1882.DefaultAddress];
        yield return ["DS1882 Mute", SimDs1882.DefaultAddress];
        yield return ["DS1882 Verify", SimDs1882.DefaultAddress];
        yield return ["DS1882 Initialize", SimDs1882.DefaultAddress];
        yield return ["TCA9534 SetGainStep", SimTca9534.DefaultAddress];
        yield return ["TCA9534 SetSenseRelay", SimTca9534.DefaultAddress];
        yield return ["TCA9534 SetLeds", SimTca9534.DefaultAddress];
        yield return ["TCA9534 Verify", SimTca9534.DefaultAddress];
        yield return ["TCA9534 Initialize", SimTca9534.DefaultAddress];
        yield return ["PT2258 SetLevels", SimPt2258.DefaultAddress];
        yield return ["PT2258 Mute", SimPt2258.DefaultAddress];
        yield return ["PT2258 Verify", SimPt2258.DefaultAddress];
        yield return ["PT2258 Initialize", SimPt2258.DefaultAddress];
    }

    private static DeviceStatus Run(Rig rig, string operation) => operation switch
    {
        "DS1882 SetLevels" => rig.Ds1882.SetLevels(-7, -9),
        "DS1882 Mute" => rig.Ds1882.Mute(),
        "DS1882 Verify" => rig.Ds1882.Verify(),
        "DS1882 Initialize" => rig.Ds1882.Initialize(),
        "TCA9534 SetGainStep" => rig.Expander.SetGainStep(1),
        "TCA9534 SetSenseRelay" => rig.Expander.SetSenseRelay(true),
        "TCA9534 SetLeds" => rig.Expander.SetLeds(3),
        "TCA9534 Verify" => rig.Expander.Verify(),
        "TCA9534 Initialize" => rig.Expander.Initialize(),
        "PT2258 SetLevels" => rig.Pt2258.SetLevels(-7, -9),
        "PT2258 Mute" => rig.Pt2258.Mute(),
        "PT2258 Verify" => rig.Pt2258.Verify(),
        "PT2258 Initialize" => rig.Pt2258.Initialize(),
        _ => throw new ArgumentException(operation),
    };

    [TestMethod]
    [DynamicData(nameof(Operations))]
    public void S5_nack_fails_the_operation(string operation, int address)
    {
        var rig = Rig.Initialized();
        rig.Bus.Inject(address, FaultKind.Nack, count: 1);
        Assert.AreEqual(DeviceStatus.BusError, Run(rig, operation));
    }

    [TestMethod]
    [DynamicData(nameof(Operations))]
    public void S5_partial_transfer_fails_the_operation(string operation, int address)
    {
        var rig = Rig.Initialized();
        rig.Bus.Inject(address, FaultKind.PartialTransfer, count: 1);
        Assert.AreEqual(DeviceStatus.BusError, Run(rig, operation));
    }

    [TestMethod]
    [DynamicData(nameof(Operations))]
    public void S5_stuck_bus_fails_the_operation_until_recover(string operation, int address)
    {
        var rig = Rig.Initialized();
        rig.Bus.Inject(address, FaultKind.StuckBus);

        Assert.AreEqual(DeviceStatus.BusError, Run(rig, operation));
        Assert.AreEqual(DeviceStatus.BusError, Run(rig, operation), "stays stuck without recovery");

        Assert.IsTrue(rig.Bus.Recover());
        Assert.AreEqual(1, rig.Bus.RecoverCalls);
        Assert.AreEqual(DeviceStatus.Ok, Run(rig, operation));
    }

    [TestMethod]
    [DynamicData(nameof(Operations))]
    public void S5_unpowered_chip_fails_the_operation(string operation, int address)
    {
        var rig = Rig.Initialized();
        rig.Bus.Inject(address, FaultKind.PowerCycle, durationMs: 50);
        Assert.AreEqual(DeviceStatus.BusError, Run(rig, operation));
    }

    [TestMethod]
    public void Stuck_bus_with_a_duration_frees_itself_when_the_time_is_up()
    {
        var rig = Rig.Initialized();
        rig.Bus.Inject(SimDs1882.DefaultAddress, FaultKind.StuckBus, durationMs: 30);

        Assert.AreEqual(DeviceStatus.BusError, rig.Ds1882.Verify());
        rig.Clock.Advance(29);
        Assert.IsTrue(rig.Bus.IsStuck);
        rig.Clock.Advance(1);
        Assert.IsFalse(rig.Bus.IsStuck);
        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.Verify());
        Assert.AreEqual(0, rig.Bus.RecoverCalls);
    }

    [TestMethod]
    public void S5_stuck_bus_fails_every_device_not_only_the_one_holding_sda()
    {
        var rig = Rig.Initialized();
        rig.Bus.Inject(SimTca9534.DefaultAddress, FaultKind.StuckBus);
        Assert.AreEqual(DeviceStatus.BusError, rig.Ds1882.Mute());
        Assert.AreEqual(DeviceStatus.BusError, rig.Pt2258.Mute());
    }

    [TestMethod]
    public void S5_bit_flip_on_read_is_a_mismatch_for_ds1882()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-20, -20);
        rig.Bus.Inject(SimDs1882.DefaultAddress, FaultKind.BitFlip);

        Assert.AreEqual(DeviceStatus.Mismatch, rig.Ds1882.Verify());
        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.Verify(), "one read only");
    }

    [TestMethod]
    public void S5_bit_flip_on_read_is_a_mismatch_for_tca9534()
    {
        var rig = Rig.Initialized();
        rig.Bus.Inject(SimTca9534.DefaultAddress, FaultKind.BitFlip);
        Assert.AreEqual(DeviceStatus.Mismatch, rig.Expander.Verify());
    }

    [TestMethod]
    public void S5_bit_flip_in_any_wiper_bit_is_caught()
    {
        for (int bit = 0; bit < 6; bit++)
        {
            var rig = Rig.Initialized();
            rig.Ds1882.SetLevels(-20, -21);
            rig.Bus.BitFlipMask = (byte)(1 << bit);
            rig.Bus.Inject(SimDs1882.DefaultAddress, FaultKind.BitFlip);
            Assert.AreNotEqual(DeviceStatus.Ok, rig.Ds1882.Verify(), $"bit {bit}");
        }
    }

    [TestMethod]
    public void Nack_count_fails_exactly_that_many_transfers()
    {
        var rig = Rig.Initialized();
        rig.Bus.Inject(SimDs1882.DefaultAddress, FaultKind.Nack, count: 3);
        int failedBefore = rig.Bus.FailedCount(SimDs1882.DefaultAddress);

        for (int i = 0; i < 3; i++) Assert.AreEqual(DeviceStatus.BusError, rig.Ds1882.Verify());
        Assert.AreEqual(DeviceStatus.Ok, rig.Ds1882.Verify());
        Assert.AreEqual(3, rig.Bus.FailedCount(SimDs1882.DefaultAddress) - failedBefore);
    }

    [TestMethod]
    public void Nack_leaves_the_chip_untouched()
    {
        var rig = Rig.Initialized();
        rig.Ds1882.SetLevels(-20, -20);
        rig.Bus.Inject(SimDs1882.DefaultAddress, FaultKind.Nack);
        rig.Ds1882.SetLevels(-5, -5);
        Assert.AreEqual(20.0, rig.Ds1882Chip.AttenuationDb(0));
    }

    [TestMethod]
    public void Partial_write_delivers_the_first_half_and_reports_it()
    {
        var rig = Rig.Initialized();
        rig.Bus.Inject(SimDs1882.DefaultAddress, FaultKind.PartialTransfer);

        BusResult r = rig.Bus.Write(SimDs1882.DefaultAddress, [10, 0x40 | 11], 2);

        Assert.AreEqual(BusStatus.PartialTransfer, r.Status);
        Assert.AreEqual(1, r.BytesTransferred);
        Assert.AreEqual(10, rig.Ds1882Chip.Pot0Code);
        Assert.AreEqual(63, rig.Ds1882Chip.Pot1Code);
    }

    [TestMethod]
    public void Transfer_to_an_empty_address_is_not_acknowledged()
    {
        var rig = new Rig();
        Assert.AreEqual(BusStatus.AddressNotAcknowledged, rig.Bus.Write(0x50, [1], 1).Status);
    }

    [TestMethod]
    public void Power_cycle_returns_the_chip_at_power_on_state_when_power_comes_back()
    {
        var rig = Rig.Initialized();
        rig.Expander.SetGainStep(2);
        rig.Bus.Inject(SimTca9534.DefaultAddress, FaultKind.PowerCycle, durationMs: 40);

        Assert.AreEqual(-20, rig.ExpanderChip.GainDb);
        rig.Clock.Advance(40);
        Assert.AreEqual(DeviceStatus.ChipReset, rig.Expander.Verify());
    }

    [TestMethod]
    [DataRow("nack", BoardFaultKind.Nack)]
    [DataRow("stuckBus", BoardFaultKind.StuckBus)]
    [DataRow("partialTransfer", BoardFaultKind.PartialTransfer)]
    [DataRow("bitFlip", BoardFaultKind.BitFlip)]
    [DataRow("chipReset", BoardFaultKind.ChipReset)]
    [DataRow("powerCycle", BoardFaultKind.PowerCycle)]
    [DataRow("adcSpike", BoardFaultKind.AdcSpike)]
    [DataRow("stall", BoardFaultKind.Stall)]
    public void Scenario_fault_names_parse(string name, BoardFaultKind kind)
    {
        Assert.IsTrue(Names.FaultKinds.TryParse(name, out BoardFaultKind parsed));
        Assert.AreEqual(kind, parsed);
    }

    [TestMethod]
    public void Unknown_fault_name_does_not_parse()
    {
        Assert.IsFalse(Names.FaultKinds.TryParse("Nack", out _));
    }
}
