namespace AmpController.Core.Control
{
    /// <summary>One allowed change of phase and what causes it (the label the state diagram shows).</summary>
    public sealed class ControllerTransition
    {
        public readonly ControllerPhase From;
        public readonly ControllerPhase To;
        public readonly string Trigger;

        public ControllerTransition(ControllerPhase from, ControllerPhase to, string trigger)
        {
            From = from;
            To = to;
            Trigger = trigger;
        }
    }

    /// <summary>
    /// The controller's transition table (issue 17): every change of phase the controller makes is listed here, and the
    /// controller's one transition function (Controller.Go) refuses any other (it counts it and mutes into Fault instead:
    /// when in doubt, mute). docs/controller-states.md and .dot are generated from this table; a test fails when they are
    /// stale. "fault" is any failed I2C transfer or readback, a supply event (S5, S6) or a refused output write.
    /// </summary>
    public static class ControllerTransitions
    {
        private const string AnyFault = "fault";
        private const string Removal = "jack opened";
        private const string Reevaluate = "settings changed";

        private static readonly ControllerTransition[] Table =
        {
            T(ControllerPhase.SafeStart, ControllerPhase.Unplugged, "chips initialised and read back"),
            T(ControllerPhase.SafeStart, ControllerPhase.Fault, AnyFault),
            T(ControllerPhase.SafeStart, ControllerPhase.SafeMode, "boot loop (S8)"),

            T(ControllerPhase.Unplugged, ControllerPhase.Debounce, "jack closed"),
            T(ControllerPhase.Unplugged, ControllerPhase.Fault, AnyFault),

            T(ControllerPhase.Debounce, ControllerPhase.Measuring, "jack closed 40 ms"),
            T(ControllerPhase.Debounce, ControllerPhase.Unplugged, Removal),
            T(ControllerPhase.Debounce, ControllerPhase.Fault, AnyFault),

            T(ControllerPhase.Measuring, ControllerPhase.SwitchingGain, "decision may play"),
            T(ControllerPhase.Measuring, ControllerPhase.NoLoad, "load may not play (S7)"),
            T(ControllerPhase.Measuring, ControllerPhase.Unplugged, Removal),
            T(ControllerPhase.Measuring, ControllerPhase.Fault, AnyFault),

            T(ControllerPhase.NoLoad, ControllerPhase.Measuring, "500 ms, " + Reevaluate),
            T(ControllerPhase.NoLoad, ControllerPhase.Unplugged, Removal),
            T(ControllerPhase.NoLoad, ControllerPhase.Fault, AnyFault),

            T(ControllerPhase.OpeningForGain, ControllerPhase.SwitchingGain, "next tick (relay released)"),
            T(ControllerPhase.OpeningForGain, ControllerPhase.Measuring, Reevaluate),
            T(ControllerPhase.OpeningForGain, ControllerPhase.Unplugged, Removal),
            T(ControllerPhase.OpeningForGain, ControllerPhase.Fault, AnyFault),

            T(ControllerPhase.SwitchingGain, ControllerPhase.RelaySettling, "next tick (gain relays settled)"),
            T(ControllerPhase.SwitchingGain, ControllerPhase.Measuring, Reevaluate),
            T(ControllerPhase.SwitchingGain, ControllerPhase.Unplugged, Removal),
            T(ControllerPhase.SwitchingGain, ControllerPhase.Fault, AnyFault),

            T(ControllerPhase.RelaySettling, ControllerPhase.RampUp, "contacts settled"),
            T(ControllerPhase.RelaySettling, ControllerPhase.PlayingMuted, "contacts settled, listener muted"),
            T(ControllerPhase.RelaySettling, ControllerPhase.Measuring, Reevaluate),
            T(ControllerPhase.RelaySettling, ControllerPhase.Unplugged, Removal),
            T(ControllerPhase.RelaySettling, ControllerPhase.Fault, AnyFault),

            T(ControllerPhase.RampUp, ControllerPhase.Playing, "level reached"),
            T(ControllerPhase.RampUp, ControllerPhase.PlayingMuted, "short press"),
            T(ControllerPhase.RampUp, ControllerPhase.OpeningForGain, "long press: profile needs another gain"),
            T(ControllerPhase.RampUp, ControllerPhase.Measuring, "load changed, " + Reevaluate),
            T(ControllerPhase.RampUp, ControllerPhase.Unplugged, Removal),
            T(ControllerPhase.RampUp, ControllerPhase.Fault, AnyFault),

            T(ControllerPhase.Playing, ControllerPhase.PlayingMuted, "short press"),
            T(ControllerPhase.Playing, ControllerPhase.OpeningForGain, "long press: profile needs another gain"),
            T(ControllerPhase.Playing, ControllerPhase.Measuring, "load changed, " + Reevaluate),
            T(ControllerPhase.Playing, ControllerPhase.Unplugged, Removal),
            T(ControllerPhase.Playing, ControllerPhase.Fault, AnyFault),

            T(ControllerPhase.PlayingMuted, ControllerPhase.RampUp, "short press"),
            T(ControllerPhase.PlayingMuted, ControllerPhase.OpeningForGain, "long press: profile needs another gain"),
            T(ControllerPhase.PlayingMuted, ControllerPhase.Measuring, "load changed, " + Reevaluate),
            T(ControllerPhase.PlayingMuted, ControllerPhase.Unplugged, Removal),
            T(ControllerPhase.PlayingMuted, ControllerPhase.Fault, AnyFault),

            T(ControllerPhase.Fault, ControllerPhase.Recovering, "next tick"),
            T(ControllerPhase.Fault, ControllerPhase.Fault, "supply event"),

            T(ControllerPhase.Recovering, ControllerPhase.RecoverySettling, "chips answered"),
            T(ControllerPhase.Recovering, ControllerPhase.Fault, "supply event"),

            T(ControllerPhase.RecoverySettling, ControllerPhase.Recovering, "initialisation failed"),
            T(ControllerPhase.RecoverySettling, ControllerPhase.Unplugged, "confirmed, jack empty"),
            T(ControllerPhase.RecoverySettling, ControllerPhase.Debounce, "confirmed, plugged again"),
            T(ControllerPhase.RecoverySettling, ControllerPhase.SwitchingGain, "confirmed, resume at safe level (S5)"),
            T(ControllerPhase.RecoverySettling, ControllerPhase.Measuring, "confirmed, measure again"),
            T(ControllerPhase.RecoverySettling, ControllerPhase.Fault, "supply event"),

            T(ControllerPhase.SafeMode, ControllerPhase.SafeStart, "console: safemode off"),
        };

        // Bit n of AllowedTo[from] is set when the table lists from -> phase n (built once at start-up).
        private static readonly int[] AllowedTo = BuildMasks();

        public static int Count { get { return Table.Length; } }

        public static ControllerTransition At(int index)
        {
            return Table[index];
        }

        /// <summary>True when the table lists this change of phase.</summary>
        public static bool Allows(ControllerPhase from, ControllerPhase to)
        {
            int f = (int)from;
            int t = (int)to;
            if (f < 0 || f >= ControllerPhases.Count || t < 0 || t >= ControllerPhases.Count) return false;
            return (AllowedTo[f] & (1 << t)) != 0;
        }

        private static ControllerTransition T(ControllerPhase from, ControllerPhase to, string trigger)
        {
            return new ControllerTransition(from, to, trigger);
        }

        private static int[] BuildMasks()
        {
            int[] masks = new int[ControllerPhases.Count];
            for (int i = 0; i < Table.Length; i++) masks[(int)Table[i].From] |= 1 << (int)Table[i].To;
            return masks;
        }
    }
}
