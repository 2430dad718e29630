using System;
using AmpController.Core.Acoustics;

namespace AmpController.Simulator.Scenario;

/// <summary>Sensitivity unit conversion for the simulated headphone (docs/design.md §5).</summary>
public static class Sensitivity
{
    /// <summary>A plug without a stated sensitivity (a short, a line input) is simulated as a typical 100 dB/mW.</summary>
    public const double DefaultDbPerMw = 100;

    /// <summary>S_dB/V = S_dB/mW + 10·log10(1000 / Z) (docs/design.md §5).</summary>
    public static double ToDbPerV(double value, SensitivityUnit unit, double impedanceOhm) =>
        AcousticMath.ToDbPerV(value, unit, Math.Max(impedanceOhm, 0.1)); // a short has no meaningful dB/mW

    /// <summary>The nominal impedance of a plug: the mean of the connected channels (a mono plug shorts one).</summary>
    public static double NominalOhm(double leftOhm, double rightOhm) =>
        leftOhm > 0 && rightOhm > 0 ? (leftOhm + rightOhm) / 2 : Math.Max(leftOhm, rightOhm);
}
