using System;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Sense;

/// <summary>
/// Component values of one board's sense front end (hardware/README.md; the netlist hardware/sense-frontend.cir uses
/// the same names). Index 0..2 of the gain-stage arrays is source, left, right; index 0..1 of the force arrays is
/// left, right. Nominal() is the drawing; Draw() applies the tolerances of the bill of materials from a seed.
/// </summary>
public sealed class SimSenseParts
{
    public const int Stages = 3; // source, left, right
    public const double OpAmpOpenLoopGain = 1e6;

    // Test source: GPIO → Ra/Rb divider with C1 (film ±5 %), second pole R2/C2 (C0G ±5 %), unity buffer (OPA333 on 3.3 V).
    public double SupplyVolts = 3.3;
    public double Ra = 39e3, Rb = 1e3, C1 = 3.3e-6, R2 = 100e3, C2 = 33e-9;
    public double BufferOffsetVolts;

    // Force path per channel: R_lo with analog switch (TS5A23166) in parallel with R_hi, then relay contacts.
    public double[] Rlo = { 100, 100 };
    public double[] SwitchOhm = { 0.9, 0.9 };
    public double[] Rhi = { 100e3, 100e3 };
    public double[] ContactOhm = { 0.1, 0.1 };

    // Gain stage per input (OPA2188 non-inverting, G = 1 + Rf/Rg), then the ADC pedestal/filter network.
    public double[] Rin = { 10e3, 10e3, 10e3 };
    public double[] Rbleed = { 10e6, 10e6, 10e6 };
    public double[] Cin = { 10e-9, 10e-9, 10e-9 };
    public double[] Rf = { 15e3, 15e3, 15e3 };
    public double[] Rg = { 2e3, 2e3, 2e3 };
    public double[] OffsetVolts = { 0, 0, 0 };
    public double[] Ro = { 1e3, 1e3, 1e3 };
    public double[] Rbias = { 22e3, 22e3, 22e3 };
    public double[] Co = { 100e-9, 100e-9, 100e-9 };
    public double[] Radc = { 10e6, 10e6, 10e6 };

    public static SimSenseParts Nominal() => new();

    /// <summary>Resistors ±1 %, ramp capacitors ±5 %, filter capacitors ±10 %, supply ±3 %, switch 0.5–1.5 Ω, contacts 0.04–0.2 Ω, offsets per datasheet.</summary>
    public static SimSenseParts Draw(Random rng)
    {
        var p = new SimSenseParts();
        double R(double v) => v * (1 + (rng.NextDouble() * 2 - 1) * 0.01);
        double C(double v) => v * (1 + (rng.NextDouble() * 2 - 1) * 0.10);
        double C5(double v) => v * (1 + (rng.NextDouble() * 2 - 1) * 0.05);
        double U(double lo, double hi) => lo + rng.NextDouble() * (hi - lo);
        p.SupplyVolts = 3.3 * (1 + U(-0.03, 0.03));
        p.Ra = R(p.Ra); p.Rb = R(p.Rb); p.C1 = C5(p.C1); p.R2 = R(p.R2); p.C2 = C5(p.C2);
        p.BufferOffsetVolts = U(-10e-6, 10e-6);           // OPA333: 10 µV max
        for (int c = 0; c < 2; c++)
        {
            p.Rlo[c] = R(p.Rlo[c]);
            p.SwitchOhm[c] = U(0.5, 1.5);                  // TS5A23166 on-resistance over temperature
            p.Rhi[c] = R(p.Rhi[c]);
            p.ContactOhm[c] = U(0.04, 0.2);                // two relay contacts, 100 mΩ max each
        }
        for (int s = 0; s < Stages; s++)
        {
            p.Rin[s] = R(p.Rin[s]); p.Rbleed[s] = R(p.Rbleed[s]); p.Cin[s] = C(p.Cin[s]);
            p.Rf[s] = R(p.Rf[s]); p.Rg[s] = R(p.Rg[s]);
            p.OffsetVolts[s] = U(-25e-6, 25e-6);           // OPA2188: 25 µV max
            p.Ro[s] = R(p.Ro[s]); p.Rbias[s] = R(p.Rbias[s]); p.Co[s] = C(p.Co[s]);
        }
        return p;
    }
}
