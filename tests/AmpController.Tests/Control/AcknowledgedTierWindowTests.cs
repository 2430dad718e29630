using AmpController.Core.Control;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>
/// S12's window is for the BEGINNING of the long press (docs/safety.md S12, docs/design.md): a press begun within
/// <see cref="Controller.AckWarningWindowMs"/> after the warning unlocks the tier although its long-press event comes
/// 1,500 ms later, after the window; a press begun after the window does not. The LED blink stops at 10 s.
/// </summary>
public partial class AcknowledgedTierEdgeTests
{
    /// <summary>Warns at the cap, then holds the button from (debounced) <paramref name="msAfterWarning"/> for 1.6 s.</summary>
    private static TierRig PressBegunAfterWarning(int msAfterWarning, out long warnedAt)
    {
        var rig = new TierRig();
        rig.PlayAtCap();
        rig.Turn(1);
        warnedAt = rig.Clock.NowMs;
        Assert.IsTrue(rig.Controller.AckWarningActive, "warned at the cap");
        // The debounced press begins in the third tick after the pin went down.
        rig.Tick(msAfterWarning / ControllerTiming.TickMs - 3);
        rig.Button.Level = true;
        rig.Tick(3);
        Assert.AreEqual(warnedAt + msAfterWarning, rig.Clock.NowMs, "the press begins now");
        return rig;
    }

    [TestMethod]
    public void S12_a_long_press_begun_9_9_s_after_the_warning_unlocks_the_tier()
    {
        var rig = PressBegunAfterWarning(9900, out long warnedAt);
        rig.Tick(60);
        Assert.AreEqual(warnedAt + 10500, rig.Clock.NowMs);
        Assert.IsTrue(rig.Controller.AckWarningActive, "the warning stands while the press begun within 10 s is held");
        Assert.IsFalse(rig.Controller.Acknowledged, "not yet: the long press needs 1.5 s");
        for (int i = 0; i < 25; i++)
        {
            rig.Tick();
            Assert.IsFalse(rig.TierLed, $"the blink stopped at 10 s (at {rig.Clock.NowMs - warnedAt} ms)");
        }
        rig.Tick(65);
        Assert.AreEqual(warnedAt + 11400, rig.Clock.NowMs, "1.5 s after the press began");
        Assert.IsTrue(rig.Controller.Acknowledged, "the long press of a press begun 9.9 s after the warning unlocks the tier");
        Assert.AreEqual(-4, rig.Controller.CapDb, "the tier's cap");
        Assert.IsTrue(rig.TierLed, "LED 1 on in the tier");
    }

    [TestMethod]
    public void S12_a_long_press_begun_10_01_s_after_the_warning_does_not_unlock_the_tier()
    {
        var rig = PressBegunAfterWarning(10010, out _);
        Assert.IsFalse(rig.Controller.AckWarningActive, "a press begun after the window does not keep the warning");
        rig.Tick(160);
        rig.Button.Level = false;
        rig.Tick(10);
        Assert.IsFalse(rig.Controller.Acknowledged, "a press begun 10.01 s after the warning answers nothing");
        Assert.AreEqual(-10, rig.Controller.CapDb, "the default cap stays");
        Assert.IsFalse(rig.TierLed, "LED 1 off");
    }
}
