using System.Collections.Generic;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;

namespace AmpController.Tests.Control;

// Minimal doubles for the state-machine unit tests. The property tests use the simulated board instead.

internal sealed class FakeClock : IClock
{
    public long NowMs { get; set; }
}

internal sealed class FakePin : IDigitalInput
{
    public bool Level;
    public bool Read() => Level;
}

internal sealed class FakeRelay : IDigitalOutput
{
    public bool Closed;
    public int Writes;
    /// <summary>Every open-to-closed transition, even one undone later in the same tick.</summary>
    public int Closings;
    public void Write(bool high) { if (high && !Closed) Closings++; Closed = high; Writes++; }
}

internal sealed class FakeVolume : IVolumeChip
{
    public string Name => "fake";
    public int MinDb => -62;
    public bool Muted = true;
    public int Level = -62;
    public int FailNext;              // next N calls fail with BusError
    public DeviceStatus VerifyResult = DeviceStatus.Ok;
    public int Inits, Verifies, SetCalls;
    public readonly List<int> Written = new();

    private DeviceStatus Fail() { if (FailNext > 0) { FailNext--; return DeviceStatus.BusError; } return DeviceStatus.Ok; }

    public DeviceStatus Initialize() { Inits++; var s = Fail(); if (s == DeviceStatus.Ok) { Muted = true; VerifyResult = DeviceStatus.Ok; } return s; }
    public DeviceStatus SetLevels(int l, int r)
    {
        SetCalls++;
        if (l < MinDb || l > 0 || r != l) return DeviceStatus.Rejected;
        var s = Fail(); if (s != DeviceStatus.Ok) return s;
        Level = l; Muted = false; Written.Add(l); return s;
    }
    public DeviceStatus Mute() { var s = Fail(); if (s == DeviceStatus.Ok) Muted = true; return s; }
    public DeviceStatus Verify() { Verifies++; var s = Fail(); return s != DeviceStatus.Ok ? s : VerifyResult; }
}

internal sealed class FakeSwitches : IBoardSwitches
{
    private readonly FakeRelay _relay;
    private readonly FakeVolume _volume;
    public int GainStep;
    public bool SenseRelay;
    public int FailNext;
    public int GainChanges;
    public int S3Violations;
    public DeviceStatus VerifyResult = DeviceStatus.Ok;

    public FakeSwitches(FakeRelay relay, FakeVolume volume) { _relay = relay; _volume = volume; }

    private DeviceStatus Fail() { if (FailNext > 0) { FailNext--; return DeviceStatus.BusError; } return DeviceStatus.Ok; }
    public DeviceStatus Initialize() { var s = Fail(); if (s == DeviceStatus.Ok) { GainStep = 0; SenseRelay = false; VerifyResult = DeviceStatus.Ok; } return s; }
    public DeviceStatus SetGainStep(int step)
    {
        if (step < 0 || step > 2) return DeviceStatus.Rejected;
        var s = Fail(); if (s != DeviceStatus.Ok) return s;
        if (_relay.Closed || !_volume.Muted) S3Violations++;
        if (step != GainStep) GainChanges++;
        GainStep = step; return s;
    }
    public DeviceStatus SetSenseRelay(bool closed) { var s = Fail(); if (s == DeviceStatus.Ok) SenseRelay = closed; return s; }
    public DeviceStatus SetLeds(int mask) => Fail();
    public DeviceStatus Verify() { var s = Fail(); return s != DeviceStatus.Ok ? s : VerifyResult; }
}

internal sealed class FakeSensor : IImpedanceSensor
{
    public int DurationMs = 30;
    public bool Running;
    public bool NeverFinishes;
    public int Starts, Stops;
    public long StartedAt;
    public bool StartedWithRelayClosed;
    public FakeRelay? Relay;
    public SenseResult Next = Headphone(32);

    public static SenseResult Headphone(double ohm) => new() { LeftOhm = ohm, RightOhm = ohm, LeftClass = LoadClass.Headphone, RightClass = LoadClass.Headphone, Class = LoadClass.Headphone };
    public static SenseResult Of(LoadClass c) => new() { LeftClass = c, RightClass = c, Class = c };

    public SenseResult Result { get; private set; } = new();
    public void Start(long nowMs) { Starts++; Running = true; StartedAt = nowMs; if (Relay != null && Relay.Closed) StartedWithRelayClosed = true; }
    public bool Poll(long nowMs)
    {
        if (!Running || NeverFinishes || nowMs - StartedAt < DurationMs) return false;
        Running = false; Result = Next; return true;
    }
    public void Stop() { Stops++; Running = false; }
}

/// <summary>A policy double: headphones get gain step 1, cap -10, safe start -30; anything unconfirmed gets the lowest gain and a lower cap; short/open never play.</summary>
internal sealed class FakePolicy : ICapPolicy
{
    public int CapDb = -10, SafeStartDb = -30, GainStep = 1, GainDb = 0;
    public int Calls;
    public LoadClass LastClass;
    public void Decide(SenseResult sense, GainDecision into)
    {
        Calls++;
        LastClass = sense.Class;
        into.MayPlay = sense.Class != LoadClass.Short && sense.Class != LoadClass.Open;
        bool sure = sense.Confirmed;
        into.GainStep = sure ? GainStep : 0;
        into.GainDb = sure ? GainDb : -20;
        into.CapDb = sure ? CapDb : CapDb - 10;
        into.SafeStartDb = sure ? SafeStartDb : SafeStartDb - 10;
    }
}

/// <summary>The controller on doubles, with a 10 ms tick.</summary>
internal sealed class Rig
{
    public readonly FakeClock Clock = new();
    public readonly FakeRelay Relay = new();
    public readonly FakeVolume Volume = new();
    public readonly FakeSwitches Switches;
    public readonly FakeSensor Sensor = new();
    public readonly FakePin Jack = new(), A = new() { Level = true }, B = new() { Level = true }, Button = new();
    public readonly FakePolicy Policy = new();
    public readonly FakeBus Bus = new();
    public readonly Controller Controller;

    /// <summary>The PT2258 board's supply supervisor output (true = good); only wired when the rig is supervised.</summary>
    public readonly FakePin Supply = new() { Level = true };

    public Rig(Core.Supervision.SoftwareWatchdog? watchdog = null, Core.Supervision.BootLoopGuard? guard = null, bool supervised = false,
        IMuteMemory? muteMemory = null)
    {
        Switches = new FakeSwitches(Relay, Volume);
        Sensor.Relay = Relay;
        var ports = new ControllerPorts(Clock, Volume, Switches, Sensor, Relay, Jack, A, B, Button)
            { Bus = Bus, VolumeSupplyGood = supervised ? Supply : null, MuteMemory = muteMemory };
        Controller = new Controller(ports, Policy, watchdog, guard);
    }

    public void Tick(int n = 1)
    {
        for (int i = 0; i < n; i++) { Clock.NowMs += ControllerTiming.TickMs; Controller.Tick(); }
    }

    /// <summary>Ticks until the predicate holds; returns the elapsed ms, or -1 after the limit.</summary>
    public long TickUntil(System.Func<bool> done, int limitMs = 5000)
    {
        long start = Clock.NowMs;
        while (!done()) { if (Clock.NowMs - start > limitMs) return -1; Tick(); }
        return Clock.NowMs - start;
    }

    public void Boot() => TickUntil(() => Controller.State == ControllerState.Unplugged);

    public void PlugAndPlay()
    {
        Jack.Level = true;
        TickUntil(() => Controller.State == ControllerState.Playing);
    }

    /// <summary>Boots, plays, lets the volume chip report a reset and ticks until the relay opened and the first
    /// re-initialisation ran. Returns the initialisation count before that re-initialisation.</summary>
    public int PlayThenResetChipUntilFirstReinit()
    {
        Boot();
        PlugAndPlay();
        Volume.VerifyResult = DeviceStatus.ChipReset;
        TickUntil(() => !Relay.Closed);
        int inits = Volume.Inits;
        TickUntil(() => Volume.Inits == inits + 1);
        return inits;
    }

    /// <summary>One full detent: A leads B for louder (+1), each state held for one sample.</summary>
    public void Detent(int direction)
    {
        var seq = direction > 0 ? new[] { (false, true), (false, false), (true, false), (true, true) }
                                : new[] { (true, false), (false, false), (false, true), (true, true) };
        foreach (var (a, b) in seq) { A.Level = a; B.Level = b; Controller.SampleInputs(); }
    }
}

internal sealed class FakeBus : IRegisterBus
{
    public int Recovers;
    public bool RecoverResult = true;
    public BusResult Write(int address, byte[] data, int count) => BusResult.Full(count);
    public BusResult Read(int address, byte[] into, int count) => BusResult.Full(count);
    public BusResult WriteRead(int address, byte[] data, int writeCount, byte[] into, int readCount) => BusResult.Full(writeCount + readCount);
    public bool Recover() { Recovers++; return RecoverResult; }
}

internal sealed class MemoryStore : IFileStore
{
    public readonly Dictionary<string, byte[]> Files = new();
    public byte[]? ReadAll(string name) => Files.TryGetValue(name, out var d) ? (byte[])d.Clone() : null;
    public bool WriteAll(string name, byte[] data) { Files[name] = (byte[])data.Clone(); return true; }
}
