using System;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Sense;

/// <summary>
/// Exact response of the test source's two-section RC ladder (Ra/Rb/C1, R2/C2) to its enable pin: the state
/// (v1, v2) evolves as x' = A·x + b·u, solved in closed form with the two real poles, so the ramp matches ngspice's
/// transient. Times in milliseconds.
/// </summary>
public sealed class SimSenseRamp
{
    readonly double _a11, _a12, _a21, _a22, _l1, _l2, _gainToNode;
    double _t0, _v10, _v20, _u;

    public SimSenseRamp(SimSenseParts p)
    {
        _a11 = -(1 / p.Ra + 1 / p.Rb + 1 / p.R2) / p.C1 / 1000;
        _a12 = 1 / p.R2 / p.C1 / 1000;
        _a21 = 1 / p.R2 / p.C2 / 1000;
        _a22 = -1 / p.R2 / p.C2 / 1000;
        double tr = _a11 + _a22, det = _a11 * _a22 - _a12 * _a21;
        double disc = Math.Sqrt(tr * tr / 4 - det);
        _l1 = tr / 2 + disc;
        _l2 = tr / 2 - disc;
        _gainToNode = p.Rb / (p.Ra + p.Rb);
        Drive = p.ReferenceVolts;
    }

    /// <summary>The reference voltage the enable pin switches onto the divider.</summary>
    public double Drive { get; }

    /// <summary>Slowest and fastest time constants in ms (for the README's design equations).</summary>
    public double SlowTauMs => -1 / _l1;
    public double FastTauMs => -1 / _l2;

    public bool Enabled => _u > 0;

    public void Set(bool on, double tMs)
    {
        var (v1, v2) = State(tMs);
        _t0 = tMs; _v10 = v1; _v20 = v2; _u = on ? Drive : 0;
    }

    /// <summary>Voltage at the buffer input (node B) at time t.</summary>
    public double NodeVolts(double tMs) => State(tMs).v2;

    (double v1, double v2) State(double tMs)
    {
        double ss = _u * _gainToNode;
        double e1 = _v10 - ss, e2 = _v20 - ss;
        double dt = Math.Max(0, tMs - _t0);
        double x1 = Math.Exp(_l1 * dt), x2 = Math.Exp(_l2 * dt);
        // exp(A t) = (x1 (A − l2 I) − x2 (A − l1 I)) / (l1 − l2)
        double d = _l1 - _l2;
        double m11 = (x1 * (_a11 - _l2) - x2 * (_a11 - _l1)) / d;
        double m12 = (x1 - x2) * _a12 / d;
        double m21 = (x1 - x2) * _a21 / d;
        double m22 = (x1 * (_a22 - _l2) - x2 * (_a22 - _l1)) / d;
        return (ss + m11 * e1 + m12 * e2, ss + m21 * e1 + m22 * e2);
    }
}
