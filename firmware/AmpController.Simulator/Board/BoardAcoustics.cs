using System;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Board;

/// <summary>
/// The physical world's side of the sound level, independent of the policy (it is the oracle the policy is checked
/// against): what a programme signal (EN 50332: full scale −10 dB) really produces in the plugged headphone given
/// the real gain relays, the real attenuator registers and the relay. Reference board values: docs/design.md §2.
/// </summary>
public static class BoardAcoustics
{
    public const double SourceFullScaleVrms = 2.0;
    public const double ProgrammeBelowFullScaleDb = 10.0;
    public const double OutputImpedanceOhm = 0.1;
    public const double MaxOutputVrms = 10.0;
    public const double MaxOutputArms = 0.25;

    /// <summary>
    /// Programme level in dB SPL (≈ dBA for the programme signal) in one ear, or null when no sound reaches it.
    /// <paramref name="attenuationDb"/> is ≥ 0 (infinity = muted). The output stage clips at its voltage and current
    /// limits, which can only lower the level.
    /// </summary>
    public static double? ProgrammeSplDbA(double sensitivityDbPerV, double loadOhm, double gainDb, double attenuationDb)
    {
        if (double.IsPositiveInfinity(attenuationDb) || !(loadOhm > 0) || double.IsInfinity(loadOhm)) return null;
        if (!double.IsFinite(sensitivityDbPerV)) return null; // a line input has no sound level
        double source = SourceFullScaleVrms * Math.Pow(10, -ProgrammeBelowFullScaleDb / 20);
        double open = source * Math.Pow(10, (gainDb - attenuationDb) / 20);
        double limit = Math.Min(MaxOutputVrms, MaxOutputArms * (loadOhm + OutputImpedanceOhm));
        double driven = Math.Min(open, limit);
        double atLoad = driven * loadOhm / (loadOhm + OutputImpedanceOhm);
        return sensitivityDbPerV + 20 * Math.Log10(atLoad);
    }

    /// <summary>
    /// The louder ear, each judged with its own impedance (the voltage it gets and, for a dB/mW rating, its sensitivity).
    /// A channel at or below 2 Ω is a short (mono plug ring to sleeve): no sound there.
    /// </summary>
    public static double? LouderEar(HeadphoneLoad load, double gainDb, double leftAttDb, double rightAttDb)
    {
        double? left = load.LeftOhm > 2 ? ProgrammeSplDbA(load.EarDbPerV(load.LeftOhm), load.LeftOhm, gainDb, leftAttDb) : null;
        double? right = load.RightOhm > 2 ? ProgrammeSplDbA(load.EarDbPerV(load.RightOhm), load.RightOhm, gainDb, rightAttDb) : null;
        if (left == null) return right;
        if (right == null) return left;
        return Math.Max(left.Value, right.Value);
    }
}
