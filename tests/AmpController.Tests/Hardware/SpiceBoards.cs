using System;
using System.Collections.Generic;
using System.Text;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Hardware;

/// <summary>
/// The boards run through ngspice: nominal, two worst-case corners of the 1 % resistors (gain ratio and source level
/// pushed apart both ways) and Monte Carlo boards drawn like the simulator's. Each board gets an ADC reference from
/// the uncalibrated ESP32 spread 1.0–1.2 V. One ngspice batch computes every operating point.
/// </summary>
public sealed class SpiceBoards
{
    public const int MonteCarloBoards = 30;
    public static readonly double[] References = { 1.0, 1.1, 1.2 };

    /// <summary>Loads in ohms: calibration pair, 8–600 Ω accuracy set, and the class set of docs/design.md §5 (±20 %).</summary>
    public static readonly double[] Loads =
    {
        10, 470,
        8, 12, 20, 33, 47, 68, 100, 150, 220, 330, 600,
        0, 1, 1.6, 2.4, 4000, 6000, 83000, 120000, 1e6, double.PositiveInfinity,
    };

    public readonly List<SimSenseParts> Parts = new();
    public readonly Dictionary<string, double[]> Rows;

    public SpiceBoards()
    {
        Parts.Add(SimSenseParts.Nominal());
        Parts.Add(Corner(+1));
        Parts.Add(Corner(-1));
        for (int i = 0; i < MonteCarloBoards; i++) Parts.Add(SimSenseParts.Draw(new Random(7000 + i)));
        var c = new StringBuilder();
        for (int b = 0; b < Parts.Count; b++)
        {
            var p = Parts[b];
            NgSpice.AlterBoard(c, p);
            NgSpice.AlterState(c, p, false, true, true, 32, 32);
            c.AppendLine("op");
            NgSpice.EchoRow(c, $"{b}:zero");
            for (int l = 0; l < Loads.Length; l++)
            {
                NgSpice.AlterState(c, p, true, true, false, Loads[l], Loads[l]);
                c.AppendLine("op");
                NgSpice.EchoRow(c, $"{b}:{l}:A");
                NgSpice.AlterState(c, p, true, false, true, Loads[l], Loads[l]);
                c.AppendLine("op");
                NgSpice.EchoRow(c, $"{b}:{l}:B");
            }
        }
        Rows = NgSpice.Rows(NgSpice.Run(NgSpice.WithControl(c.ToString())));
    }

    public double Reference(int board) => References[board % References.Length];

    /// <summary>sign +1: source high, left gain high, source gain low, right gain low, series low; −1 the opposite.</summary>
    static SimSenseParts Corner(int sign)
    {
        var p = SimSenseParts.Nominal();
        double up = 1 + 0.01 * sign, down = 1 - 0.01 * sign;
        p.SupplyVolts = 3.3 * (1 + 0.03 * sign);
        p.Ra *= down; p.Rb *= up;
        p.Rf[1] *= up; p.Rg[1] *= down;
        p.Rf[0] *= down; p.Rg[0] *= up;
        p.Rf[2] *= down; p.Rg[2] *= up;
        p.Rbias[1] *= down; p.Rbias[0] *= up; p.Rbias[2] *= up;
        for (int ch = 0; ch < 2; ch++)
        {
            p.Rlo[ch] *= down; p.Rhi[ch] *= down;
            p.SwitchOhm[ch] = sign > 0 ? 0.5 : 1.5;
            p.ContactOhm[ch] = sign > 0 ? 0.04 : 0.2;
        }
        p.BufferOffsetVolts = 10e-6 * sign;
        p.OffsetVolts[1] = 25e-6 * sign; p.OffsetVolts[0] = -25e-6 * sign;
        return p;
    }
}
