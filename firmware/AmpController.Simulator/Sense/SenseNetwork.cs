using System;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Sense;

/// <summary>
/// DC physics of the sense front end, node for node the same as hardware/sense-frontend.cir (the ngspice tests
/// compare the two). Pure functions of the parts, the load and the switch states.
/// </summary>
public static class SenseNetwork
{
    public static double Parallel(double a, double b) =>
        double.IsPositiveInfinity(a) ? b : double.IsPositiveInfinity(b) ? a : a * b / (a + b);

    /// <summary>End value of the buffered test source with the enable pin high (divider Ra/Rb from the reference).</summary>
    public static double SourceFinalVolts(SimSenseParts p) => p.ReferenceVolts * p.Rb / (p.Ra + p.Rb);

    /// <summary>Buffer output for its input node voltage (single 3.3 V supply: it cannot go below 0 V).</summary>
    public static double BufferVolts(SimSenseParts p, double inputVolts) => Math.Max(0, inputVolts + p.BufferOffsetVolts);

    /// <summary>Series resistance from the source to the jack pin in the chosen range, contacts included.</summary>
    public static double SeriesOhm(SimSenseParts p, int channel, bool lowRange) =>
        (lowRange ? Parallel(p.Rlo[channel] + p.SwitchOhm[channel], p.Rhi[channel]) : p.Rhi[channel]) + p.ContactOhm[channel];

    /// <summary>Voltage at the jack pin (Kelvin tap). The force path exists only through both relays (sense closed,
    /// output relay at its NC contact); otherwise the pin is not driven by the source.</summary>
    public static double JackVolts(SimSenseParts p, int channel, double sourceVolts, double loadOhm, bool lowRange,
        bool forceConnected, bool senseConnected)
    {
        if (!forceConnected) return 0;
        double shunt = senseConnected ? Parallel(loadOhm, p.Rin[channel + 1] + p.Rbleed[channel + 1]) : loadOhm;
        if (double.IsPositiveInfinity(shunt)) return sourceVolts;
        return sourceVolts * shunt / (shunt + SeriesOhm(p, channel, lowRange));
    }

    /// <summary>Load current in amperes for the given source level (for the ≤ 1 mA check).</summary>
    public static double LoadAmps(SimSenseParts p, int channel, double sourceVolts, double loadOhm, bool lowRange) =>
        double.IsPositiveInfinity(loadOhm) ? 0 :
        loadOhm <= 0 ? sourceVolts / SeriesOhm(p, channel, lowRange) :
        JackVolts(p, channel, sourceVolts, loadOhm, lowRange, true, true) / loadOhm;

    /// <summary>Resistance from the gain stage's inverting input to ground: RG, with RGZ and its switch in parallel when zoomed.</summary>
    public static double GroundLegOhm(SimSenseParts p, int stage, bool zoom) =>
        zoom && stage > 0 ? Parallel(p.Rg[stage], p.Rgz[stage - 1] + p.ZoomSwitchOhm[stage - 1]) : p.Rg[stage];

    /// <summary>Voltage at an ADC pin for a gain-stage input node voltage (stage 0 source, 1 left, 2 right).</summary>
    public static double AdcVolts(SimSenseParts p, int stage, double inputVolts, bool zoom = false)
    {
        double plus = inputVolts * p.Rbleed[stage] / (p.Rin[stage] + p.Rbleed[stage]) + p.OffsetVolts[stage];
        double rg = GroundLegOhm(p, stage, zoom);
        double beta = rg / (p.Rf[stage] + rg);
        double a = SimSenseParts.OpAmpOpenLoopGain;
        double amp = a * plus / (1 + a * beta);
        amp = Math.Clamp(amp, -14.5, 14.5); // OPA2188 on ±15 V
        double g = 1 / p.Ro[stage] + 1 / p.Rbias[stage] + 1 / p.Radc[stage];
        return (amp / p.Ro[stage] + p.SupplyVolts / p.Rbias[stage]) / g;
    }

    /// <summary>Input-filter delay of a stage (R_in·C_in plus the ADC node's Thevenin R·C_o), in milliseconds.</summary>
    public static double FilterDelayMs(SimSenseParts p, int stage)
    {
        double rth = 1 / (1 / p.Ro[stage] + 1 / p.Rbias[stage] + 1 / p.Radc[stage]);
        return (p.Rin[stage] * p.Cin[stage] + rth * p.Co[stage]) * 1000;
    }
}
