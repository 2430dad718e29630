using System;

namespace AmpController.Simulator.Sense;

/// <summary>
/// Component values of one board's sense front end (hardware/README.md, "Parts"; the netlist hardware/sense-frontend.cir
/// uses the same instance names). Index 0..2 of the gain-stage arrays is source, left, right; index 0..1 of the force
/// and zoom arrays is left, right. Nominal() is the drawing; Draw() applies the tolerances of the parts list from a seed.
/// </summary>
public sealed class SimSenseParts
{
    public const int Stages = 3; // source, left, right
    public const double OpAmpOpenLoopGain = 1e6;

    /// <summary>Supply of the ADC pedestal networks (RBIAS*): 3.3 V ± 3 %.</summary>
    public double SupplyVolts = 3.3;

    // Test source: GPIO → RREF → LM4040 2.5 V reference (U1008, ±0.1 %) → RA/RB (0.1 %) with C1 (film ±5 %), second pole
    // R2/C2 (C0G ±5 %), unity buffer U1001 (OPA333 on 3.3 V, ±10 µV).
    public double ReferenceVolts = 2.5;
    public double Ra = 30.1e3, Rb = 1.02e3, C1 = 3.3e-6, R2 = 100e3, C2 = 33e-9;
    public double BufferOffsetVolts;

    // Force path per channel: RLO (0.1 %) with analog switch U1002/U1004 (TS5A3166) in parallel with RHI (1 %), relay contacts.
    public double[] Rlo = { 240, 240 };
    public double[] SwitchOhm = { 0.9, 0.9 };
    public double[] Rhi = { 100e3, 100e3 };
    public double[] ContactOhm = { 0.1, 0.1 };

    // Gain stage per input (OPA2188 non-inverting, G = 1 + Rf/Rg, 0.1 % resistors), then the ADC pedestal/filter network
    // (RO/RBIAS 0.1 %, CO ±10 %).
    public double[] Rin = { 10e3, 10e3, 10e3 };
    public double[] Rbleed = { 10e6, 10e6, 10e6 };
    public double[] Cin = { 10e-9, 10e-9, 10e-9 };
    public double[] Rf = { 39.2e3, 39.2e3, 39.2e3 };
    public double[] Rg = { 2e3, 2e3, 2e3 };
    public double[] OffsetVolts = { 0, 0, 0 };
    public double[] Ro = { 1e3, 1e3, 1e3 };
    public double[] Rbias = { 9.53e3, 9.53e3, 9.53e3 };
    public double[] Co = { 100e-9, 100e-9, 100e-9 };
    public double[] Radc = { 10e6, 10e6, 10e6 };

    // Zoom per channel: U1006/U1007 (TS5A3166) put RGZ (1 %) in parallel with RG, gain × ≈ 5.
    public double[] Rgz = { 475, 475 };
    public double[] ZoomSwitchOhm = { 0.9, 0.9 };

    public static SimSenseParts Nominal() => new();

    /// <summary>
    /// Tolerances of the parts list: 0.1 % where the window depends on it (source divider, gain, pedestal, RLO), 1 %
    /// elsewhere, ramp capacitors ±5 %, filter capacitors ±10 %, supply ±3 %, reference ±0.1 %, switches 0.5–1.5 Ω,
    /// contacts 0.04–0.2 Ω, op-amp offsets to the datasheet maximum.
    /// </summary>
    public static SimSenseParts Draw(Random rng)
    {
        var p = new SimSenseParts();
        double U(double lo, double hi) => lo + rng.NextDouble() * (hi - lo);
        double T(double v, double tol) => v * (1 + U(-tol, tol));
        p.SupplyVolts = T(3.3, 0.03);
        p.ReferenceVolts = T(2.5, 0.001);                  // LM4040A: ±0.1 %
        p.Ra = T(p.Ra, 0.001); p.Rb = T(p.Rb, 0.001); p.C1 = T(p.C1, 0.05); p.R2 = T(p.R2, 0.01); p.C2 = T(p.C2, 0.05);
        p.BufferOffsetVolts = U(-10e-6, 10e-6);           // OPA333: 10 µV max
        for (int c = 0; c < 2; c++)
        {
            p.Rlo[c] = T(p.Rlo[c], 0.001);
            p.SwitchOhm[c] = U(0.5, 1.5);                  // TS5A3166 on-resistance over temperature
            p.Rhi[c] = T(p.Rhi[c], 0.01);
            p.ContactOhm[c] = U(0.04, 0.2);                // two relay contacts, 100 mΩ max each
            p.Rgz[c] = T(p.Rgz[c], 0.01);
            p.ZoomSwitchOhm[c] = U(0.5, 1.5);
        }
        for (int s = 0; s < Stages; s++)
        {
            p.Rin[s] = T(p.Rin[s], 0.01); p.Rbleed[s] = T(p.Rbleed[s], 0.01); p.Cin[s] = T(p.Cin[s], 0.10);
            p.Rf[s] = T(p.Rf[s], 0.001); p.Rg[s] = T(p.Rg[s], 0.001);
            p.OffsetVolts[s] = U(-25e-6, 25e-6);           // OPA2188: 25 µV max
            p.Ro[s] = T(p.Ro[s], 0.001); p.Rbias[s] = T(p.Rbias[s], 0.001); p.Co[s] = T(p.Co[s], 0.10);
        }
        return p;
    }
}
