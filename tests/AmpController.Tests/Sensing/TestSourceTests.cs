using System;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Sensing;

/// <summary>Issues 6, 12: the test signal is at most 100 mV across any load (open included), at most 1 mA into any load,
/// and ramps over ≥ 10 ms.</summary>
[TestClass]
public class TestSourceTests
{
    [TestMethod]
    public void At_most_100_mV_and_1_mA_in_any_load_on_every_board()
    {
        double maxV = 0, maxA = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            var rig = new SimSenseRig(seed, calibrate: false);
            foreach (double ohm in new[] { 0.0, 1, 8, 32, 100, 300, 600, 5000, 100000, double.PositiveInfinity })
            {
                rig.Circuit.Plug(SimSenseLoad.Stereo(ohm));
                rig.Sensor.Start(rig.Clock.NowMs);
                do
                {
                    for (int ch = 0; ch < 2; ch++)
                    {
                        maxV = Math.Max(maxV, rig.Circuit.LoadVolts(ch));
                        maxA = Math.Max(maxA, rig.Circuit.LoadAmps(ch));
                    }
                    rig.Clock.NowMs += 1;
                } while (!rig.Sensor.Poll(rig.Clock.NowMs));
                rig.Clock.NowMs += SenseDesign.QuietMs;
            }
        }
        Console.WriteLine($"max {maxV * 1000:F1} mV, {maxA * 1000:F3} mA");
        Assert.IsTrue(maxV <= 0.100, $"{maxV * 1000:F1} mV");
        Assert.IsTrue(maxA <= 0.001, $"{maxA * 1000:F3} mA");
    }

    [TestMethod]
    public void Source_ramps_10_to_90_percent_in_at_least_10_ms_both_ways_and_is_below_0_2_mV_when_done()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var circuit = SimSenseCircuit.FromSeed(seed, new SimSenseRig.RigClock());
            var ramp = new SimSenseRamp(circuit.Parts);
            double final = SenseNetwork.SourceFinalVolts(circuit.Parts);
            ramp.Set(true, 0);
            double t10 = FirstCrossing(ramp, 0.1 * final, up: true), t90 = FirstCrossing(ramp, 0.9 * final, up: true);
            Assert.IsTrue(t90 - t10 >= 10, $"seed {seed}: rise {t90 - t10:F2} ms");
            ramp.Set(false, 100);
            double f90 = FirstCrossing(ramp, 0.9 * final, up: false), f10 = FirstCrossing(ramp, 0.1 * final, up: false);
            Assert.IsTrue(f10 - f90 >= 10, $"seed {seed}: fall {f10 - f90:F2} ms");
            double residual = ramp.NodeVolts(100 + SenseDesign.EndZeroMs + SenseDesign.TickMs);
            Assert.IsTrue(residual < 0.2e-3, $"seed {seed}: {residual * 1e3:F3} mV left after the ramp-down time");
        }
    }

    static double FirstCrossing(SimSenseRamp ramp, double level, bool up)
    {
        double start = up ? 0 : 100;
        for (double t = start; t < start + 100; t += 0.01)
            if (up ? ramp.NodeVolts(t) >= level : ramp.NodeVolts(t) <= level) return t;
        return double.NaN;
    }
}
