using System;
using System.Collections.Generic;
using System.Linq;
using AmpController.Simulator.Board;
using AmpController.Simulator.Scenario;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;
using AmpController.Simulator.Vocabulary;

namespace AmpController.Simulator.Timeline;

/// <summary>
/// Turns a scenario run into a timeline in words: the actions of the scenario, and every change of the real
/// board state explained (state, gain and why, relay, level against the cap and limit, fault reaction and
/// recovery). Volume ramps are folded into one line.
/// </summary>
public sealed class Narrator(ScenarioSpec scenario)
{
    readonly List<TimelineEntry> _entries = [];
    BoardSnapshot? _last;
    FaultEvent? _fault;
    bool _faultOpenedRelay;
    long? _plugAtMs;
    object? _decision;
    (long T, BoardSnapshot From, BoardSnapshot To, double MaxStep, int Steps)? _ramp;

    public IReadOnlyList<TimelineEntry> Entries { get { FlushRamp(); return _entries; } }

    /// <summary>Worst time from an I2C/chip fault to the relay opening, and from plug to music (for the summary).</summary>
    public long? WorstRelayOpenMs { get; private set; }
    public long? WorstMusicMs { get; private set; }
    public long? WorstRecoveryMs { get; private set; }

    public void OnEvent(ScenarioEvent e, ISimulatedBoard board)
    {
        Add(e.AtMs, e is FaultEvent ? EntryKind.Protection : EntryKind.Action, Words.Action(e));
        switch (e)
        {
            case FaultEvent f:
                _fault = f;
                _faultOpenedRelay = !(_last?.RelayClosed ?? false);
                break;
            case PlugEvent p when !p.Load.HalfInserted:
                _plugAtMs = p.AtMs;
                break;
            case UnplugEvent:
                _plugAtMs = null;
                _fault = null;
                break;
        }
    }

    public void OnSample(BoardSnapshot now, ISimulatedBoard board)
    {
        var before = _last;
        _last = now;
        ExplainReasons(now.TMs, board);
        if (before is not BoardSnapshot was)
        {
            Add(now.TMs, EntryKind.Controller, $"Power-up: {Words.State(now)} (rule S1: safe until the chips are confirmed).");
            return;
        }
        if (ScenarioRunner.SameState(was, now)) { FlushRamp(); return; }

        if (OnlyVolumeMoved(was, now))
        {
            double step = Math.Abs(now.AttenuationDb - was.AttenuationDb);
            _ramp = _ramp is { } r
                ? (r.T, r.From, now, Math.Max(r.MaxStep, step), r.Steps + 1)
                : (now.TMs, was, now, step, 1);
            return;
        }
        FlushRamp();

        if (now.State != was.State)
            Add(now.TMs, EntryKind.Controller, $"Controller state: {was.State} → {now.State}.");
        if (now.GainDb != was.GainDb)
            Add(now.TMs, EntryKind.Controller,
                $"Gain relays switch {Words.Db(was.GainDb)} → {Words.Db(now.GainDb)} dB — {Words.GainReason(now.GainDb)}. " +
                (was.RelayClosed || !was.Muted
                    ? "WARNING: the output was not disconnected and muted before (rule S3)."
                    : "The output was disconnected and muted before the switch (rule S3)."));
        if (now.CapDb != was.CapDb && now.CapDb is int cap)
            Add(now.TMs, EntryKind.Controller, $"Volume cap set to {Words.Db(cap)} dB on the attenuator (rule S4: the programme level may not exceed {scenario.Board.LimitDbA:0} dBA).");
        if (now.Fault != was.Fault)
            Add(now.TMs, now.Fault is null ? EntryKind.Recovery : EntryKind.Protection,
                now.Fault is null ? "Controller clears its fault flag." : $"Controller reports fault: {now.Fault}.");
        if (now.RelayClosed != was.RelayClosed) RelayChanged(now);
        bool music = MusicExpectation.IsMusic(now), musicBefore = MusicExpectation.IsMusic(was);
        if (music && !musicBefore) MusicStarts(now);
        else if (!music && musicBefore && now.RelayClosed)
            Add(now.TMs, EntryKind.Level, "Attenuator muted: silent, the relay stays closed.");
        else if (music && now.AttenuationDb != was.AttenuationDb)
            Add(now.TMs, EntryKind.Level, $"Volume {Words.Db(was.AttenuationDb)} → {Words.Db(now.AttenuationDb)} dB: level {Words.Level(now.SplDbA)}.");
    }

    void RelayChanged(BoardSnapshot now)
    {
        if (now.RelayClosed)
        {
            Add(now.TMs, EntryKind.Controller,
                $"Output relay closes with the attenuator {(now.Muted ? "still muted (no click, rule S3)" : "NOT muted")}, gain {Words.Db(now.GainDb)} dB.");
            return;
        }
        string why = "";
        if (_fault is { } f && !_faultOpenedRelay)
        {
            long dt = now.TMs - f.AtMs;
            _faultOpenedRelay = true;
            if (ScenarioVocabulary.OpensRelay(f.Fault.Kind)) WorstRelayOpenMs = Math.Max(WorstRelayOpenMs ?? 0, dt);
            why = $" {dt} ms after the {f.Fault.Kind.Name()} fault (rules S5/S6: within one 100 ms supervision period)";
        }
        Add(now.TMs, EntryKind.Protection, $"Output relay OPENS: the headphone is disconnected{why}.");
    }

    void MusicStarts(BoardSnapshot now)
    {
        string capText = now.CapDb is int cap && now.SplDbA is double spl
            ? $" The knob can go up to the cap {Words.Db(cap)} dB = {Words.Level(spl - now.AttenuationDb + cap)} in this headphone (limit {scenario.Board.LimitDbA:0} dBA)."
            : "";
        if (_fault is { } fault && _faultOpenedRelay)
        {
            long end = fault.AtMs + fault.Fault.DurationMs;
            string when = now.TMs >= end
                ? $"{now.TMs - end} ms after the fault ended"
                : $"{now.TMs - fault.AtMs} ms after the fault began (the controller cleared it itself)";
            WorstRecoveryMs = Math.Max(WorstRecoveryMs ?? 0, Math.Max(0, now.TMs - end));
            Add(now.TMs, EntryKind.Recovery,
                $"RECOVERED: chips re-initialised and verified, music back {when}, at {Words.Level(now.SplDbA)} " +
                $"(rule S5: a safe level, never the level before).{capText}");
            _fault = null;
            return;
        }
        string timing = "";
        if (_plugAtMs is long plugged)
        {
            long dt = now.TMs - plugged;
            WorstMusicMs = Math.Max(WorstMusicMs ?? 0, dt);
            timing = $" {dt} ms after insertion";
            _plugAtMs = null;
        }
        Add(now.TMs, EntryKind.Recovery,
            $"Music starts{timing} at {Words.Level(now.SplDbA)} (gain {Words.Db(now.GainDb)} dB, attenuation {Words.Db(now.AttenuationDb)} dB) and ramps " +
            $"to min(safe default {scenario.Board.SafeDefaultDbA:0} dBA, cap) — rule S2: never the level used before.{capText}");
    }

    /// <summary>A new policy decision (one per measurement): print its reasons, the policy's own words.</summary>
    void ExplainReasons(long tMs, ISimulatedBoard board)
    {
        var texts = DecisionReasons.Latest(board);
        if (texts is null || ReferenceEquals(texts, _decision)) return;
        _decision = texts;
        Add(tMs, EntryKind.Controller, "Policy decision: " + texts[0]);
        foreach (var reason in texts.Skip(1)) Add(tMs, EntryKind.Controller, "  · " + reason);
    }

    static bool OnlyVolumeMoved(BoardSnapshot a, BoardSnapshot b) =>
        MusicExpectation.IsMusic(a) && MusicExpectation.IsMusic(b) && ScenarioRunner.SameState(a with { AttenuationDb = 0, SplDbA = null }, b with { AttenuationDb = 0, SplDbA = null });

    void FlushRamp()
    {
        if (_ramp is not { } r) return;
        _ramp = null;
        string direction = r.To.AttenuationDb > r.From.AttenuationDb ? "up" : "down";
        string how = r.Steps == 1
            ? $"jumps {direction} {Words.Db(r.From.AttenuationDb)} → {Words.Db(r.To.AttenuationDb)} dB at once"
            : $"moves {direction} {Words.Db(r.From.AttenuationDb)} → {Words.Db(r.To.AttenuationDb)} dB in {r.Steps} steps of at most {Words.Db(r.MaxStep).TrimStart('+')} dB (no pop)";
        string by = r.Steps == 1 ? "" : $" by {r.To.TMs} ms";
        Add(r.T, EntryKind.Level, $"Volume {how}: level {Words.Level(r.From.SplDbA)} → {Words.Level(r.To.SplDbA)}{by}.");
    }

    void Add(long t, EntryKind kind, string text)
    {
        if (kind != EntryKind.Level) FlushRamp();
        _entries.Add(new TimelineEntry(t, kind, text));
    }
}
