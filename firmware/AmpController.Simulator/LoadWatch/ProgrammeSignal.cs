using System;

namespace AmpController.Simulator.LoadWatch;

/// <summary>
/// The music the simulated board plays, at the envelope level the load watch needs. Its long-term level is the EN 50332
/// programme level the cap assumes (full scale −10 dB, Board/BoardAcoustics): phrases of 2–8 s sit between −10 and
/// +3 dB around it (one in twenty is a quiet passage at −25 dB), and each 10 ms carries a peak 3–12 dB above the
/// phrase's rms (music's crest factor). Each phrase has a dominant frequency (60–800 Hz), which sets when in the step
/// the last peak came; the spectral weight (0 = bass-light, 1 = bass-heavy) wanders slowly and moves each load's |Z|
/// between its minimum and its resonance peak. A scenario can make it silent (docs/scenarios.md `programme`).
/// </summary>
public sealed class ProgrammeSignal
{
    public const double StepMs = 10;
    readonly Random _rng;
    double _phraseDb;
    double _phraseEndMs;
    double _dominantHz = 200;
    double _nowMs;

    public ProgrammeSignal(int seed)
    {
        _rng = new Random(seed);
        SpectralWeight = 0.5;
        NewPhrase();
    }

    /// <summary>True while the scenario has silenced the source (nothing reaches the amplifier).</summary>
    public bool Silent { get; set; }

    /// <summary>The music's level in this step relative to the programme level, in dB (−∞ when silent): the level at
    /// the ear is the trace's programme-level splDbA plus this.</summary>
    public double LevelDb => Silent ? double.NegativeInfinity : _phraseDb;

    /// <summary>This step's largest peak relative to the programme level's rms (0 when silent).</summary>
    public double PeakFactor { get; private set; }

    /// <summary>How long before the end of this step that peak came.</summary>
    public double PeakAgeMs { get; private set; }

    /// <summary>0 = little bass (|Z| near its minimum), 1 = bass-heavy (|Z| near the resonance peak).</summary>
    public double SpectralWeight { get; private set; }

    public void Advance()
    {
        _nowMs += StepMs;
        if (_nowMs >= _phraseEndMs) NewPhrase();
        double w = SpectralWeight + 0.03 * Gaussian() - 0.01 * (SpectralWeight - 0.5);
        SpectralWeight = Math.Clamp(w, 0, 1);
        if (Silent)
        {
            PeakFactor = 0;
            PeakAgeMs = 0;
            return;
        }
        double crestDb = 3 + 9 * _rng.NextDouble();
        PeakFactor = Math.Pow(10, (_phraseDb + crestDb) / 20);
        PeakAgeMs = _rng.NextDouble() * Math.Min(StepMs, 500 / _dominantHz);
    }

    /// <summary>The load's effective |Z| for this step's spectrum, between its minimum and its peak (log-interpolated).</summary>
    public double EffectiveOhm(double dcOhm, double minPerDc, double maxPerDc)
    {
        if (double.IsPositiveInfinity(dcOhm) || dcOhm <= 0) return dcOhm;
        double w = SpectralWeight;
        return dcOhm * Math.Pow(minPerDc, 1 - w) * Math.Pow(maxPerDc, w);
    }

    void NewPhrase()
    {
        _phraseEndMs = _nowMs + 2000 + 6000 * _rng.NextDouble();
        _phraseDb = _rng.NextDouble() < 0.05 ? -25 : -10 + 13 * _rng.NextDouble();
        _dominantHz = 60 * Math.Pow(800 / 60.0, _rng.NextDouble());
    }

    double Gaussian()
    {
        double u1 = 1.0 - _rng.NextDouble();
        double u2 = _rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
