using System;
using System.Linq;
using AmpController.Core.Control;
using AmpController.Core.SerialConsole;
using AmpController.Core.Service;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using AmpController.Simulator.Platform;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.SerialConsole;

/// <summary>
/// S10 on the device path (issue 15 "Done when"): bytes arrive on the simulated COM2, the device's SerialTerminal turns
/// them into lines, the session runs them through the shell with the real controller actions and service of a
/// simulated board that plays a headphone. A 10 KB line, binary garbage and 10,000 random lines change nothing
/// (settings, flash, controller, chip and relay) and crash nothing.
/// </summary>
[TestClass]
public class HostileConsoleInputTests
{
    private sealed class Rig
    {
        public readonly SimulatedBoard Board = new(new BoardConfig(Seed: 5));
        public readonly SimSerialPort Port = new();
        public readonly SerialTerminal Terminal;
        public readonly ConsoleSession Session;
        public readonly Settings Settings = new();
        public int Periods;

        public Rig()
        {
            Board.Plug(new HeadphoneLoad(32, 32, 100));
            for (int t = 0; t < 3000; t += ControllerTiming.TickMs) Board.Tick();
            var store = new SettingsStore(Board.Flash);
            store.Load(Settings);
            Terminal = new SerialTerminal(Port, true);
            var shell = new ConsoleShell(Settings, store, new ControllerConsoleActions(Board.Controller, Board.Policy, Settings),
                new ConsoleService(Board.Controller, Board.ServicePorts(), "test"));
            Session = new ConsoleSession(Terminal, shell, Terminal);
        }

        /// <summary>115200 baud 8N1 carries 115 bytes in a 10 ms loop period.</summary>
        public const int WireBytesPerPeriod = 115;

        /// <summary>Sends the bytes at the wire's full speed, then lets the loop run until the console is idle.</summary>
        public void Send(byte[] bytes, int idlePeriods = 50)
        {
            for (int at = 0; at < bytes.Length; at += WireBytesPerPeriod)
            {
                Port.Arrive(bytes.AsSpan(at, Math.Min(WireBytesPerPeriod, bytes.Length - at)));
                Period();
            }
            for (int i = 0; i < idlePeriods; i++) Period();
        }

        private void Period()
        {
            Board.Tick();
            Session.Poll();
            Terminal.Pump();
            Port.EndPeriod();
            Periods++;
        }

        public string State() =>
            $"{Board.Controller.StateName} level {Board.Controller.LevelDb} gain {Board.Controller.GainDb} cap {Board.Controller.CapDb} "
            + $"muted {Board.Controller.UserMuted} relay {Board.Relay.Closed} chip {Board.VolumeChip.AttenuationDb(0)}/{Board.VolumeChip.AttenuationDb(1)} "
            + $"parked {Board.Controller.Parked} flash writes {Board.Flash.Writes} settings {Convert.ToHexString(SettingsCodec.EncodePayload(Settings))}";
    }

    [TestMethod]
    public void S10_a_10_KB_line_binary_garbage_and_10000_random_lines_change_nothing_and_crash_nothing()
    {
        const int seed = 150_315;
        var random = new Random(seed);
        var rig = new Rig();
        string before = rig.State();
        StringAssert.StartsWith(before, "playing", "the headphone plays before the input starts");

        byte[] longLine = Enumerable.Repeat((byte)'v', 10 * 1024).Append((byte)'\n').ToArray();
        rig.Send(longLine);
        Assert.AreEqual(before, rig.State(), "after the 10 KB line");

        byte[] binary = new byte[8192];
        random.NextBytes(binary);
        rig.Send(binary.Append((byte)'\n').ToArray());
        Assert.AreEqual(before, rig.State(), $"after binary garbage (seed {seed})");
        // At full wire speed a line end every ~64 bytes outruns one line a period: the 256-byte ring overflows and the
        // lines that lost bytes are dropped with a message, never run in part.
        int lostInBinary = rig.Port.Lost;
        int damagedInBinary = rig.Terminal.DamagedLines;
        if (lostInBinary > 0) Assert.IsTrue(damagedInBinary > 0, "lost bytes must drop their lines");

        int errorsBefore = rig.Session.Errors;
        const int lines = 10_000;
        for (int i = 0; i < lines; i++)
        {
            var text = new System.Collections.Generic.List<byte>();
            int length = random.Next(1, 120);
            for (int j = 0; j < length; j++)
            {
                // Every byte value but the line ends and the edit keys, which would merge or shorten lines.
                byte b;
                do b = (byte)random.Next(256); while (b is (byte)'\n' or (byte)'\r' or 0x03 or 0x08 or 0x7F);
                text.Add(b);
            }
            text.Add((byte)'\n');
            rig.Send(text.ToArray(), idlePeriods: 1); // typed or pasted line by line, one line a period at most
        }
        rig.Send([]);

        Assert.AreEqual(before, rig.State(), $"after {lines} random lines (seed {seed})");
        Assert.AreEqual(lines, rig.Session.Errors - errorsBefore, $"every random line refused with an error (seed {seed})");
        Assert.AreEqual(0, rig.Terminal.PortErrors);
        Assert.AreEqual(lostInBinary, rig.Port.Lost, "a line a period: nothing more was lost in the port's ring");
        Console.WriteLine($"seed {seed}: {rig.Session.Errors} lines refused ({rig.Session.Errors - errorsBefore} random), "
            + $"{lostInBinary} bytes lost and {damagedInBinary} lines dropped in the binary burst, {rig.Periods} loop periods; "
            + $"state kept: {before}");
    }
}
