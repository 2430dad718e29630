namespace AmpController.Core.Control
{
    /// <summary>
    /// Every state the controller can be in, sub-states included (issue 17): the controller is in exactly one phase, and
    /// each phase belongs to one <see cref="ControllerState"/>, whose name the trace shows (docs/design.md §7). Transitions
    /// between phases are listed in <see cref="ControllerTransitions"/>, drawn in docs/controller-states.md.
    /// </summary>
    public enum ControllerPhase
    {
        /// <summary>Power-up (S1): relay open; waits out the chip's power-up window, then initialises and reads back.</summary>
        SafeStart = 0,
        Unplugged = 1,
        /// <summary>Jack switch closed, waiting for it to stay closed (insertion debounce).</summary>
        Debounce = 2,
        /// <summary>Impedance measurement: relay open, attenuator muted, sense relay closed.</summary>
        Measuring = 3,
        /// <summary>A load that may not play (short, open, line, uncertain, S7): relay open, measured again every 500 ms.</summary>
        NoLoad = 4,
        /// <summary>Configuring, for a confirmed profile's gain (S12): attenuator muted and relay opened; the gain
        /// relays switch at the next tick, once the output relay has released (S3).</summary>
        OpeningForGain = 5,
        /// <summary>Configuring: attenuator muted, gain relays switched, both chips read back (S1, S3); the relay stays
        /// open until the next tick so the gain relays have settled before the output connects.</summary>
        SwitchingGain = 6,
        /// <summary>Configuring: relay closed onto the muted attenuator; un-mutes after the contacts settled.</summary>
        RelaySettling = 7,
        /// <summary>Level rising by a bounded step per tick to the user's level (S2).</summary>
        RampUp = 8,
        Playing = 9,
        /// <summary>Playing with the listener's mute on: relay closed, attenuator muted; turns move the level to come back to.</summary>
        PlayingMuted = 10,
        /// <summary>A fault was seen this tick: relay opened, attenuator muted as far as it answers (S5).</summary>
        Fault = 11,
        /// <summary>Relay open, re-initialising the chips with back-off.</summary>
        Recovering = 12,
        /// <summary>The chips answered; one may have just powered up and ignore writes (PT2258): initialised once more
        /// after its power-up window before anything continues.</summary>
        RecoverySettling = 13,
        /// <summary>Boot loop detected (S8): muted, relay open, console only.</summary>
        SafeMode = 14,
    }

    public static class ControllerPhases
    {
        /// <summary>Number of phases (the enum's values are 0 .. Count − 1).</summary>
        public const int Count = 15;

        private static readonly ControllerState[] Parents =
        {
            ControllerState.SafeStart, ControllerState.Unplugged, ControllerState.Debounce, ControllerState.Measuring,
            ControllerState.NoLoad, ControllerState.Configuring, ControllerState.Configuring, ControllerState.Configuring,
            ControllerState.RampUp, ControllerState.Playing, ControllerState.Playing, ControllerState.Fault,
            ControllerState.Recovering, ControllerState.Recovering, ControllerState.SafeMode,
        };

        private static readonly string[] Names =
        {
            "safeStart", "unplugged", "debounce", "measuring", "noLoad", "openingForGain", "switchingGain", "relaySettling",
            "rampUp", "playing", "playingMuted", "fault", "recovering", "recoverySettling", "safeMode",
        };

        /// <summary>The state a phase belongs to (its name is the trace's).</summary>
        public static ControllerState Parent(ControllerPhase phase)
        {
            int i = (int)phase;
            return i >= 0 && i < Count ? Parents[i] : ControllerState.SafeStart;
        }

        /// <summary>The phase's own name (the state diagram's; equal to the parent's name for a phase without siblings).</summary>
        public static string Name(ControllerPhase phase)
        {
            int i = (int)phase;
            return i >= 0 && i < Count ? Names[i] : "unknown";
        }
    }
}
