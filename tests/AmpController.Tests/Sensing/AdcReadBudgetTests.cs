using System;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Sensing;

/// <summary>
/// Issue 12: each AdcChannel.ReadValue is a slow native call on the interpreter, so no control tick reads the ADC more
/// than 16 times — counted on the simulated board with the real controller, through insertion, measurement, spikes,
/// a half-inserted plug, remeasuring and removal.
/// </summary>
[TestClass]
public class AdcReadBudgetTests
{
    const int MaxReadsPerTick = 16;

    static readonly HeadphoneLoad[] Loads =
    {
        new(32, 32, 105), new(600, 600, 97), new(8, 8, 120), new(0.1, 0.1, double.NaN), new(1e7, 1e7, double.NaN),
        new(10_000, 10_000, double.NaN), new(32, 0.3, 105), new(32, 32, 105, HalfInserted: true),
    };

    [TestMethod]
    public void No_control_tick_reads_the_ADC_more_than_16_times()
    {
        int worst = 0, ticksWithReads = 0;
        long reads = 0;
        for (int seed = 1; seed <= 6; seed++)
            foreach (var load in Loads)
            {
                var board = new SimulatedBoard(new BoardConfig(Seed: seed));
                var adc = board.SenseCircuit.Adc;
                void Run(int ms)
                {
                    for (long end = board.NowMs + ms; board.NowMs < end;)
                    {
                        long before = adc.Conversions, ticksBefore = board.ControlTicks;
                        board.Tick();
                        // Per control tick: on the device profile a board tick may hold two (the one after an overrun).
                        long controlTicks = Math.Max(1, board.ControlTicks - ticksBefore);
                        int n = (int)((adc.Conversions - before + controlTicks - 1) / controlTicks);
                        Assert.IsTrue(n <= MaxReadsPerTick, $"seed {seed}, {load}: {n} reads in the tick ending at {board.NowMs} ms");
                        worst = Math.Max(worst, n);
                        if (n > 0) ticksWithReads++;
                        reads += n;
                    }
                }
                Run(500);
                board.Plug(load);
                Run(300);
                board.InjectFault(new FaultSpec(BoardFaultKind.AdcSpike, FaultDevice.Sense, 40));
                Run(1200);
                board.Unplug();
                Run(200);
            }
        Console.WriteLine($"{reads} ADC reads in {ticksWithReads} ticks; at most {worst} in one tick");
        Assert.AreEqual(SenseDesign.ReadsPerTick, worst, "the sensor's tick reads exactly its plan");
        Assert.IsTrue(reads > 0);
    }
}
