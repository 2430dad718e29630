using System;
using System.Collections.Generic;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.LoadWatch;
using AmpController.Core.Sensing;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>
/// S12 at the edges, on the controller with doubles and an exact clock: when the offer counts as shown, which press
/// answers it, the blink's phase, the offer state after each decision and after a fault, the load watch told of the
/// confirmation, and the silent reason outside noLoad. <see cref="OfferBench"/> is also used by InsertionToPlayingTests.
/// </summary>
[TestClass]
public class ProfileOfferEdgeTests
{
    /// <summary>The tick at which a fresh bench, plugged after boot, first ramps (the tick the offer is first shown).</summary>
    static long FirstRampTick()
    {
        var dry = new OfferBench();
        dry.Boot();
        dry.Jack.Level = true;
        dry.TickUntil(() => dry.Controller.Phase == ControllerPhase.RampUp);
        return dry.Clock.NowMs;
    }

    /// <summary>Plugs, starts the press so that its debounced start is at <paramref name="pressStartMs"/>, holds 1.6 s.</summary>
    static OfferBench PlugAndHoldFrom(long pressStartMs)
    {
        var bench = new OfferBench();
        bench.Boot();
        bench.Jack.Level = true;
        bench.TickUntil(() => bench.Clock.NowMs == pressStartMs - ControllerTiming.ButtonDebounceMs - ControllerTiming.TickMs);
        bench.Button.Level = true; // the button's debouncer takes it ButtonDebounceMs later, at pressStartMs
        bench.TickUntil(() => bench.Clock.NowMs >= pressStartMs + ButtonGestureLongMs + 100);
        return bench;
    }

    const int ButtonGestureLongMs = AmpController.Core.Input.ButtonGesture.LongPressMs;

    [TestMethod]
    public void S12_a_press_that_begins_in_the_tick_the_offer_is_first_shown_confirms_it()
    {
        long shown = FirstRampTick();
        var bench = PlugAndHoldFrom(shown);
        Assert.AreEqual(ProfileOfferState.Confirmed, bench.Controller.OfferState,
            $"a press that began at {shown} ms, the tick the LED first showed the offer, answers it");
    }

    [TestMethod]
    public void S12_a_press_that_begins_while_the_relay_settles_before_the_offer_is_shown_confirms_nothing()
    {
        long shown = FirstRampTick();
        var bench = PlugAndHoldFrom(shown - ControllerTiming.TickMs);
        Assert.AreEqual(ProfileOfferState.Offered, bench.Controller.OfferState,
            "the offer is shown only once the relay closed and the level ramps: a press begun a tick earlier is no answer");
        Assert.AreEqual(ControllerState.Playing, bench.Controller.State, "playing on at the worst-case cap");
        Assert.AreEqual(bench.Policy.CapDb, bench.Controller.CapDb, "the worst-case cap still holds");
    }

    [TestMethod]
    public void S12_a_long_press_that_completes_during_the_ramp_confirms_the_offer()
    {
        var bench = new OfferBench();
        bench.Boot();
        bench.PlugUntilPlaying();
        bench.Controller.RequestMute(true);
        bench.Tick();
        Assert.AreEqual(ControllerPhase.PlayingMuted, bench.Controller.Phase, "muted first");
        bench.Button.Level = true;
        long pressStart = bench.Clock.NowMs + ControllerTiming.TickMs + ControllerTiming.ButtonDebounceMs;
        long fires = pressStart + ButtonGestureLongMs;
        bench.TickUntil(() => bench.Clock.NowMs == fires - 2 * ControllerTiming.TickMs);
        bench.Controller.RequestMute(false); // the un-mute ramps during the tick before the long press fires
        bench.Tick();
        Assert.AreEqual(ControllerPhase.RampUp, bench.Controller.Phase, "ramping when the hold reaches 1.5 s");
        Assert.AreEqual(ProfileOfferState.Offered, bench.Controller.OfferState, "not yet confirmed");
        bench.Tick();
        Assert.AreEqual(fires, bench.Clock.NowMs, "the bench's timing");
        Assert.AreEqual(ProfileOfferState.Confirmed, bench.Controller.OfferState, "the long press confirms while ramping");
        Assert.AreEqual(bench.Policy.OfferCapDb, bench.Controller.CapDb, "the profile's cap is in force");
    }

    [TestMethod]
    public void S12_the_offer_LED_is_on_in_the_even_half_periods_of_the_clock_and_off_in_the_odd_ones()
    {
        var bench = new OfferBench();
        bench.Boot();
        bench.PlugUntilPlaying();
        for (int t = 0; t < 1000; t += ControllerTiming.TickMs)
        {
            bench.Tick();
            bool on = (bench.Leds.Mask & Controller.ProfileLedMask) != 0;
            bool even = bench.Clock.NowMs / Controller.OfferBlinkHalfPeriodMs % 2 == 0;
            Assert.AreEqual(even, on, $"LED 0 at {bench.Clock.NowMs} ms");
        }
    }

    [TestMethod]
    public void S12_a_decision_without_a_matching_profile_offers_nothing()
    {
        var bench = new OfferBench(new OfferPolicy { Offer = false });
        bench.Boot();
        bench.PlugUntilPlaying();
        bench.Tick(60);
        Assert.AreEqual(ProfileOfferState.None, bench.Controller.OfferState, "no profile matches: nothing offered");
        Assert.AreEqual(0, bench.Leds.Mask & Controller.ProfileLedMask, "LED 0 stays off");
    }

    [TestMethod]
    public void S5_S12_a_fault_while_nothing_is_offered_offers_nothing_after_the_recovery()
    {
        var bench = new OfferBench(new OfferPolicy { Offer = false });
        bench.Boot();
        bench.PlugUntilPlaying();
        int faults = bench.Controller.FaultCount;
        bench.Volume.VerifyResult = DeviceStatus.ChipReset;
        Assert.IsTrue(bench.TickUntil(() => bench.Controller.FaultCount > faults, 200) >= 0, "the readback finds the reset");
        Assert.IsTrue(bench.TickUntil(() => bench.Controller.State == ControllerState.Playing, 5000) >= 0, "recovered");
        bench.Tick(60);
        Assert.AreEqual(ProfileOfferState.None, bench.Controller.OfferState, "a fault offers nothing that was not offered");
        Assert.AreEqual(0, bench.Leds.Mask & Controller.ProfileLedMask, "LED 0 stays off");
    }

    [TestMethod]
    public void S5_S12_a_fault_after_a_confirmation_puts_back_the_worst_case_decision_of_this_insertion()
    {
        var bench = new OfferBench();
        bench.Boot();
        bench.PlugUntilPlaying();
        bench.Button.Level = true;
        bench.Tick((ButtonGestureLongMs + 100) / ControllerTiming.TickMs);
        Assert.AreEqual(bench.Policy.OfferCapDb, bench.Controller.CapDb, "confirmed: the profile's cap");
        bench.Button.Level = false;
        bench.Tick(3);
        int faults = bench.Controller.FaultCount;
        bench.Volume.VerifyResult = DeviceStatus.ChipReset;
        Assert.IsTrue(bench.TickUntil(() => bench.Controller.FaultCount > faults, 200) >= 0, "the readback finds the reset");
        Assert.IsTrue(bench.TickUntil(() => bench.Controller.State == ControllerState.Playing, 5000) >= 0, "recovered");
        Assert.AreEqual(ProfileOfferState.Offered, bench.Controller.OfferState, "offered again");
        Assert.AreEqual(bench.Policy.CapDb, bench.Controller.CapDb, "the worst-case cap is back");
        Assert.AreEqual(bench.Policy.GainStep, bench.Controller.Decision.GainStep, "the worst-case gain is back");
        Assert.AreEqual(bench.Policy.SafeStartDb, bench.Controller.Decision.SafeStartDb, "the worst-case safe start is back");
    }

    [TestMethod]
    public void S7_the_load_watch_is_told_whether_a_profile_is_confirmed()
    {
        var bench = new OfferBench();
        bench.Boot();
        bench.PlugUntilPlaying();
        bench.Tick(5);
        Assert.IsTrue(bench.Watch.Confirmed.Count > 0, "the watch hears the profile's state every tick it watches");
        CollectionAssert.DoesNotContain(bench.Watch.Confirmed, true, "offered only: the worst case's threshold");
        bench.Button.Level = true;
        bench.Tick((ButtonGestureLongMs + 100) / ControllerTiming.TickMs);
        Assert.AreEqual(ProfileOfferState.Confirmed, bench.Controller.OfferState, "confirmed");
        Assert.IsTrue(bench.Watch.Confirmed[^1], "confirmed: the watch flags the smaller change");
    }

    [TestMethod]
    public void S7_the_silent_reason_is_given_only_while_the_load_stays_silent_in_noLoad()
    {
        var bench = new OfferBench();
        bench.Sensor.Next = FakeSensor.Of(LoadClass.Short);
        bench.Boot();
        bench.Jack.Level = true;
        bench.TickUntil(() => bench.Controller.Phase == ControllerPhase.NoLoad);
        Assert.AreEqual(OfferPolicy.ShortReason, bench.Controller.SilentReason, "in noLoad: the policy's reason");
        bench.TickUntil(() => bench.Controller.Phase == ControllerPhase.Measuring);
        Assert.AreEqual("", bench.Controller.SilentReason, "measuring again: no reason given");
        bench.TickUntil(() => bench.Controller.Phase == ControllerPhase.NoLoad);
        bench.Jack.Level = false;
        bench.Tick();
        Assert.AreEqual(ControllerState.Unplugged, bench.Controller.State, "removed");
        Assert.AreEqual("", bench.Controller.SilentReason, "unplugged: no reason given");
    }
}

/// <summary>A policy double that offers a profile with the same gain step and a higher cap (S12), or none.</summary>
internal sealed class OfferPolicy : ICapPolicy
{
    public const string ShortReason = "SHORT_LOAD";
    public bool Offer = true;
    public int CapDb = -10, SafeStartDb = -30, GainStep = 1, OfferCapDb = -5;
    public bool AckAvailable;

    public void Decide(SenseResult sense, GainDecision into)
    {
        into.MayPlay = sense.Class != LoadClass.Short && sense.Class != LoadClass.Open;
        into.SilentReason = into.MayPlay ? "" : ShortReason;
        into.GainStep = GainStep;
        into.GainDb = 0;
        into.CapDb = CapDb;
        into.SafeStartDb = SafeStartDb;
        into.Offered = Offer && into.MayPlay;
        into.OfferName = Offer ? "P" : "";
        into.OfferGainStep = GainStep;
        into.OfferGainDb = 0;
        into.OfferCapDb = OfferCapDb;
        into.AckAvailable = AckAvailable;
        into.AckGainStep = GainStep;
        into.AckGainDb = 0;
        into.AckCapDb = 0;
        into.OfferAckAvailable = false;
    }
}

/// <summary>Records what the controller tells the load watch, and the phase of each update.</summary>
internal sealed class RecordingLoadWatch : ILoadWatch
{
    public Controller? Controller;
    public readonly List<(double Left, double Right)> Begins = new();
    public readonly List<ControllerPhase> UpdatePhases = new();
    public readonly List<bool> Confirmed = new();
    public void Begin(double leftOhm, double rightOhm) => Begins.Add((leftOhm, rightOhm));
    public void SetProfileConfirmed(bool confirmed) => Confirmed.Add(confirmed);
    public LoadWatchVerdict Update(long nowMs) { UpdatePhases.Add(Controller!.Phase); return LoadWatchVerdict.Same; }
}

/// <summary>The expander double, with the LED mask it was last written.</summary>
internal sealed class LedRecorder(FakeSwitches inner) : IBoardSwitches
{
    public readonly FakeSwitches Inner = inner;
    public int Mask;
    public DeviceStatus Initialize() => Inner.Initialize();
    public DeviceStatus SetGainStep(int step) => Inner.SetGainStep(step);
    public DeviceStatus SetSenseRelay(bool closed) => Inner.SetSenseRelay(closed);
    public DeviceStatus Verify() => Inner.Verify();
    public DeviceStatus SetLeds(int mask)
    {
        var s = Inner.SetLeds(mask);
        if (s == DeviceStatus.Ok) Mask = mask;
        return s;
    }
}

/// <summary>The controller on the doubles of Doubles.cs, with a load watch, the LEDs and an offering policy; 10 ms tick.</summary>
internal sealed class OfferBench
{
    public readonly FakeClock Clock = new();
    public readonly FakeRelay Relay = new();
    public readonly FakeVolume Volume = new();
    public readonly FakeSwitches Switches;
    public readonly LedRecorder Leds;
    public readonly FakeSensor Sensor = new();
    public readonly FakePin Jack = new(), A = new() { Level = true }, B = new() { Level = true }, Button = new();
    public readonly OfferPolicy Policy;
    public readonly RecordingLoadWatch Watch = new();
    public readonly Controller Controller;

    public OfferBench(OfferPolicy? policy = null, IMuteMemory? muteMemory = null)
    {
        Policy = policy ?? new OfferPolicy();
        Switches = new FakeSwitches(Relay, Volume);
        Leds = new LedRecorder(Switches);
        Sensor.Relay = Relay;
        var ports = new ControllerPorts(Clock, Volume, Leds, Sensor, Relay, Jack, A, B, Button)
            { MuteMemory = muteMemory, LoadWatch = Watch };
        Controller = new Controller(ports, Policy);
        Watch.Controller = Controller;
    }

    public void Tick(int n = 1)
    {
        for (int i = 0; i < n; i++) { Clock.NowMs += ControllerTiming.TickMs; Controller.Tick(); }
    }

    /// <summary>Ticks until the predicate holds; returns the elapsed ms, or -1 after the limit.</summary>
    public long TickUntil(Func<bool> done, int limitMs = 5000)
    {
        long start = Clock.NowMs;
        while (!done()) { if (Clock.NowMs - start > limitMs) return -1; Tick(); }
        return Clock.NowMs - start;
    }

    public void Boot() => TickUntil(() => Controller.State == ControllerState.Unplugged);

    public void PlugUntilPlaying()
    {
        Jack.Level = true;
        Assert.IsTrue(TickUntil(() => Controller.Phase == ControllerPhase.Playing) >= 0, "never played");
    }

    /// <summary>One full detent sampled between two ticks: A leads B for louder (+1).</summary>
    public void Detent(int direction)
    {
        var seq = direction > 0 ? new[] { (false, true), (false, false), (true, false), (true, true) }
                                : new[] { (true, false), (false, false), (false, true), (true, true) };
        foreach (var (a, b) in seq) { A.Level = a; B.Level = b; Controller.SampleInputs(); }
    }
}
