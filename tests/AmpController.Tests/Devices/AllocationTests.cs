using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Devices;

/// <summary>docs/design.md §3: the steady control tick must not allocate; the drivers' per-tick calls allocate nothing.</summary>
[TestClass]
public sealed class AllocationTests
{
    private static long AllocatedBy(Action tick)
    {
        for (int i = 0; i < 100; i++) tick();      // warm up (JIT, first-use paths)
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) tick();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [TestMethod]
    public void Volume_and_switch_drivers_do_not_allocate_per_call()
    {
        var rig = Rig.Initialized();
        int step = 0;
        long bytes = AllocatedBy(() =>
        {
            step = (step + 1) % 60;
            rig.Ds1882.SetLevels(-step, -(step / 2));
            rig.Ds1882.Verify();
            rig.Pt2258.SetLevels(-step, -step);
            rig.Pt2258.Verify();
            rig.Expander.SetLeds(step % 16);
            rig.Expander.SetGainStep(step % 3);
            rig.Expander.Verify();
            if (step == 0) { rig.Ds1882.Mute(); rig.Pt2258.Mute(); }
        });
        Assert.AreEqual(0L, bytes);
    }
}
