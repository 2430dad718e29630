using System;

namespace AmpController.Simulator.LoadWatch;

/// <summary>
/// Component values of one channel of the load watch (hardware/load-watch.cir, subcircuit LWCH; designators 4xx left,
/// 5xx right, netlist names without the channel digit). <see cref="Nominal"/> is the drawing; <see cref="Draw"/>
/// applies the bill of materials' tolerances (resistors ±1 %, hold capacitors ±5 %, INA gain ±0.1 %, op-amp offsets
/// to the OPA4192 maximum). The derived gains below are what both the simulator and the firmware's design constants
/// (Core/LoadWatch/LoadWatchDesign.cs) compute from.
/// </summary>
public sealed class LoadWatchParts
{
    public double SenseOhm = 1.0;          // RS: current sense, inside the output stage's feedback loop
    public double InaGain = 29.74;         // U401 INA188, G = 1 + 50k / RG1 (1.74k)
    public double R401 = 100e3, R402 = 100e3; // voltage divider on the feedback node
    public double R403 = 10e6, R404 = 1e6;  // AC-coupling bias
    public double R405 = 1e6;               // inverter input: loads the divider together with R403
    public double LogInputOhm = 47e3;       // R409, R410, R411: from the buffered holds into the LOG2112's inputs
    public double HoldVFarad = 1e-6;        // C403 (film, ±5 %)
    public double HoldIFarad = 1e-6;        // C405
    public double HoldVOhm = 68e3;          // R434: the V hold's discharge
    public double HoldIOhm = 68e3;          // R435
    public double AttackOhm = 100;          // R407/R408, R414/R415
    public double RefVolts = 2.5;           // LOG2112 VREF
    public double RefOhm = 5.9e6;           // R416
    public double ScaleToRefOhm = 100e3;    // R417 / R421
    public double ScaleToLogOhm = 36.5e3;   // R418 / R422
    public double ScaleFeedbackOhm = 10e3;  // R419 / R423
    public double ScaleGroundOhm = 20e3;    // R420 / R424
    public double OffsetVVolts, OffsetIVolts; // chargers' input offsets (OPA4192: ±25 µV max)
    public double LogVoltsPerDecade = 0.5;  // LOG2112: V_O = 0.5 V · log10(I1 / I2)

    public static LoadWatchParts Nominal() => new();

    public static LoadWatchParts Draw(Random rng)
    {
        double T(double v, double tol) => v * (1 + (rng.NextDouble() * 2 - 1) * tol);
        var p = new LoadWatchParts
        {
            SenseOhm = T(1.0, 0.01), InaGain = T(29.74, 0.011), // RG1's 1 % dominates the INA188's 0.1 %
            R401 = T(100e3, 0.01), R402 = T(100e3, 0.01), R403 = T(10e6, 0.01), R405 = T(1e6, 0.01),
            LogInputOhm = T(47e3, 0.01), HoldVOhm = T(68e3, 0.01), HoldIOhm = T(68e3, 0.01),
            HoldVFarad = T(1e-6, 0.05), HoldIFarad = T(1e-6, 0.05),
            RefVolts = T(2.5, 0.0015), RefOhm = T(5.9e6, 0.01),
            ScaleToRefOhm = T(100e3, 0.01), ScaleToLogOhm = T(36.5e3, 0.01),
            ScaleFeedbackOhm = T(10e3, 0.01), ScaleGroundOhm = T(20e3, 0.01),
            OffsetVVolts = (rng.NextDouble() * 2 - 1) * 25e-6,
            OffsetIVolts = (rng.NextDouble() * 2 - 1) * 25e-6,
        };
        return p;
    }

    /// <summary>Rectifier input per volt at the feedback node: the divider loaded by R403 ∥ R405 (0.474).</summary>
    public double VoltageGain
    {
        get
        {
            double load = Parallel(R403, R405);
            double thevenin = Parallel(R401, R402);
            return R402 / (R401 + R402) * load / (load + thevenin);
        }
    }

    /// <summary>What the divider draws from the feedback node, through RS too (190 kΩ: 74 µA at full swing).</summary>
    public double DividerInputOhm => R401 + Parallel(R402, Parallel(R403, R405));

    /// <summary>Rectifier input per ampere of output current (29.74 V/A).</summary>
    public double CurrentGain => SenseOhm * InaGain;

    /// <summary>|Z| at which the log-ratio output is 0 V: 62.75 Ω nominal.</summary>
    public double ZeroOhm => CurrentGain / VoltageGain;

    /// <summary>V hold at which the level output is 0 V: LogInput · VREF / R416 = 19.9 mV nominal.</summary>
    public double LevelZeroVolts => LogInputOhm * RefVolts / RefOhm;

    /// <summary>Hold time constants (68 ms nominal; the buffers keep the log inputs off the holds).</summary>
    public double TauVSeconds => HoldVFarad * HoldVOhm;
    public double TauISeconds => HoldIFarad * HoldIOhm;

    /// <summary>Scaling stage (LOG2112 A3): V_pin = Offset + Slope · V_log.</summary>
    public double ScaleGain => 1 + ScaleFeedbackOhm / ScaleGroundOhm;
    public double PinSlope => ScaleGain * ScaleToRefOhm / (ScaleToRefOhm + ScaleToLogOhm);
    public double PinOffsetVolts => ScaleGain * RefVolts * ScaleToLogOhm / (ScaleToRefOhm + ScaleToLogOhm);

    static double Parallel(double a, double b) => a * b / (a + b);
}
