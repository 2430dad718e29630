using System;
using AmpController.Core.LoadWatch;

namespace AmpController.Tests.LoadWatch;

/// <summary>The pin voltages the nominal circuit gives (hardware/README.md, Load watch): the inverse of the firmware's decode.</summary>
public static class PinVolts
{
    public static double Z(double ohm) =>
        LoadWatchDesign.PinOffsetVolts + LoadWatchDesign.PinVoltsPerDecade * Math.Log10(ohm / LoadWatchDesign.ZeroOhm);

    public static double Level(double peakVolts) =>
        LoadWatchDesign.PinOffsetVolts + LoadWatchDesign.PinVoltsPerDecade * Math.Log10(peakVolts / LoadWatchDesign.LevelZeroPeakVolts);
}
