using System.Linq;
using BoardGen.Checks;
using BoardGen.Model;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Board;

/// <summary>
/// The board description passes every check, in both variants: electrical rules, footprint pads, ESP32 pins against
/// BoardPins.cs and hardware/pinmap.md, I2C addresses against the firmware, the relays' hardware safety structure
/// (S1/S2/S8), the sense sheet against hardware/sense-frontend.cir, and one name per part across the documents.
/// </summary>
[TestClass]
public sealed class BoardChecksTests
{
    [TestMethod]
    public void Both_variants_are_read_and_the_default_is_the_DS1882_board()
    {
        var variants = BoardReader.ReadVariants(BoardFiles.BoardDir);
        CollectionAssert.AreEqual(new[] { "ds1882", "pt2258" }, variants.Select(v => v.Variant).ToArray());
        Assert.IsTrue(variants[0].IsDefault);
        Assert.IsTrue(variants[0].Parts.Values.Any(p => p.Type.Id == "VOL_DS1882"));
        Assert.IsFalse(variants[0].Parts.Values.Any(p => p.Type.Id == "VOL_PT2258"));
        Assert.IsTrue(variants[1].Parts.Values.Any(p => p.Type.Id == "VOL_PT2258"));
        Assert.IsGreaterThan(200, variants[0].Parts.Count, "the whole board, not a fragment");
    }

    [TestMethod]
    [DataRow("ds1882")]
    [DataRow("pt2258")]
    public void Every_board_check_passes(string variant)
    {
        var board = BoardReader.ReadVariants(BoardFiles.BoardDir).Single(b => b.Variant == variant);
        var findings = AllChecks.Run(board, BoardFiles.Repo);
        Assert.IsEmpty(findings, string.Join("\n", findings));
    }

    [TestMethod]
    public void Every_part_in_the_parts_list_has_a_manufacturer_part_number_and_every_pin_a_pad()
    {
        foreach (var board in BoardReader.ReadVariants(BoardFiles.BoardDir))
        {
            foreach (var part in board.Parts.Values.Where(p => p.Type.InBom))
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(part.Mpn), part.Ref);
                Assert.IsFalse(string.IsNullOrWhiteSpace(part.Manufacturer), part.Ref);
            }
            Assert.IsEmpty(FootprintPads.Check(board, BoardFiles.Repo));
        }
    }

    [TestMethod]
    public void The_ESP32_pins_the_board_wires_are_the_firmware_s()
    {
        var board = BoardReader.ReadDefault(BoardFiles.BoardDir);
        var pins = FirmwareFiles.BoardPins(BoardFiles.Repo);
        var esp = board.Parts["U201"];
        foreach (var (name, gpio) in new[] { ("OutputRelay", 4), ("JackSwitch", 27), ("WatchdogFeed", 14), ("SenseLeftGpio", 36), ("I2cData", 21) })
        {
            Assert.AreEqual(gpio, pins[name], name);
            var net = board.NetOf(esp, esp.Type.FindPin("IO" + gpio)!);
            Assert.IsNotNull(net, name);
            Assert.AreEqual(name, net.Attrs["fw"]);
        }
        Assert.AreEqual(AmpController.Simulator.Board.HardwareSafetyTiming.WatchdogFeedGpio, pins["WatchdogFeed"]);
    }

    /// <summary>Rule S7's load watch is on both boards, part for part with hardware/load-watch.cir (the check itself is
    /// in Every_board_check_passes): GPIO 35 is its left |Z| pin, and the three
    /// sense pins reach the ESP32 through U408.</summary>
    [TestMethod]
    public void S7_the_load_watch_sheet_wires_GPIO35_and_shares_the_sense_pins_through_U408()
    {
        foreach (var board in BoardReader.ReadVariants(BoardFiles.BoardDir))
        {
            Assert.IsTrue(board.Sheets.Any(s => s.Id == "loadwatch"), board.Variant);
            Assert.IsFalse(board.Sheets.Any(s => s.UnusedPins.ContainsKey("LoadWatchZLeftGpio")), "GPIO 35 is wired, not declared unused");
            var esp = board.Parts["U201"];
            Assert.AreEqual("LoadWatchZLeftGpio", board.NetOf(esp, esp.Type.FindPin("IO35")!)!.Attrs["fw"]);
            foreach (string gpio in new[] { "IO36", "IO39", "IO34" })
                Assert.IsTrue(board.NetOf(esp, esp.Type.FindPin(gpio)!)!.Nodes.Any(n => n.Part.Ref == "U408"), gpio);
            foreach (string r in new[] { "RSL", "RSR", "U401", "U501", "U407", "U507", "R434", "R534", "C403", "C503" })
                Assert.IsTrue(board.Parts.ContainsKey(r), r);
        }
    }

    /// <summary>The PT2258 board's supply supervisor is the one hardware/pinmap.md describes for the firmware (issue 19):
    /// the same part, divider, delay resistor, pull-up and pin.</summary>
    [TestMethod]
    public void S6_the_PT2258_supervisor_has_the_values_of_pinmap_md()
    {
        string pinmap = System.IO.File.ReadAllText(System.IO.Path.Combine(BoardFiles.Repo, "hardware", "pinmap.md"));
        var board = BoardReader.ReadVariants(BoardFiles.BoardDir).Single(b => b.Variant == "pt2258");
        var u = board.Parts["U1413"];
        StringAssert.Contains(pinmap, u.Mpn);
        StringAssert.Contains(pinmap, $"R = {board.Parts["R1415"].Value.Replace("k", " kΩ")} over {board.Parts["R1416"].Value.Replace("k", " kΩ")}");
        StringAssert.Contains(pinmap, $"CT tied to VDD through {board.Parts["R1418"].Value.Replace("k", " kΩ")}");
        StringAssert.Contains(pinmap, $"{board.Parts["R1417"].Value.Replace("k", " kΩ")} pull-up to 3.3 V");
        Assert.AreEqual("+3V3", board.NetOf(board.Parts["R1418"], board.Parts["R1418"].Type.FindPin("1")!)!.Name);
        Assert.AreEqual("PT_CT", board.NetOf(u, u.Type.FindPin("CT")!)!.Name);
        var good = board.NetOf(u, u.Type.FindPin("~RESET")!)!;
        Assert.AreEqual("VolumeSupplyGood", good.Attrs["fw"]);
        Assert.IsTrue(good.Nodes.Any(n => n.Part.Ref == "R1417"));
    }
}
