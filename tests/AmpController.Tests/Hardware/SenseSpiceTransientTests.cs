using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Hardware;

/// <summary>
/// Transient runs of hardware/sense-frontend.cir: the test signal is gentle (issues 6, 12: ≤ 100 mV across any load, the
/// open jack included, ≤ 1 mA into a short, ramped over ≥ 10 ms), its ramp matches the simulator's, and the output
/// relay's form-C contact keeps the source away from the jack when the amplifier is connected.
/// </summary>
[TestClass]
public class SenseSpiceTransientTests
{
    const double OnMs = 1, OffMs = 41;
    static readonly double[] SampleMs = { 3, 6, 11, 16, 21, 31, 40, 44, 47, 52, 57, 61, 71, 81 };
    static readonly List<SimSenseParts> Boards = new();
    static readonly Dictionary<int, double[]> Tran = new();
    static readonly Dictionary<int, double[]> Interlock = new();

    [ClassInitialize]
    public static void RunNgSpice(TestContext _)
    {
        Boards.Add(SimSenseParts.Nominal());
        for (int i = 0; i < 5; i++) Boards.Add(SimSenseParts.Draw(new Random(9100 + i)));
        Boards.Add(HighestSource());
        var c = new StringBuilder();
        string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
        for (int b = 0; b < Boards.Count; b++)
        {
            var p = Boards[b];
            double final = SenseNetwork.SourceFinalVolts(p);
            NgSpice.AlterBoard(c, p);
            NgSpice.AlterState(c, p, false, true, true, double.PositiveInfinity, 1e-3);
            c.AppendLine($"alter @vgpio[pulse] = [ 0 {F(p.SupplyVolts)} {F(OnMs / 1000)} 1u 1u {F((OffMs - OnMs) / 1000)} 1 ]");
            c.AppendLine("tran 20u 90m");
            c.AppendLine($"meas tran trise TRIG v(src) VAL={F(0.1 * final)} RISE=1 TARG v(src) VAL={F(0.9 * final)} RISE=1");
            c.AppendLine($"meas tran tfall TRIG v(src) VAL={F(0.9 * final)} FALL=1 TARG v(src) VAL={F(0.1 * final)} FALL=1");
            c.AppendLine("meas tran vpk MAX v(jl)");
            c.AppendLine("meas tran vshort MAX v(jr)");
            var echo = new StringBuilder($"echo \"TRAN {b} $&trise $&tfall $&vpk $&vshort");
            for (int i = 0; i < SampleMs.Length; i++)
            {
                c.AppendLine($"meas tran s{i} FIND v(src) AT={F(SampleMs[i] / 1000)}");
                echo.Append($" $&s{i}");
            }
            c.AppendLine(echo.Append('"').ToString()).AppendLine("destroy all");
            // Output relay energised (amplifier connected, muted): NC open, NO closed; source on.
            c.AppendLine("alter RK1NCL = 1T").AppendLine("alter RK1NOL = 0.05");
            NgSpice.AlterState(c, p, true, true, true, 32, 32);
            c.AppendLine("op");
            c.AppendLine("echo \"RELAY " + b + " $&v(jl) $&v(fl) $&v(kl)\"").AppendLine("destroy all");
            c.AppendLine("alter RK1NCL = 0.05").AppendLine("alter RK1NOL = 1T");
        }
        string output = NgSpice.Run(NgSpice.WithControl(c.ToString()));
        foreach (string line in output.Split('\n'))
        {
            var f = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 3 || (f[0] != "TRAN" && f[0] != "RELAY")) continue;
            var v = new double[f.Length - 2];
            for (int i = 0; i < v.Length; i++) v[i] = double.Parse(f[i + 2], NumberStyles.Float, CultureInfo.InvariantCulture);
            (f[0] == "TRAN" ? Tran : Interlock)[int.Parse(f[1], CultureInfo.InvariantCulture)] = v;
        }
    }

    /// <summary>Worst case for the ≤ 100 mV / ≤ 1 mA limit: supply +3 %, reference, divider and series resistors at
    /// their tolerance ends.</summary>
    static SimSenseParts HighestSource()
    {
        var p = SimSenseParts.Nominal();
        p.SupplyVolts = 3.3 * 1.03;
        p.ReferenceVolts *= 1.001;
        p.Ra *= 0.999; p.Rb *= 1.001; p.BufferOffsetVolts = 10e-6;
        for (int ch = 0; ch < 2; ch++) { p.Rlo[ch] *= 0.999; p.SwitchOhm[ch] = 0.5; p.ContactOhm[ch] = 0.04; }
        return p;
    }

    [TestMethod]
    public void Test_signal_stays_within_100_mV_and_1_mA_and_ramps_over_10_ms_both_ways()
    {
        Assert.AreEqual(Boards.Count, Tran.Count);
        foreach (var (b, v) in Tran)
        {
            double trise = v[0] * 1000, tfall = v[1] * 1000, vpk = v[2], ishort = v[3] / 1e-3;
            Console.WriteLine($"board {b}: rise {trise:F2} ms, fall {tfall:F2} ms, open-jack peak {vpk * 1000:F1} mV, short {ishort * 1000:F3} mA");
            Assert.IsTrue(trise >= 10 && tfall >= 10, $"board {b}: rise {trise:F2} ms, fall {tfall:F2} ms");
            Assert.IsTrue(vpk <= 0.100, $"board {b}: {vpk * 1000:F1} mV on the open jack");
            Assert.IsTrue(ishort <= 0.001, $"board {b}: {ishort * 1000:F3} mA into a short");
        }
    }

    [TestMethod]
    public void Simulator_ramp_matches_the_netlist_within_half_a_percent_of_full_scale()
    {
        foreach (var (b, v) in Tran)
        {
            var p = Boards[b];
            var ramp = new SimSenseRamp(p);
            ramp.Set(true, OnMs);
            ramp.Set(false, OffMs);
            double final = SenseNetwork.SourceFinalVolts(p);
            for (int i = 0; i < SampleMs.Length; i++)
            {
                var fresh = new SimSenseRamp(p);
                fresh.Set(true, OnMs);
                if (SampleMs[i] >= OffMs) fresh.Set(false, OffMs);
                double model = SenseNetwork.BufferVolts(p, fresh.NodeVolts(SampleMs[i]));
                double spice = v[4 + i];
                Assert.AreEqual(spice, model, 0.005 * final, $"board {b} at {SampleMs[i]} ms");
            }
        }
    }

    [TestMethod]
    public void Output_relay_energised_keeps_the_source_off_the_jack()
    {
        foreach (var (b, v) in Interlock)
        {
            double jack = v[0], forceCurrent = (v[1] - v[2]) / (Boards[b].ContactOhm[0] / 2);
            Assert.IsTrue(Math.Abs(jack) < 1e-9, $"board {b}: jack at {jack} V");
            Assert.IsTrue(Math.Abs(forceCurrent) < 1e-9, $"board {b}: {forceCurrent} A through the force path");
        }
    }

    [TestMethod]
    public void Source_has_decayed_when_the_sensor_reports_done_and_before_a_new_measurement()
    {
        foreach (var (b, v) in Tran)
        {
            double final = SenseNetwork.SourceFinalVolts(Boards[b]);
            int atEndZero = Array.IndexOf(SampleMs, OffMs + SenseDesign.EndZeroMs);
            int atDone = Array.IndexOf(SampleMs, OffMs + SenseDesign.EndZeroMs + SenseDesign.TickMs);
            int atQuiet = Array.IndexOf(SampleMs, OffMs + SenseDesign.QuietMs);
            Assert.IsTrue(v[4 + atEndZero] <= SenseDesign.MaxResidualFraction * final, $"board {b}: {v[4 + atEndZero] / final * 100:F2} % at the first end zero");
            Assert.IsTrue(v[4 + atDone] < 0.2e-3, $"board {b}: {v[4 + atDone] * 1e3:F3} mV left when the sensor reports done");
            // Below 0.05 % (one count) the next measurement's first zero and its agreement check do not notice it.
            Assert.IsTrue(v[4 + atQuiet] < 5e-4 * final, $"board {b}: {v[4 + atQuiet] / final * 100:F4} % left when a new measurement may start");
        }
    }
}
