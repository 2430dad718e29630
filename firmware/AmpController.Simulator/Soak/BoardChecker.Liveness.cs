using AmpController.Core.Control;
using AmpController.Core.Sensing;
using AmpController.Simulator.Board;

namespace AmpController.Simulator.Soak;

/// <summary>Liveness (issue 8): once faults stop, music is back within 1 s wherever the policy lets the load play.</summary>
public sealed partial class BoardChecker
{
    /// <summary>Clears every pending fault, lets a stall end (watchdog reboot) and power return, then music must be back within 1 s.</summary>
    public void StopFaultsAndCheckLiveness()
    {
        // Let the last faults be seen before clearing them: a hung loop (stall) sees nothing until it runs again.
        long hang = _board.NowMs + 5000;
        while ((_board.Stalled || _board.PoweredOff) && _board.NowMs < hang) Tick();
        for (int i = 0; i * 10 <= FaultToRelayOpenMs; i++) Tick();
        _board.ClearFaults();
        long guard = _board.NowMs + 5000;
        // The firmware sees the faults gone only once a transfer that was waiting for the native I2C timeout returns
        // (docs/design.md §3a; Runtime/DeviceRuntime): liveness counts from then.
        while ((_board.Stalled || _board.PoweredOff || _board.Bus.IsStuck || !_board.Runtime.CanRunManaged) && _board.NowMs < guard) Tick();
        while (_board.NowMs < _unpoweredUntilMs) Tick(); // a chip unpowered by a bus powerCycle is a fault until it is back
        // The listener's last input is over too: a knob still held may yet confirm a profile (gain change, relay open).
        while ((_board.MuteButton.Level || !_board.EncoderIdle) && _board.NowMs < guard + 5000) Tick();
        long stoppedAt = _board.NowMs;
        Note($"faults stopped at {stoppedAt} ms");
        // A load swapped behind an adapter may be seen by the load watch only now (the programme reveals it late, S7):
        // its new measurement is the last event, and music is owed 1 s after it (ControllerPropertyTests seed
        // 0Z7-edZz5YE1: the watch re-measured 900 ms after the faults stopped, the music came back 150 ms later).
        long ownedFrom = stoppedAt;
        int loadChanges = _board.Controller.LoadChangeCount;
        while (_board.NowMs < ownedFrom + LivenessMs)
        {
            Tick();
            if (_board.Controller.LoadChangeCount == loadChanges || _board.NowMs > stoppedAt + 5 * LivenessMs) continue;
            loadChanges = _board.Controller.LoadChangeCount;
            ownedFrom = _board.NowMs;
        }
        // Music is owed when the policy lets this load play: on an ideal reading and on the board's real last reading
        // (a reading near a class or table boundary may keep a load silent; that is the policy's call, not liveness).
        var last = _board.Policy.LastDecision;
        bool expectMusic = !_half && _loadKind is "headphone" or "mono"
            && _board.Controller.State != ControllerState.SafeMode && PolicyLetsItPlay(_board.Load!)
            && last != null && !last.Muted && last.SafeStartDb >= _board.VolumeDriver.MinDb && last.CapDb >= _board.VolumeDriver.MinDb;
        if (!expectMusic) return;
        BoardSnapshot s = _board.Snapshot();
        if (!(s.RelayClosed && (!s.Muted || _board.Controller.UserMuted)))
            Violation("liveness", $"no music {_board.NowMs - stoppedAt} ms after the faults stopped (state {s.State})");
    }

    /// <summary>
    /// Whether the safety policy lets this load play at all (it keeps a load silent when even the deepest step would
    /// be above the safe default with the sensitivity it must assume, e.g. a mono plug at a low safe default; a line
    /// input). Asked of a separate policy instance with the board's settings and an ideal reading of the load.
    /// </summary>
    private bool PolicyLetsItPlay(HeadphoneLoad load)
    {
        var policy = new SafetyCapPolicy(_board.Profile);
        _board.StoredSettings.ApplyTo(policy.Input);
        bool mono = _loadKind == "mono";
        var sense = new SenseResult
        {
            LeftOhm = load.LeftOhm, RightOhm = mono ? double.NaN : load.RightOhm,
            LeftClass = LoadClass.Headphone, RightClass = mono ? LoadClass.Short : LoadClass.Headphone,
            Class = mono ? LoadClass.Mono : LoadClass.Headphone,
        };
        var d = new GainDecision();
        policy.Decide(sense, d);
        return d.PlaysOn(_board.VolumeDriver.MinDb);
    }
}
