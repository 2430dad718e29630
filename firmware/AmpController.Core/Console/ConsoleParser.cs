using AmpController.Core.Acoustics;
using AmpController.Core.Devices;
using AmpController.Core.Storage;

namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// Turns one console line into a <see cref="ConsoleCommand"/>, or a one-line error (rule S10). Parsing never
    /// touches settings or hardware, so a rejected line cannot change anything. Commands and units ignore ASCII
    /// case; tokens are separated by spaces.
    /// </summary>
    public static class ConsoleParser
    {
        public const int MaxLineLength = 80;
        public const int MaxVolumeSteps = 60; // DS1882's 64-position range is 0 to -62 dB (docs/design.md §6)
        private const int MaxTokens = 6;      // "profile add NAME OHM SENS UNIT"

        public const string Usage =
            "help [command] | status | version | vol +N|-N | mute | unmute | limit <60..100> | default <60..80> | "
            + "profile add <name> <ohm> <sens> <dB/mW|dB/V> | profile use <model> | profile list | profile del <name> | "
            + "set ackLimitDbA <85..100> | save | chip DS1882|PT2258 | selftest | calibrate | ok | cancel | safemode off | dose";

        // Tokenize's answers besides a word count.
        private const int TooManyWords = -1;
        private const int OpenQuote = -2;
        private const int StrayQuote = -3;

        /// <summary>Fills <paramref name="command"/> and returns null, or returns the error text (no newline).</summary>
        public static string? Parse(string? line, ConsoleCommand command)
        {
            command.Clear();
            if (line == null) return null;
            line = StripTerminator(line);
            if (line.Length > MaxLineLength) return "line too long (at most " + MaxLineLength.ToString() + " characters)";
            for (int i = 0; i < line.Length; i++)
                if (line[i] < ' ' || line[i] > '~')
                    return "invalid character at column " + (i + 1).ToString() + " (printable ASCII only)";

            string[] tokens = new string[MaxTokens];
            int count = Tokenize(line, tokens);
            if (count == TooManyWords) return "too many words; commands: " + Usage;
            if (count == OpenQuote) return "a double quote is not closed; a name with spaces goes in quotes: \"HD 600\"";
            if (count == StrayQuote) return "double quotes go around a whole word only, e.g. profile del \"HD 600\"";
            if (count == 0) return null;

            // if-chain rather than a string switch: the compiler's hashed string switch is avoided on the device.
            string word = tokens[0].ToLower();
            if (word == "help") return Help(tokens, count, command);
            if (word == "status") return NoArguments(ConsoleCommandKind.Status, word, count, command);
            if (word == "version") return NoArguments(ConsoleCommandKind.Version, word, count, command);
            if (word == "selftest") return NoArguments(ConsoleCommandKind.SelfTest, word, count, command);
            if (word == "calibrate") return NoArguments(ConsoleCommandKind.Calibrate, word, count, command);
            if (word == "ok") return NoArguments(ConsoleCommandKind.Confirm, word, count, command);
            if (word == "cancel") return NoArguments(ConsoleCommandKind.Cancel, word, count, command);
            if (word == "save") return NoArguments(ConsoleCommandKind.Save, word, count, command);
            if (word == "mute") return NoArguments(ConsoleCommandKind.Mute, word, count, command);
            if (word == "unmute") return NoArguments(ConsoleCommandKind.Unmute, word, count, command);
            if (word == "dose") return NoArguments(ConsoleCommandKind.Dose, word, count, command);
            if (word == "set") return Set(tokens, count, command);
            if (word == "limit")
                return Level(ConsoleCommandKind.Limit, word, tokens, count, Settings.MinLimitDbA, Settings.MaxLimitDbA, command);
            if (word == "default")
                return Level(ConsoleCommandKind.SafeDefault, word, tokens, count, Settings.MinSafeDefaultDbA,
                    Settings.MaxSafeDefaultDbA, command);
            if (word == "chip") return Chip(tokens, count, command);
            if (word == "vol") return Volume(tokens, count, command);
            if (word == "profile") return Profile(tokens, count, command);
            if (word == "safemode") return SafeMode(tokens, count, command);
            return "unknown command '" + tokens[0] + "'; commands: " + ConsoleHelp.CommandWords() + " ('help' explains them)";
        }

        private static string StripTerminator(string line)
        {
            int end = line.Length;
            if (end > 0 && line[end - 1] == '\n') end--;
            if (end > 0 && line[end - 1] == '\r') end--;
            return end == line.Length ? line : line.Substring(0, end);
        }

        /// <summary>
        /// Splits on spaces into <paramref name="tokens"/>; a word in double quotes may hold spaces ("HD 600", quotes
        /// dropped). Returns the word count, or TooManyWords, OpenQuote (no closing quote) or StrayQuote (a quote inside a
        /// word or glued to the next one).
        /// </summary>
        private static int Tokenize(string line, string[] tokens)
        {
            int count = 0, i = 0;
            while (i < line.Length)
            {
                while (i < line.Length && line[i] == ' ') i++;
                if (i == line.Length) break;
                int start = i, end;
                if (line[i] == '"')
                {
                    start = ++i;
                    while (i < line.Length && line[i] != '"') i++;
                    if (i == line.Length) return OpenQuote;
                    end = i++;
                    if (i < line.Length && line[i] != ' ') return StrayQuote;
                }
                else
                {
                    while (i < line.Length && line[i] != ' ')
                        if (line[i++] == '"') return StrayQuote;
                    end = i;
                }
                if (count == tokens.Length) return TooManyWords;
                tokens[count++] = line.Substring(start, end - start);
            }
            return count;
        }

        private static string? Help(string[] tokens, int count, ConsoleCommand command)
        {
            if (count > 2) return "usage: help [command], e.g. help vol";
            if (count == 2)
            {
                string topic = tokens[1].ToLower();
                if (!ConsoleHelp.IsCommand(topic))
                    return "no command '" + tokens[1] + "'; commands: " + ConsoleHelp.CommandWords();
                command.Name = topic;
            }
            command.Kind = ConsoleCommandKind.Help;
            return null;
        }

        private static string? NoArguments(ConsoleCommandKind kind, string word, int count, ConsoleCommand command)
        {
            if (count != 1) return "'" + word + "' takes no arguments";
            command.Kind = kind;
            return null;
        }

        private static string? Level(ConsoleCommandKind kind, string word, string[] tokens, int count, int min, int max,
            ConsoleCommand command)
        {
            string usage = "usage: " + word + " <" + min.ToString() + ".." + max.ToString() + "> (dBA)";
            if (count != 2) return usage;
            if (!ConsoleNumbers.TryParseUnsigned(tokens[1], out int value))
                return "'" + tokens[1] + "' is not a whole number; " + usage;
            if (value < min || value > max)
                return word + " " + value.ToString() + " is out of range; " + usage;
            command.Kind = kind;
            command.Number = value;
            return null;
        }

        private static string? Chip(string[] tokens, int count, ConsoleCommand command)
        {
            const string usage = "usage: chip DS1882|PT2258";
            if (count != 2) return usage;
            VolumeChipKind? chip = VolumeChipKind.Named(tokens[1]);
            if (chip == null) return "unknown chip '" + tokens[1] + "'; " + usage;
            command.Chip = chip.Choice;
            command.Kind = ConsoleCommandKind.Chip;
            return null;
        }

        private static string? Volume(string[] tokens, int count, ConsoleCommand command)
        {
            string usage = "usage: vol +N|-N (N = 1.." + MaxVolumeSteps.ToString() + " steps of 1 dB)";
            if (count != 2) return usage;
            if (!ConsoleNumbers.TryParseSigned(tokens[1], out int steps)) return "'" + tokens[1] + "' is not +N or -N; " + usage;
            if (steps == 0 || steps > MaxVolumeSteps || steps < -MaxVolumeSteps) return "vol " + tokens[1] + " is out of range; " + usage;
            command.Kind = ConsoleCommandKind.Volume;
            command.Number = steps;
            return null;
        }

        private static string? SafeMode(string[] tokens, int count, ConsoleCommand command)
        {
            const string usage = "usage: safemode off";
            if (count != 2) return usage;
            if (tokens[1].ToLower() != "off") return "unknown safemode command '" + tokens[1] + "'; " + usage;
            command.Kind = ConsoleCommandKind.LeaveSafeMode;
            return null;
        }

        private static string? Profile(string[] tokens, int count, ConsoleCommand command)
        {
            const string usage = "usage: profile add <name> <ohm> <sens> <dB/mW|dB/V> | profile use <model> | profile list | profile del <name>";
            if (count < 2) return usage;
            string sub = tokens[1].ToLower();
            if (sub == "list")
            {
                if (count != 2) return "'profile list' takes no arguments";
                command.Kind = ConsoleCommandKind.ProfileList;
                return null;
            }
            if (sub == "del")
            {
                if (count != 3) return "usage: profile del <name>";
                if (!StoredProfile.IsValidName(tokens[2])) return NameError(tokens[2]);
                command.Kind = ConsoleCommandKind.ProfileDelete;
                command.Name = tokens[2];
                return null;
            }
            if (sub == "use") return ProfileUse(tokens, count, command);
            if (sub != "add") return "unknown profile command '" + tokens[1] + "'; " + usage;
            return ProfileAdd(tokens, count, command);
        }

        /// <summary>'profile use MODEL': the model's words (quoted or not) joined by single spaces; the table lookup ignores them.</summary>
        private static string? ProfileUse(string[] tokens, int count, ConsoleCommand command)
        {
            if (count < 3) return "usage: profile use <model>, e.g. profile use \"HD 600\" ('help profile' explains it)";
            string name = tokens[2];
            for (int i = 3; i < count; i++) name += " " + tokens[i];
            command.Kind = ConsoleCommandKind.ProfileUse;
            command.Name = name;
            return null;
        }

        /// <summary>'set KEY VALUE': the one key is ackLimitDbA (case ignored), 85..100.</summary>
        private static string? Set(string[] tokens, int count, ConsoleCommand command)
        {
            string usage = "usage: set ackLimitDbA <" + Settings.MinAckLimitDbA.ToString() + ".." + Settings.MaxAckLimitDbA.ToString() + "> (dBA)";
            if (count < 2) return usage;
            if (tokens[1].ToLower() != "acklimitdba") return "unknown setting '" + tokens[1] + "'; " + usage;
            if (count != 3) return usage;
            if (!ConsoleNumbers.TryParseUnsigned(tokens[2], out int value))
                return "'" + tokens[2] + "' is not a whole number; " + usage;
            if (value < Settings.MinAckLimitDbA || value > Settings.MaxAckLimitDbA)
                return "ackLimitDbA " + value.ToString() + " is out of range; " + usage;
            command.Kind = ConsoleCommandKind.AckLimit;
            command.Number = value;
            return null;
        }

        private static string? ProfileAdd(string[] tokens, int count, ConsoleCommand command)
        {
            const string usage = "usage: profile add <name> <ohm> <sens> <dB/mW|dB/V>, e.g. profile add HD600 300 97 dB/V";
            if (count != 6) return usage;
            string name = tokens[2];
            if (!StoredProfile.IsValidName(name)) return NameError(name);
            if (!ConsoleNumbers.TryParseTenths(tokens[3], out int ohm))
                return "impedance '" + tokens[3] + "' is not a number like 32 or 12.8; " + usage;
            if (!ConsoleNumbers.TryParseTenths(tokens[4], out int sensitivity))
                return "sensitivity '" + tokens[4] + "' is not a number like 97 or 97.5; " + usage;
            SensitivityUnit unit;
            if (!SensitivityUnits.TryParse(tokens[5], out unit)) return "unit '" + tokens[5] + "' must be dB/mW or dB/V";

            SettingsResult valid = StoredProfile.Validate(name, ohm, sensitivity, unit);
            if (valid == SettingsResult.ProfileSensitivityImplausible) return Implausible(ohm, sensitivity, unit);
            if (valid != SettingsResult.Ok) return ConsoleMessages.Explain(valid);
            command.Kind = ConsoleCommandKind.ProfileAdd;
            command.Profile = new StoredProfile(name, ohm, sensitivity, unit);
            return null;
        }

        private static string NameError(string name)
        {
            return "name '" + name + "' is invalid: " + ConsoleMessages.NameRule();
        }

        /// <summary>E.g. "60 dB/V at 300 ohm is 54.8 dB/mW, outside 70.0..150.0 dB/mW: check the number and the unit".</summary>
        private static string Implausible(int ohmTenths, int sensitivityTenths, SensitivityUnit unit)
        {
            SensitivityUnit other = unit == SensitivityUnit.DbPerMw ? SensitivityUnit.DbPerV : SensitivityUnit.DbPerMw;
            int min = other == SensitivityUnit.DbPerMw ? StoredProfile.MinDbPerMwTenths : StoredProfile.MinDbPerVTenths;
            int max = other == SensitivityUnit.DbPerMw ? StoredProfile.MaxDbPerMwTenths : StoredProfile.MaxDbPerVTenths;
            return ConsoleNumbers.FormatTenths(sensitivityTenths) + " " + SensitivityUnits.Name(unit) + " at "
                + ConsoleNumbers.FormatTenths(ohmTenths) + " ohm is "
                + ConsoleNumbers.FormatTenths(StoredProfile.OtherUnitTenths(ohmTenths, sensitivityTenths, unit)) + " "
                + SensitivityUnits.Name(other) + ", outside " + ConsoleNumbers.FormatTenths(min) + ".."
                + ConsoleNumbers.FormatTenths(max) + " " + SensitivityUnits.Name(other) + ": check the number and the unit";
        }
    }
}
