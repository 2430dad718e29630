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
}
