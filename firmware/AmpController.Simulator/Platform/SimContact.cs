using System;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;

namespace AmpController.Simulator.Platform;

/// <summary>
/// The plug-to-jack contact of one channel. Solid: a fixed 5–30 mΩ per insertion. Intermittent (half-inserted or
/// dirty plug): a random telegraph process that opens and closes with a mean dwell of 1.5 ms and a contact
/// resistance of 0.05–3 Ω whenever closed.
/// </summary>
internal sealed class SimContact
{
    const double MeanDwellMs = 1.5;

    bool _intermittent;
    bool _closed = true;
    double _ohm;
    double _nextToggleMs;

    public void Plug(Random rng, bool intermittent, double nowMs)
    {
        _intermittent = intermittent;
        _closed = true;
        _ohm = intermittent ? 0.05 + rng.NextDouble() * 2.95 : 0.005 + rng.NextDouble() * 0.025;
        _nextToggleMs = nowMs + Dwell(rng);
    }

    /// <summary>The load as seen through this contact at time t (times must not go backwards by more than a tick).</summary>
    public double SeriesOhm(Random rng, double tMs, double loadOhm)
    {
        if (double.IsPositiveInfinity(loadOhm)) return loadOhm;
        if (_intermittent)
        {
            while (tMs >= _nextToggleMs)
            {
                _closed = !_closed;
                if (_closed) _ohm = 0.05 + rng.NextDouble() * 2.95;
                _nextToggleMs += Dwell(rng);
            }
            if (!_closed) return double.PositiveInfinity;
        }
        return loadOhm + _ohm;
    }

    static double Dwell(Random rng) => -MeanDwellMs * Math.Log(1.0 - rng.NextDouble());
}
