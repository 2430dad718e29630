namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// The console's commands for 'help' (one line each) and 'help COMMAND' (usage, what it does, an example). The order is
    /// the order 'help' lists them in. A new command adds its row here and its branch in ConsoleParser.
    /// </summary>
    public static class ConsoleHelp
    {
        private const string AnswerDetail =
            "ok confirms the step selftest or calibrate asked for; cancel stops it (nothing measured is kept).";

        // Words and Details pair up one to one; Lines is the 'help' list (ok and cancel share a line).
        private static readonly string[] Words =
        {
            "help", "status", "version", "vol", "mute", "unmute", "limit", "default", "profile", "set", "dose", "save", "chip",
            "selftest", "calibrate", "ok", "cancel", "safemode",
        };

        private static readonly string[] Lines =
        {
            "help [command]            this list, or one command in detail",
            "status                    settings, storage and what the amplifier is doing",
            "version                   firmware and nanoFramework package versions",
            "vol +N|-N                 volume in 1 dB steps, always within the cap",
            "mute                      mute (a second mute changes nothing)",
            "unmute                    back to the level before the mute, never above the cap",
            "limit <60..100>           highest programme level in dBA (default 85)",
            "default <60..80>          level every insertion starts at, in dBA (default 70)",
            "profile add|use|list|del  headphone profiles (name, impedance, sensitivity; use: from the built-in table)",
            "set ackLimitDbA <85..100> the acknowledged tier's limit in dBA (default 100; long press only)",
            "dose                      weekly sound dose: percent, hours left at this level, last 7 days",
            "save                      store the settings (two copies with CRC)",
            "chip DS1882|PT2258        volume chip fitted (used from the next start)",
            "selftest                  check the board: chips, relays, sense circuit (unplug first)",
            "calibrate                 factory calibration of the sense circuit (unplug first)",
            "ok | cancel               answer a step of selftest or calibrate",
            "safemode off              leave safe mode after repeated crashes (starts again muted)",
        };

        private static readonly string[] Details =
        {
            "help lists the commands; 'help vol' explains one. Words are separated by spaces, case does not matter, "
                + "a line holds at most 80 characters of printable ASCII.",
            "status: limit, safe default, chip, profiles, whether the settings are saved, and the amplifier's state: level "
                + "in dBA (with a full-scale programme signal) and the attenuator in dB, the cap, the gain.",
            "version: this firmware's version and the nanoFramework packages it was built against; on the device also the "
                + "runtime image (flash the image that matches, docs/flashing.md).",
            "vol +N or vol -N (N = 1..60): moves the volume by N dB. It stops at the cap: the console cannot make it "
                + "louder than the knob can (S4, S11). Example: vol +3",
            "mute: mutes the attenuator. The mute is kept across a reboot.",
            "unmute: ramps back to the level before the mute, never above the cap.",
            "limit N (60..100 dBA): the highest programme level. Lowering it holds at once (the headphone is measured again "
                + "and starts at the safe default). Above 85 dBA it is stored for the acknowledged tier: only a long press at "
                + "the amplifier may go above 85 dBA (S12). Example: limit 80",
            "default N (60..80 dBA, at most the limit): the level every insertion starts at (S2). Example: default 65",
            "profile add NAME OHM SENS UNIT: a headphone's nominal impedance and sensitivity in dB/mW (20..150) or dB/V "
                + "(60..160), which must also fit the other unit's range at that impedance; a name with spaces goes in double quotes. A matching profile is only offered: the long press at "
                + "the amplifier confirms it (S12). Example: profile add \"HD 600\" 300 97 dB/mW. profile list shows them, "
                + "profile del NAME removes one. profile use MODEL takes impedance and sensitivity from the built-in table of "
                + "headphones (case and spaces do not matter; unknown names get the closest ones), e.g. profile use hd600.",
            "set ackLimitDbA N (85..100 dBA, default 100): the limit of the acknowledged tier. At the cap, turning further "
                + "warns (LED 1 blinks); a long press (1.5 s) at the amplifier within 10 s then allows up to this level until "
                + "removal, a fault, a reboot, 20 h of listening or 100 % dose (S12). The console never unlocks it. Example: set ackLimitDbA 90",
            "dose: the weekly sound dose after ITU-T H.870 (80 dBA for 40 h in 7 days is 100 %), kept over power cuts; the "
                + "hours at the level now playing until 100 %, and the last 7 days per day. From 100 % LED 2 is on and the "
                + "acknowledged tier ends (S13).",
            "save: stores the settings in two copies with a CRC (S9). Edits are lost at the next start without it.",
            "chip DS1882 or chip PT2258: the volume chip on this board; used from the next start (then 'save').",
            "selftest: unplug the headphone first. Scans I2C, reads the chips back, toggles the expander pins, the sense "
                + "relay and the output relay with the attenuator muted and checks each with the sense circuit, checks the "
                + "ADC and the calibration, free memory and tick time; prints a pass/fail table; ends in the safe state.",
            "calibrate: unplug the headphone first. Asks for the 10, 100 and 470 ohm calibration plugs (0.1 %) in turn; "
                + "type ok when each is in. Measures each eight times, refuses unsettled or out-of-window readings, stores "
                + "the constants in two copies with a CRC and reports them with the residual error.",
            AnswerDetail,
            AnswerDetail,
            "safemode off: after repeated crashes the amplifier stays muted in safe mode (S8); this clears the count and "
                + "starts again from the safe state.",
        };

        /// <summary>The 'help' list.</summary>
        public static string Summary()
        {
            string text = "";
            for (int i = 0; i < Lines.Length; i++) text += (i > 0 ? "\n" : "") + Lines[i];
            return text;
        }

        /// <summary>One command in detail, or null when <paramref name="word"/> is no command (lower case).</summary>
        public static string? Detail(string word)
        {
            int i = IndexOf(word);
            return i < 0 ? null : Details[i];
        }

        public static bool IsCommand(string word)
        {
            return IndexOf(word) >= 0;
        }

        /// <summary>The command words in 'help' order, for error messages.</summary>
        public static string CommandWords()
        {
            string text = "";
            for (int i = 0; i < Words.Length; i++) text += (i > 0 ? " " : "") + Words[i];
            return text;
        }

        private static int IndexOf(string word)
        {
            for (int i = 0; i < Words.Length; i++)
                if (Words[i] == word) return i;
            return -1;
        }
    }
}
