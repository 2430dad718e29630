using AmpController.Core.Input;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Input;

/// <summary>Short press = mute toggle on release; held 1500 ms = the S12 long press, once, while still held.</summary>
[TestClass]
public class ButtonGestureTests
{
    /// <summary>Feeds a press of holdMs from t = 100 ms at the 10 ms tick; returns the events with their times.</summary>
    static (ButtonEvent Event, long AtMs)[] Press(int holdMs)
    {
        var g = new ButtonGesture();
        var events = new System.Collections.Generic.List<(ButtonEvent, long)>();
        for (long t = 0; t <= 100 + holdMs + 500; t += 10)
        {
            var e = g.Update(t >= 100 && t < 100 + holdMs, t);
            if (e != ButtonEvent.None) events.Add((e, t));
        }
        return events.ToArray();
    }

    [TestMethod]
    [DataRow(10)]
    [DataRow(80)]
    [DataRow(1490)]
    public void S12_a_press_shorter_than_1500_ms_is_one_short_press_on_release(int holdMs)
    {
        var events = Press(holdMs);
        Assert.AreEqual(1, events.Length);
        Assert.AreEqual(ButtonEvent.ShortPress, events[0].Event);
        Assert.AreEqual(100 + holdMs + (holdMs % 10 == 0 ? 0 : 10 - holdMs % 10), events[0].AtMs, "on the first tick after the release");
    }

    [TestMethod]
    [DataRow(1500)]
    [DataRow(2000)]
    [DataRow(10_000)]
    public void S12_holding_1500_ms_is_one_long_press_at_1500_ms_and_the_release_does_nothing(int holdMs)
    {
        var events = Press(holdMs);
        Assert.AreEqual(1, events.Length);
        Assert.AreEqual(ButtonEvent.LongPress, events[0].Event);
        Assert.AreEqual(100 + ButtonGesture.LongPressMs, events[0].AtMs, "fires while still held, at exactly 1500 ms");
    }

    [TestMethod]
    public void The_long_press_is_the_1500_ms_of_docs_design_section_4_S12()
    {
        Assert.AreEqual(1500, ButtonGesture.LongPressMs);
    }

    /// <summary>Feeds the button's level at the 10 ms tick, skipping the ticks inside [stallFrom, stallTo) as a hung loop does.</summary>
    static (ButtonEvent Event, long AtMs)[] Sampled(System.Func<long, bool> pressedAt, long stallFrom, long stallTo, long endMs)
    {
        var g = new ButtonGesture();
        var events = new System.Collections.Generic.List<(ButtonEvent, long)>();
        for (long t = 0; t <= endMs; t += 10)
        {
            if (t >= stallFrom && t < stallTo) continue;
            var e = g.Update(pressedAt(t), t);
            if (e != ButtonEvent.None) events.Add((e, t));
        }
        return events.ToArray();
    }

    /// <summary>The controller's path: raw pin → Debouncer (ButtonDebounceMs) → gesture, at the given tick times only.</summary>
    static (ButtonEvent Event, long AtMs)[] Debounced(System.Func<long, bool> pressedAt, long[] ticks)
    {
        var button = new Debouncer(AmpController.Core.Control.ControllerTiming.ButtonDebounceMs, false);
        var g = new ButtonGesture();
        var events = new System.Collections.Generic.List<(ButtonEvent, long)>();
        foreach (long t in ticks)
        {
            button.Update(pressedAt(t), t);
            var e = g.Update(button.Value, t);
            if (e != ButtonEvent.None) events.Add((e, t));
        }
        return events.ToArray();
    }

    /// <summary>Soak seed 18's ticks: the 10 ms grid from 117,447,700 ms with the late ticks 117,449,290 and 117,449,320 missing.</summary>
    static long[] Seed18Ticks()
    {
        var ticks = new System.Collections.Generic.List<long>();
        for (long t = 117_447_700; t <= 117_451_000; t += 10)
            if (t != 117_449_290 && t != 117_449_320) ticks.Add(t);
        return ticks.ToArray();
    }

    [TestMethod]
    public void S12_a_press_just_short_of_1500_ms_seen_released_by_a_late_tick_is_short()
    {
        // Soak seed 18 (PressOp HoldMs 1486 at 117,447,800 ms while playing): debounced down at 117,447,830; the tick at
        // 117,449,320 came late, so the release was seen at 117,449,330, exactly 1500 ms on, and confirmed a profile.
        long start = 117_447_800;
        var events = Debounced(t => t > start && t < start + 1486, Seed18Ticks());
        Assert.AreEqual(1, events.Length, "one press, one event");
        Assert.AreEqual(ButtonEvent.ShortPress, events[0].Event, "a hold not proven to reach 1500 ms never confirms (S12)");
        Assert.AreEqual(117_449_330, events[0].AtMs);
        // The same late ticks do not spoil a press that is still held when 1500 ms are reached.
        var held = Debounced(t => t > start && t < start + 1520, Seed18Ticks());
        Assert.AreEqual(1, held.Length);
        Assert.AreEqual(ButtonEvent.LongPress, held[0].Event);
        Assert.AreEqual(117_449_330, held[0].AtMs);
    }

    [TestMethod]
    public void S12_a_release_seen_on_time_at_exactly_1500_ms_is_still_the_long_press()
    {
        // §7: "≥ 1500 ms = long": with every tick on time a 1500 ms hold is released at the tick it reaches 1500 ms.
        var ticks = new long[400];
        for (int i = 0; i < ticks.Length; i++) ticks[i] = i * 10L;
        var events = Debounced(t => t >= 100 && t < 1600, ticks);
        Assert.AreEqual(1, events.Length);
        Assert.AreEqual(ButtonEvent.LongPress, events[0].Event);
        // The same hold with the release tick one step late is not proven long: short.
        var late = Debounced(t => t >= 100 && t < 1600, System.Array.FindAll(ticks, t => t != 1620));
        Assert.AreEqual(1, late.Length);
        Assert.AreEqual(ButtonEvent.ShortPress, late[0].Event);
    }

    [TestMethod]
    public void S12_a_short_press_released_inside_a_stall_is_still_short_though_the_loop_sees_it_held_past_1500_ms()
    {
        // Soak seed 13: a 1,397 ms press released 37 ms into a 300 ms hang; the loop sees the release at 1,660 ms.
        var events = Sampled(t => t >= 100 && t < 1497, 1460, 1760, 3000);
        Assert.AreEqual(1, events.Length, "one press, one event");
        Assert.AreEqual(ButtonEvent.ShortPress, events[0].Event, "a press of unknown length never confirms (S12)");
        Assert.AreEqual(1760, events[0].AtMs);
    }

    [TestMethod]
    public void S12_two_presses_joined_by_a_stall_are_never_one_long_press()
    {
        // Soak seed 10: an 849 ms press released in a hang, the next press begun in the same hang and held 2 s.
        var events = Sampled(t => (t >= 100 && t < 949) || (t >= 1100 && t < 3100), 900, 1200, 4000);
        Assert.IsFalse(System.Array.Exists(events, e => e.Event == ButtonEvent.LongPress), "no long press across the gap");
        Assert.AreEqual(1, events.Length);
        Assert.AreEqual(ButtonEvent.ShortPress, events[0].Event);
    }

    [TestMethod]
    public void S12_a_press_after_a_stall_is_timed_from_the_first_tick_that_sees_it()
    {
        // Pressed inside the hang and held: the loop can only vouch for what it saw, 1500 ms after the hang ended.
        var events = Sampled(t => t >= 1000, 900, 1200, 4000);
        Assert.AreEqual(1, events.Length);
        Assert.AreEqual(ButtonEvent.LongPress, events[0].Event);
        Assert.AreEqual(1200 + ButtonGesture.LongPressMs, events[0].AtMs);
    }

    [TestMethod]
    public void S12_a_gap_up_to_the_limit_does_not_spoil_a_long_press_but_one_tick_more_does()
    {
        // A late tick (garbage collection, a slow transfer) of up to MaxSampleGapMs is part of a normal loop.
        var kept = Sampled(t => t >= 100 && t < 2500, 500, 500 + ButtonGesture.MaxSampleGapMs - 10, 3000);
        Assert.AreEqual(1, kept.Length);
        Assert.AreEqual(ButtonEvent.LongPress, kept[0].Event);
        var spoiled = Sampled(t => t >= 100 && t < 2500, 500, 500 + ButtonGesture.MaxSampleGapMs, 3000);
        Assert.AreEqual(1, spoiled.Length);
        Assert.AreEqual(ButtonEvent.ShortPress, spoiled[0].Event);
        Assert.AreEqual(100, ButtonGesture.MaxSampleGapMs, "ten 10 ms ticks: the S5 supervision bound of docs/design.md §4");
    }
}
