using System.Collections.Generic;
using AmpController.Core.Acoustics;
using AmpController.Core.Devices;
using AmpController.Core.SerialConsole;
using AmpController.Core.Storage;
using AmpController.Simulator.Devices;
using AmpController.Simulator.Platform;
using AmpController.Simulator.Vocabulary;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Devices;

/// <summary>Issue 17: one descriptor per volume chip; the range, the name, the address and the driver agree with it.</summary>
[TestClass]
public sealed class VolumeChipKindTests
{
    public static IEnumerable<object[]> Chips =>
    [
        [VolumeChipChoice.Ds1882, "DS1882", -62, 0x28, false, false],
        [VolumeChipChoice.Pt2258, "PT2258", -79, 0x40, true, true],
    ];

    [TestMethod]
    [DynamicData(nameof(Chips))]
    public void Each_chip_is_described_once_and_its_driver_agrees(VolumeChipChoice choice, string name, int minDb, int address,
        bool writeOnly, bool supervised)
    {
        VolumeChipKind chip = VolumeChipKind.Of(choice);
        Assert.AreEqual(choice, chip.Choice);
        Assert.AreEqual(name, chip.Name);
        Assert.AreEqual(minDb, chip.Attenuator.MinDb, "the datasheet's deepest step (docs/design.md §6)");
        Assert.AreEqual(address, chip.Address, "the reference board's address (hardware/pinmap.md)");
        Assert.AreEqual(writeOnly, chip.WriteOnly);
        Assert.AreEqual(supervised, chip.SupplySupervised);

        IVolumeChip driver = chip.CreateDriver(new SimI2cBusStub(), new SimClock(), 0);
        Assert.AreEqual(chip.Name, driver.Name, "one name for the chip everywhere");
        Assert.AreEqual(chip.Attenuator.MinDb, driver.MinDb, "the range is the driver's");
        Assert.AreSame(chip, VolumeChipKind.Named(name.ToLowerInvariant()), "names are matched ignoring case");
        Assert.AreSame(chip.Attenuator, AttenuatorProfile.ForChip(name));
        Assert.AreEqual(name, Names.VolumeChips.Name(choice), "the scenarios' spelling");
        Assert.AreEqual(address, SimVolumeChipModels.Create(chip, new SimClock(), 1).Address, "the simulated chip answers there");
    }

    [TestMethod]
    public void An_unknown_stored_chip_value_is_no_chip_and_loads_as_the_default_DS1882()
    {
        var unknown = (VolumeChipChoice)7;
        Assert.IsNull(VolumeChipKind.Find(unknown));
        Assert.AreSame(VolumeChipKind.Ds1882, VolumeChipKind.Of(unknown));
        Assert.AreEqual(SettingsResult.ChipInvalid, new Settings().TrySetVolumeChip(unknown));
        Assert.IsNull(VolumeChipKind.Named("PT2259"));
        Assert.IsNull(VolumeChipKind.Named(null));
    }

    [TestMethod]
    public void The_console_parses_chip_names_through_the_descriptor()
    {
        var command = new ConsoleCommand();
        Assert.IsNull(ConsoleParser.Parse("chip pt2258", command));
        Assert.AreEqual(VolumeChipChoice.Pt2258, command.Chip);
        StringAssert.StartsWith(ConsoleParser.Parse("chip xyz", command), "unknown chip 'xyz'");
    }

    /// <summary>A bus nobody answers: constructing a driver sends nothing.</summary>
    private sealed class SimI2cBusStub : Core.Platform.IRegisterBus
    {
        static Core.Platform.BusResult Fail() => throw new AssertFailedException("no transfer expected");
        public Core.Platform.BusResult Write(int address, byte[] data, int count) => Fail();
        public Core.Platform.BusResult Read(int address, byte[] into, int count) => Fail();
        public Core.Platform.BusResult WriteRead(int address, byte[] data, int writeCount, byte[] into, int readCount) => Fail();
        public bool Recover() => throw new AssertFailedException("no recovery expected");
    }
}
