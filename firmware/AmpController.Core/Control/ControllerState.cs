namespace AmpController.Core.Control
{
    /// <summary>The controller's states in plug-in order. Names for the trace come from <see cref="ControllerStates.Name"/>.</summary>
    public enum ControllerState
    {
        /// <summary>Power-up: relay open, chips being initialised and read back (S1).</summary>
        SafeStart = 0,
        Unplugged = 1,
        /// <summary>Jack switch closed, waiting for it to stay closed (insertion debounce).</summary>
        Debounce = 2,
        /// <summary>Impedance measurement with the output relay open.</summary>
        Measuring = 3,
        /// <summary>Short or open load: stays muted with the relay open, measures again now and then (S7).</summary>
        NoLoad = 4,
        /// <summary>Gain set while muted and relay open (S3), readback confirmed, relay closing.</summary>
        Configuring = 5,
        /// <summary>Relay closed, level rising by a bounded step per tick to min(safe start, cap, user level) (S2).</summary>
        RampUp = 6,
        Playing = 7,
        /// <summary>A fault was seen this tick: relay opened (S5).</summary>
        Fault = 8,
        /// <summary>Relay open, re-initialising the chips with back-off.</summary>
        Recovering = 9,
        /// <summary>Boot loop detected (S8): muted, relay open, console only.</summary>
        SafeMode = 10,
    }

    public static class ControllerStates
    {
        // Stable names: the trace contract (docs/design.md §7) and the tests rely on them.
        private static readonly string[] Names =
        {
            "safeStart", "unplugged", "debounce", "measuring", "noLoad", "configuring", "rampUp", "playing",
            "fault", "recovering", "safeMode",
        };

        public static string Name(ControllerState state)
        {
            int i = (int)state;
            return i >= 0 && i < Names.Length ? Names[i] : "unknown";
        }
    }
}
