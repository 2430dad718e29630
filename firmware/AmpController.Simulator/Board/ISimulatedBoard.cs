using System.Linq;
using System.Collections.Generic;
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Board;

/// <summary>
/// What is physically in the jack. Sensitivity is the headphone's TRUE sensitivity, known to the simulator only:
/// in dB/V, or, when <paramref name="DbPerMw"/> is given, in dB/mW, which each ear converts at its OWN impedance
/// (docs/design.md §5; a mono plug's short does not halve the other ear's impedance). SensitivityDbPerV is then the
/// figure at the plug's nominal impedance, for display.
/// </summary>
public sealed record HeadphoneLoad(double LeftOhm, double RightOhm, double SensitivityDbPerV, bool HalfInserted = false,
    double? DbPerMw = null, double ZMinPerDc = HeadphoneLoad.DefaultZMinPerDc, double ZMaxPerDc = HeadphoneLoad.DefaultZMaxPerDc)
{
    /// <summary>|Z| over the programme's band as a multiple of the DC resistance (the load watch sees it): a dynamic
    /// driver's minimum and resonance peak.</summary>
    public const double DefaultZMinPerDc = 1.0, DefaultZMaxPerDc = 1.5;

    /// <summary>The true sensitivity in dB/V of an ear of this impedance: S_dB/V = S_dB/mW + 10·log10(1000 / Z).</summary>
    public double EarDbPerV(double earOhm) =>
        DbPerMw is double mw ? mw + 10 * System.Math.Log10(1000 / earOhm) : SensitivityDbPerV;
}

/// <summary>A fault to inject (docs/design.md §7 fault kinds: nack, stuckBus, chipReset, bitFlip, adcSpike, powerCycle, ...).</summary>
public sealed record FaultSpec(BoardFaultKind Kind, FaultDevice Device = FaultDevice.Volume, int Count = 1, int DurationMs = 0);

/// <summary>A user's headphone profile (docs/design.md §7 scenario "profiles"), stored as the console stores it (BoardFlash).</summary>
public sealed record ProfileSpec(string Name, double ImpedanceOhm, double Sensitivity, SensitivityUnit Unit)
{
    /// <summary>A name the device stores for a model name: its first 16 characters of A–Z a–z 0–9 . _ + -
    /// (Core/Storage/StoredProfile.IsNameChar), "headphone" when none is left.</summary>
    public static string StorableName(string model)
    {
        var chars = model.Where(StoredProfile.IsNameChar).Take(StoredProfile.MaxNameLength).ToArray();
        return chars.Length == 0 ? "headphone" : new string(chars);
    }
}

/// <summary>Board and user configuration for one simulation run. LoadWatch false builds the controller without its load
/// watch (a board before issue 19), for tests that show what the watch prevents.</summary>
public sealed record BoardConfig(
    int Seed = 1,
    VolumeChipChoice VolumeChip = VolumeChipChoice.Ds1882,
    double LimitDbA = 85,
    double SafeDefaultDbA = 70,
    IReadOnlyList<ProfileSpec>? Profiles = null,
    bool LoadWatch = true,
    double AckLimitDbA = 100);

/// <summary>
/// The real state of the simulated hardware after a tick, read from the simulated chips' registers and relays,
/// never from what the controller believes. SplDbA is null when the relay is open or nothing is plugged.
/// Profile is the stored profile the listener confirmed with the long press (its cap is in force), Offer the one
/// offered and not yet confirmed (S12, issue 19); both null when none. Tier is "default" or "acknowledged" (S12, issue
/// 16), DosePercent the weekly sound dose (S13), AckWarning true while the warning at the cap stands.
/// </summary>
public readonly record struct BoardSnapshot(
    long TMs,
    string State,
    bool RelayClosed,
    double GainDb,
    double AttenuationDb,
    bool Muted,
    int? CapDb,
    double? SplDbA,
    string? Fault,
    string? Profile = null,
    string? Offer = null,
    string Tier = "default",
    double DosePercent = 0,
    bool AckWarning = false);

/// <summary>
/// The simulated amplifier board running the real Core controller. Shared by the property tests, `ampsim run`,
/// `ampsim demo` and `ampsim bench`.
/// </summary>
public interface ISimulatedBoard
{
    long NowMs { get; }

    /// <summary>Advance one 10 ms control tick: physics first, then the controller's tick.</summary>
    void Tick();

    void Plug(HeadphoneLoad load);
    void Unplug();
    void TurnEncoder(int detents);
    /// <summary>A short press of the knob (mute toggle on release).</summary>
    void PressMute();

    /// <summary>The knob pushed and held for holdMs (≥ 1500 ms is the long press of S12).</summary>
    void PressButton(int holdMs);

    /// <summary>Silences or resumes the programme at the source (scenario event `programme`).</summary>
    void SetProgrammeSilent(bool silent);
    void InjectFault(FaultSpec fault);

    BoardSnapshot Snapshot();

    /// <summary>Records the main loop wrote to flash between ticks so far (settings, mute, the sound dose): bench counts those ticks apart.</summary>
    int FlashWrites { get; }
}
