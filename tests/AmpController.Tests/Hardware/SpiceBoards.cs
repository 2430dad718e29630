using System;
using System.Collections.Generic;
using System.Text;
using AmpController.Core.Sensing;
using AmpController.Simulator.Sense;

namespace AmpController.Tests.Hardware;

/// <summary>
/// The boards run through ngspice: nominal; the window corners (every 0.1 %/1 % part, the supply, the reference and
/// the offsets at the end that lifts the source's ADC pin highest, and at the end that drops the zero lowest); two
/// corners that push the channel and source gains apart both ways; and Monte Carlo boards drawn like the simulator's.
/// One ngspice batch computes every operating point: per board the zeros (normal and zoomed) and per load three rows —
/// A: left low range, right high range; B: left high, right low; C: both low range and zoomed.
/// </summary>
public sealed class SpiceBoards
{
    public const int MonteCarloBoards = 30;

    /// <summary>The four ends of the uncalibrated 11 dB converter (full scale, zero offset; Simulator SimEsp32Adc).</summary>
    public static readonly (double FullScale, double ZeroOffset)[] AdcCorners =
    {
        (SimEsp32Adc.MinFullScaleVolts, SimEsp32Adc.MinZeroOffsetVolts), (SimEsp32Adc.MinFullScaleVolts, SimEsp32Adc.MaxZeroOffsetVolts),
        (SimEsp32Adc.MaxFullScaleVolts, SimEsp32Adc.MinZeroOffsetVolts), (SimEsp32Adc.MaxFullScaleVolts, SimEsp32Adc.MaxZeroOffsetVolts),
    };

    /// <summary>Loads in ohms: calibration set, 8–600 Ω accuracy set (dense around the zoom threshold), the class set of
    /// docs/design.md §5 (±20 %), and open.</summary>
    public static readonly double[] Loads =
    {
        SenseCalibrationRun.ZoomOhm, SenseCalibrationRun.LowOhm, SenseCalibrationRun.HighOhm,
        8, 12, 20, 33, 47, 53, 56, 59, 68, 150, 220, 330, 600,
        0, 1, 1.6, 2.4, 4000, 6000, 83000, 120000, 1e6, double.PositiveInfinity,
    };

    public const int Nominal = 0, TopCorner = 1, ZeroCorner = 2;

    static readonly Lazy<SpiceBoards> SharedRun = new(() => new SpiceBoards());

    /// <summary>One ngspice batch shared by every test class that needs the operating points.</summary>
    public static SpiceBoards Shared => SharedRun.Value;

    public readonly List<SimSenseParts> Parts = new();
    public readonly Dictionary<string, double[]> Rows;

    public SpiceBoards()
    {
        Parts.Add(SimSenseParts.Nominal());
        Parts.Add(WindowCorner(top: true));
        Parts.Add(WindowCorner(top: false));
        Parts.Add(GainCorner(+1));
        Parts.Add(GainCorner(-1));
        for (int i = 0; i < MonteCarloBoards; i++) Parts.Add(SimSenseParts.Draw(new Random(7000 + i)));
        var c = new StringBuilder();
        for (int b = 0; b < Parts.Count; b++)
        {
            var p = Parts[b];
            NgSpice.AlterBoard(c, p);
            NgSpice.AlterState(c, p, false, true, true, 32, 32);
            c.AppendLine("op");
            NgSpice.EchoRow(c, $"{b}:zero");
            NgSpice.AlterState(c, p, false, true, true, 32, 32, zoomLeft: true, zoomRight: true);
            c.AppendLine("op");
            NgSpice.EchoRow(c, $"{b}:zeroZ");
            for (int l = 0; l < Loads.Length; l++)
            {
                NgSpice.AlterState(c, p, true, true, false, Loads[l], Loads[l]);
                c.AppendLine("op");
                NgSpice.EchoRow(c, $"{b}:{l}:A");
                NgSpice.AlterState(c, p, true, false, true, Loads[l], Loads[l]);
                c.AppendLine("op");
                NgSpice.EchoRow(c, $"{b}:{l}:B");
                NgSpice.AlterState(c, p, true, true, true, Loads[l], Loads[l], zoomLeft: true, zoomRight: true);
                c.AppendLine("op");
                NgSpice.EchoRow(c, $"{b}:{l}:C");
            }
        }
        Rows = NgSpice.Rows(NgSpice.Run(NgSpice.WithControl(c.ToString())));
    }

    /// <summary>The ADC converter corner a board is read with in the estimator check (cycles through all four).</summary>
    public (double FullScale, double ZeroOffset) Adc(int board) => AdcCorners[board % AdcCorners.Length];

    /// <summary>Row of a channel (0 left, 1 right) in a state: low range or not, zoomed or not.</summary>
    public double[] Row(int board, int load, int channel, bool low, bool zoom) =>
        Rows[$"{board}:{load}:{(zoom ? "C" : low == (channel == 0) ? "A" : "B")}"];

    /// <summary>The parts at the tolerance ends that move the source's ADC pin highest (top) or a zero lowest.</summary>
    static SimSenseParts WindowCorner(bool top)
    {
        SimSenseParts best = SimSenseParts.Nominal();
        double bestValue = double.NaN;
        for (int mask = 0; mask < 1 << 9; mask++)
        {
            double S(int bit) => (mask >> bit & 1) == 1 ? 1 : -1;
            var p = SimSenseParts.Nominal();
            p.SupplyVolts *= 1 + 0.03 * S(0);
            p.ReferenceVolts *= 1 + 0.001 * S(1);
            p.Ra *= 1 + 0.001 * S(2); p.Rb *= 1 + 0.001 * S(3);
            p.BufferOffsetVolts = 10e-6 * S(8);
            for (int s = 0; s < SimSenseParts.Stages; s++)
            {
                p.Rf[s] *= 1 + 0.001 * S(4); p.Rg[s] *= 1 + 0.001 * S(5);
                p.Ro[s] *= 1 + 0.001 * S(6); p.Rbias[s] *= 1 + 0.001 * S(7);
                p.OffsetVolts[s] = 25e-6 * S(8);
            }
            double value = top
                ? SenseNetwork.AdcVolts(p, 0, SenseNetwork.BufferVolts(p, SenseNetwork.SourceFinalVolts(p)))
                : -SenseNetwork.AdcVolts(p, 0, SenseNetwork.BufferVolts(p, 0));
            if (double.IsNaN(bestValue) || value > bestValue) { bestValue = value; best = p; }
        }
        for (int ch = 0; ch < 2; ch++)
        {
            best.Rlo[ch] *= top ? 0.999 : 1.001;
            best.SwitchOhm[ch] = top ? 0.5 : 1.5;
            best.ContactOhm[ch] = top ? 0.04 : 0.2;
            best.Rgz[ch] *= top ? 0.99 : 1.01;
            best.ZoomSwitchOhm[ch] = top ? 0.5 : 1.5;
        }
        return best;
    }

    /// <summary>sign +1: source high, left gain high, source gain low, right gain low, series low; −1 the opposite.</summary>
    static SimSenseParts GainCorner(int sign)
    {
        var p = SimSenseParts.Nominal();
        double up = 1 + 0.001 * sign, down = 1 - 0.001 * sign;
        p.SupplyVolts = 3.3 * (1 + 0.03 * sign);
        p.ReferenceVolts *= up;
        p.Ra *= down; p.Rb *= up;
        p.Rf[1] *= up; p.Rg[1] *= down;
        p.Rf[0] *= down; p.Rg[0] *= up;
        p.Rf[2] *= down; p.Rg[2] *= up;
        p.Rbias[1] *= down; p.Rbias[0] *= up; p.Rbias[2] *= up;
        for (int ch = 0; ch < 2; ch++)
        {
            p.Rlo[ch] *= down; p.Rhi[ch] *= 1 - 0.01 * sign;
            p.SwitchOhm[ch] = sign > 0 ? 0.5 : 1.5;
            p.ContactOhm[ch] = sign > 0 ? 0.04 : 0.2;
            p.Rgz[ch] *= 1 - 0.01 * sign;
            p.ZoomSwitchOhm[ch] = sign > 0 ? 0.5 : 1.5;
        }
        p.BufferOffsetVolts = 10e-6 * sign;
        p.OffsetVolts[1] = 25e-6 * sign; p.OffsetVolts[0] = -25e-6 * sign; p.OffsetVolts[2] = -25e-6 * sign;
        return p;
    }
}
