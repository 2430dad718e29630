using System;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
using AmpController.Simulator.Vocabulary;

namespace AmpController.Tests.Simulator;

/// <summary>
/// TEST DOUBLE ONLY: a tiny stand-in for the simulated board so the scenario runner, trace, expectations and
/// commands can be tested on their own. Plug → measure (50 ms) → relay closes at 150 ms → 1 dB/tick ramp to the
/// safe default; a fault opens the relay at the next tick, lasts 50 ms plus its duration, and music is back 100 ms later.
/// </summary>
public sealed class FakeBoard(BoardConfig config) : ISimulatedBoard
{
    const double ProgrammeVolts = 0.632; // 2.0 Vrms full scale − 10 dB (docs/design.md §4 S4)
    HeadphoneLoad? _load;
    long _pluggedAt, _faultUntil = -1;
    string? _fault;
    bool _relay;
    double _attenuation = -80;
    int _cap;

    public int Ticks { get; private set; }
    public int FlashWrites => 0; // the fake has no flash
    public long NowMs { get; private set; }
    /// <summary>Raises the cap by this many dB: breaks rule S4 on purpose (for expectation-failure tests).</summary>
    public double ExtraDb { get; set; }

    public void Tick()
    {
        Ticks++;
        NowMs += 10;
        if (_fault is not null)
        {
            _relay = false;
            _attenuation = -80;
            if (NowMs >= _faultUntil) { _fault = null; _pluggedAt = NowMs - 100; }
            return;
        }
        if (_load is null || _load.HalfInserted) return;
        long since = NowMs - _pluggedAt;
        if (since < 150) return;
        _relay = true;
        double target = Math.Min(config.SafeDefaultDbA - LevelAt(0), _cap);
        if (since == 150) _attenuation = target - 10;
        else if (_attenuation < target && since < 400) _attenuation = Math.Min(target, _attenuation + 1);
    }

    double LevelAt(double attenuation) => _load!.SensitivityDbPerV + 20 * Math.Log10(ProgrammeVolts) + attenuation;

    public void Plug(HeadphoneLoad load)
    {
        _load = load;
        _pluggedAt = NowMs;
        _cap = (int)Math.Floor(config.LimitDbA - LevelAt(0) + ExtraDb);
    }

    public void Unplug() { _load = null; _relay = false; _attenuation = -80; }

    public void TurnEncoder(int detents) => _attenuation = Math.Clamp(_attenuation + detents, -80, _cap);

    public void PressMute() => _relay = !_relay;

    public void PressButton(int holdMs) { if (holdMs < 1500) PressMute(); }

    /// <summary>The programme has no effect on this fake; the flag is kept for tests that check the event arrived.</summary>
    public bool ProgrammeSilent { get; private set; }
    public void SetProgrammeSilent(bool silent) => ProgrammeSilent = silent;

    public void InjectFault(FaultSpec fault)
    {
        _fault = fault.Kind.Name();
        _faultUntil = NowMs + 50 + fault.DurationMs;
    }

    public BoardSnapshot Snapshot() => new(
        NowMs,
        _fault is not null ? "fault" : _load is null ? "unplugged" : _relay ? "playing" : "measuring",
        _relay, 0, _attenuation, !_relay,
        _load is null ? null : _cap,
        _relay && _load is not null ? LevelAt(_attenuation) : null,
        _fault);
}
