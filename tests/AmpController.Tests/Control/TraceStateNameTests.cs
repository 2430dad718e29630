using System.Collections.Generic;
using System.Linq;
using System;
using AmpController.Core.Control;
using AmpController.Core.Devices;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Core.Supervision;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Control;

/// <summary>The trace's state names (docs/design.md §7) are stable.</summary>
[TestClass]
public class TraceStateNameTests
{
    [TestMethod]
    public void State_names_are_stable_for_the_trace()
    {
        var expected = new[] { "safeStart", "unplugged", "debounce", "measuring", "noLoad", "configuring", "rampUp",
            "playing", "fault", "recovering", "safeMode" };
        for (int i = 0; i < expected.Length; i++) Assert.AreEqual(expected[i], ControllerStates.Name((ControllerState)i));
        Assert.AreEqual("unknown", ControllerStates.Name((ControllerState)99));
        Assert.AreEqual("unknown", ControllerStates.Name((ControllerState)(-1)));
    }

    [TestMethod]
    public void State_name_of_a_value_just_past_the_table_is_unknown()
    {
        int count = Enum.GetValues<ControllerState>().Length;
        Assert.AreEqual("unknown", ControllerStates.Name((ControllerState)count));
        Assert.AreEqual("unknown", ControllerStates.Name((ControllerState)(-1)));
    }
}
