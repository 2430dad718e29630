using System;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Board;

/// <summary>User actions, fault injection and the snapshot of the real hardware state.</summary>
public sealed partial class SimulatedBoard
{
    public void Plug(HeadphoneLoad load)
    {
        ArgumentNullException.ThrowIfNull(load);
        bool switchWasClosed = Load != null && !Load.HalfInserted;
        Load = load;
        _sensor.Load = load;
        // The detect switch closes at full depth, chattering as the plug slides home; a half-inserted plug only
        // makes it flicker (see Tick).
        if (!switchWasClosed && !load.HalfInserted) _jack.Edge(1, 1);
        else if (load.HalfInserted) _jack.Edge(0, 1);
    }

    /// <summary>
    /// The source plays (default) or is silent (scenario `programme`). A <see cref="Plug"/> while plugged with the
    /// switch closed changes the load the detectors see without any jack event: a swap behind an adapter.
    /// </summary>
    public void SetProgrammeSilent(bool silent) => LoadWatch.Programme.Silent = silent;

    public void Unplug()
    {
        if (Load == null) return;
        Load = null;
        _sensor.Load = null;
        _jack.Edge(0, 1);
    }

    public void TurnEncoder(int detents) => Encoder.Turn(detents);

    /// <summary>A turn at <paramref name="detentsPerSecond"/> (the default is a brisk 125 detents/s), with contact bounce.</summary>
    public void TurnEncoder(int detents, int detentsPerSecond) => Encoder.Turn(detents, detentsPerSecond);

    public void PressMute() => PressButton(ButtonHoldMs);

    public void PressButton(int holdMs)
    {
        if (holdMs < 1) throw new ArgumentOutOfRangeException(nameof(holdMs), "a press lasts at least 1 ms");
        _button.Edge(1, holdMs);
        _button.Edge(0, 1);
    }

    public void InjectFault(FaultSpec fault)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (fault.Count < 0 || fault.DurationMs < 0) throw new ArgumentException("count and durationMs must be ≥ 0");
        switch (fault.Kind)
        {
            case BoardFaultKind.AdcSpike:
                _sensor.InjectSpikes(Math.Max(1, fault.Count));
                return;
            case BoardFaultKind.Stall:
                _stalled = true;
                _stalledUntilMs = fault.DurationMs > 0 ? Clock.NowMs + fault.DurationMs : -1;
                return;
            case BoardFaultKind.RuntimeHang:
                Runtime.Hang(fault.DurationMs);
                return;
            case BoardFaultKind.PowerCycle when fault.Device == FaultDevice.Board:
                PowerCycleBoard(fault.DurationMs);
                return;
        }
        Bus.Inject(AddressOf(fault.Device), BusFault(fault.Kind), Math.Max(1, fault.Count), fault.DurationMs);
        // A PT2258 has no reset pin: a reset is a supply dip, which its supervisor reports (Devices/Pt2258/README.md).
        if (fault.Device == FaultDevice.Volume && fault.Kind is BoardFaultKind.ChipReset or BoardFaultKind.PowerCycle)
            Supervisor?.SupplyDip(Clock.NowMs + fault.DurationMs);
    }

    /// <summary>Drops every pending injected fault (bus and sense); chip state, power and a stall are left alone.</summary>
    public void ClearFaults()
    {
        Bus.ClearFaults();
        _sensor.ClearSpikes();
    }

    private void PowerCycleBoard(int durationMs)
    {
        Relay.Release();
        Supervisor?.SupplyDip(Clock.NowMs + Math.Max(ControllerTiming.TickMs, durationMs));
        VolumeChip.PowerOnReset(Clock.NowMs);
        Expander.PowerOnReset(Clock.NowMs);
        _poweredOffUntilMs = Clock.NowMs + Math.Max(ControllerTiming.TickMs, durationMs);
    }

    private int AddressOf(FaultDevice device) => device switch
    {
        FaultDevice.Volume => VolumeChip.Address,
        FaultDevice.Expander => Expander.Address,
        _ => throw new ArgumentException($"fault device {device} is not on the I2C bus (volume, expander)"),
    };

    private static FaultKind BusFault(BoardFaultKind kind) => kind switch
    {
        BoardFaultKind.Nack => FaultKind.Nack,
        BoardFaultKind.StuckBus => FaultKind.StuckBus,
        BoardFaultKind.ChipReset => FaultKind.ChipReset,
        BoardFaultKind.BitFlip => FaultKind.BitFlip,
        BoardFaultKind.PowerCycle => FaultKind.PowerCycle,
        BoardFaultKind.PartialTransfer => FaultKind.PartialTransfer,
        BoardFaultKind.Missing => FaultKind.Missing,
        _ => throw new ArgumentException($"fault kind {kind} is not an I2C fault"),
    };

    public BoardSnapshot Snapshot()
    {
        double left = VolumeChip.AttenuationDb(0), right = VolumeChip.AttenuationDb(1);
        bool muted = VolumeChip.Muted;
        double louder = Math.Min(left, right);
        double attenuationDb = double.IsPositiveInfinity(louder) ? MutedAttenuationDb : -louder;
        double gainDb = Expander.GainDb;
        double? spl = Relay.Closed && Load != null ? BoardAcoustics.LouderEar(Load, gainDb, left, right) : null;
        Controller c = Controller;
        int? cap = c.HasDecision ? c.CapDb : null;
        string state = PoweredOff ? PoweredOffState : c.StateName;
        string? fault = PoweredOff ? null
            : c.State is ControllerState.Fault or ControllerState.Recovering ? FaultName(c.LastFault) : null;
        string? profile = PoweredOff || c.ConfirmedProfile.Length == 0 ? null : c.ConfirmedProfile;
        string? offer = PoweredOff || c.OfferedProfile.Length == 0 ? null : c.OfferedProfile;
        string tier = PoweredOff ? "default" : c.TierName;
        return new BoardSnapshot(Clock.NowMs, state, Relay.Closed, gainDb, attenuationDb, muted, cap, spl, fault, profile, offer,
            tier, c.DosePercent, !PoweredOff && c.AckWarningActive);
    }

    /// <summary>Reported as the attenuation of a muted chip: one step below the deepest setting.</summary>
    public int MutedAttenuationDb => VolumeDriver.MinDb - 1;

    private static readonly string[] FaultNames = { "ok", "busError", "rejected", "mismatch", "chipReset", "notReady", "supplyLost" };

    public static string FaultName(DeviceStatus status)
    {
        int i = (int)status;
        return i >= 0 && i < FaultNames.Length ? FaultNames[i] : "unknown";
    }
}
