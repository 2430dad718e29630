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

namespace AmpController.Tests.Devices;

/// <summary>
/// S5, "every I2C result is checked": for each driver operation, failing any single one of its transfers
/// (with each failure status the bus can report) makes the operation fail.
/// </summary>
[TestClass]
public sealed class EveryTransferCheckedTests
{
    /// <summary>Passes transfers to the simulated bus, except the <see cref="FailAt"/>-th, which fails without reaching it.</summary>
    private sealed class FailNthBus(IRegisterBus inner) : IRegisterBus
    {
        public int FailAt = -1;
        public BusResult Failure;
        public int Transfers;

        private bool FailNow() => ++Transfers == FailAt;

        public BusResult Write(int address, byte[] data, int count) =>
            FailNow() ? Failure : inner.Write(address, data, count);

        public BusResult Read(int address, byte[] into, int count) =>
            FailNow() ? Failure : inner.Read(address, into, count);

        public BusResult WriteRead(int address, byte[] data, int writeCount, byte[] into, int readCount) =>
            FailNow() ? Failure : inner.WriteRead(address, data, writeCount, into, readCount);

        public bool Recover() => inner.Recover();
    }

    private sealed class Board
    {
        public readonly SimClock Clock = new() { NowMs = 1000 };
        public readonly FailNthBus Bus;
        public readonly Ds1882 Ds1882;
        public readonly Tca9534 Expander;
        public readonly Pt2258 Pt2258;

        public Board()
        {
            var sim = new SimI2cBus(Clock);
            sim.Attach(new SimDs1882());
            sim.Attach(new SimTca9534());
            sim.Attach(new SimPt2258(Clock));
            Clock.Advance(SimPt2258.StartupMs);
            Bus = new FailNthBus(sim);
            Ds1882 = new Ds1882(Bus, SimDs1882.DefaultAddress);
            Expander = new Tca9534(Bus, SimTca9534.DefaultAddress);
            Pt2258 = new Pt2258(Bus, SimPt2258.DefaultAddress, Clock, 0);
            Assert.AreEqual(DeviceStatus.Ok, Ds1882.Initialize());
            Assert.AreEqual(DeviceStatus.Ok, Expander.Initialize());
            Assert.AreEqual(DeviceStatus.Ok, Pt2258.Initialize());
            Assert.AreEqual(DeviceStatus.Ok, Pt2258.SetLevels(-20, -20));
            Bus.Transfers = 0;
        }
    }

    private static void Nothing(Board board) { }

    /// <summary>Chip back at its factory configuration (87h): Initialize must write 86h and read back again.</summary>
    private static void FactoryDs1882(Board board) =>
        Assert.IsTrue(board.Bus.Write(SimDs1882.DefaultAddress, [SimDs1882.FactoryConfig], 1).Ok);

    private static readonly Dictionary<string, (Action<Board> Prepare, Func<Board, DeviceStatus> Run)> Operations = new()
    {
        ["DS1882 Initialize, factory chip"] = (FactoryDs1882, b => b.Ds1882.Initialize()),
        ["DS1882 Initialize"] = (Nothing, b => b.Ds1882.Initialize()),
        ["DS1882 SetLevels"] = (Nothing, b => b.Ds1882.SetLevels(-3, -4)),
        ["DS1882 Mute"] = (Nothing, b => b.Ds1882.Mute()),
        ["DS1882 Verify"] = (Nothing, b => b.Ds1882.Verify()),
        ["TCA9534 Initialize"] = (Nothing, b => b.Expander.Initialize()),
        ["TCA9534 SetGainStep"] = (Nothing, b => b.Expander.SetGainStep(2)),
        ["TCA9534 Verify"] = (Nothing, b => b.Expander.Verify()),
        ["PT2258 Initialize"] = (Nothing, b => b.Pt2258.Initialize()),
        ["PT2258 SetLevels"] = (Nothing, b => b.Pt2258.SetLevels(-31, -32)),
        ["PT2258 Mute"] = (Nothing, b => b.Pt2258.Mute()),
        ["PT2258 Verify"] = (Nothing, b => b.Pt2258.Verify()),
    };

    public static IEnumerable<object[]> Failures()
    {
        foreach (string op in Operations.Keys)
        {
            yield return [op, BusStatus.AddressNotAcknowledged, 0];
            yield return [op, BusStatus.PartialTransfer, 1];
            yield return [op, BusStatus.ClockStretchTimeout, 0];
            yield return [op, BusStatus.BusStuck, 0];
            yield return [op, BusStatus.UnknownError, 0];
            yield return [op, BusStatus.FullTransfer, 0];   // "full" but short: fewer bytes than asked is a failure too
        }
    }

    [TestMethod]
    [DynamicData(nameof(Failures))]
    public void S5_failing_any_single_transfer_fails_the_operation(string operation, BusStatus status, int bytes)
    {
        var (prepare, run) = Operations[operation];
        var clean = new Board();
        prepare(clean);
        clean.Bus.Transfers = 0;
        Assert.AreEqual(DeviceStatus.Ok, run(clean));
        int transfers = clean.Bus.Transfers;
        Assert.IsGreaterThan(0, transfers);

        for (int n = 1; n <= transfers; n++)
        {
            var board = new Board();
            prepare(board);
            board.Bus.Transfers = 0;
            board.Bus.FailAt = n;
            board.Bus.Failure = new BusResult(status, bytes);
            Assert.AreEqual(DeviceStatus.BusError, run(board), $"transfer {n} of {transfers}");
        }
    }

    [TestMethod]
    [DataRow("DS1882 Initialize, factory chip", 4)]
    [DataRow("DS1882 Initialize", 2)]
    [DataRow("DS1882 Verify", 1)]
    [DataRow("TCA9534 Initialize", 4)]
    [DataRow("TCA9534 Verify", 2)]
    [DataRow("PT2258 Initialize", 3)]
    [DataRow("PT2258 Verify", 3)]
    public void Transfers_per_operation(string operation, int expected)
    {
        var (prepare, run) = Operations[operation];
        var board = new Board();
        prepare(board);
        board.Bus.Transfers = 0;
        Assert.AreEqual(DeviceStatus.Ok, run(board));
        Assert.AreEqual(expected, board.Bus.Transfers);
    }
}
