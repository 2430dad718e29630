using System;
using System.Linq;
using System.Text;
using AmpController.Tests.Hardware;
using BoardGen.Generate;
using BoardGen.Model;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Board;

/// <summary>
/// The sense sheet simulated as drawn on the board (deck "sense", generated from the description with the parts' own
/// models: LM4040, OPA333, OPA2188, TS5A3166, G6K relays) against hardware/sense-frontend.cir in the same states: the
/// same voltages at the three ADC pins and the jack for every load, both ranges and zoomed. Together with the value and wiring
/// check (CirCheck) this shows the board and the netlist the firmware was proven against are one circuit.
/// </summary>
[TestClass]
public sealed class SenseDeckTests
{
    static readonly string[] Loads = { "1", "8", "32", "100", "600", "5k", "100k", "1e12" };
    static readonly string[] ZoomedLoads = { "1", "8", "32" };

    [TestMethod]
    public void The_board_s_sense_sheet_gives_the_cir_s_voltages_for_every_load_and_range()
    {
        var board = BoardReader.ReadDefault(BoardFiles.BoardDir);
        string spiceDir = System.IO.Path.Combine(BoardFiles.BoardDir, "spice");
        var spec = SpiceDeck.ReadSpecs(spiceDir).Single(s => s.Name == "sense");
        var fromBoard = NgSpice.Rows(NgSpice.Run(SpiceDeck.Write(board, spec, spiceDir)));

        var c = new StringBuilder();
        c.AppendLine("alter RSWZL = 1e12").AppendLine("alter RSWZR = 1e12");
        c.AppendLine("alter VGPIO dc = 0").AppendLine("op");
        NgSpice.EchoRow(c, "zero");
        c.AppendLine("alter VGPIO dc = 3.3");
        foreach (string load in Loads)
        {
            c.AppendLine($"alter RLOADL = {load}").AppendLine($"alter RLOADR = {load}");
            c.AppendLine("alter RSWL = 0.9").AppendLine("alter RSWR = 1e12").AppendLine("op");
            NgSpice.EchoRow(c, load + ":A");
            c.AppendLine("alter RSWL = 1e12").AppendLine("alter RSWR = 0.9").AppendLine("op");
            NgSpice.EchoRow(c, load + ":B");
        }
        c.AppendLine("alter RSWL = 0.9").AppendLine("alter RSWR = 0.9").AppendLine("alter RSWZL = 0.9").AppendLine("alter RSWZR = 0.9");
        foreach (string load in ZoomedLoads)
        {
            c.AppendLine($"alter RLOADL = {load}").AppendLine($"alter RLOADR = {load}").AppendLine("op");
            NgSpice.EchoRow(c, load + ":Z");
        }
        var fromCir = NgSpice.Rows(NgSpice.Run(NgSpice.WithControl(c.ToString())));

        Assert.HasCount(1 + 2 * Loads.Length + ZoomedLoads.Length, fromBoard);
        foreach (var (tag, cir) in fromCir)
        {
            var b = fromBoard[tag];
            // the .cir's follower is ideal down to 0 V; the OPA333 model stops 1 mV above its rail, which the source-off
            // (zero) row shows times the stage gain of 20.6 and the pedestal's 0.905 (18.6 mV; the zero read with the
            // source off carries it to every reading, so the ratio does not change)
            double tolerance = tag == "zero" ? 0.020 : 0;
            for (int i = 0; i < 5; i++)
                Assert.AreEqual(cir[i], b[i], Math.Max(tolerance, 1e-4 * Math.Abs(cir[i]) + 2e-6), $"{tag} column {i} (adcS adcL adcR jackL jackR)");
        }
        Assert.AreEqual(1.841, fromBoard["32:A"][0], 0.002, "source read-back pin about 1.84 V (hardware/README.md, equation 6)");
    }
}
