// Folder Console/, namespace SerialConsole: a namespace ending in "Console" would hide System.Console in AmpController.Core.*.
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;

namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// Executes console lines against the settings, the settings store and the controller (rule S10). A line is
    /// first parsed completely; only a valid command is applied, and each edit goes through a Settings method that
    /// checks before it changes anything. So a bad line changes nothing. Edits live in RAM until 'save'.
    /// Not for the control tick: replies allocate strings.
    /// </summary>
    public sealed class ConsoleShell
    {
        private readonly Settings _settings;
        private readonly SettingsStore _store;
        private readonly IConsoleActions _actions;
        private readonly ConsoleCommand _command = new ConsoleCommand();

        public ConsoleShell(Settings settings, SettingsStore store, IConsoleActions actions)
        {
            _settings = settings;
            _store = store;
            _actions = actions;
        }

        /// <summary>True when settings were edited since the last successful save.</summary>
        public bool UnsavedChanges { get; private set; }

        /// <summary>The controller's pending notification line, or "" (see IConsoleActions.TakeNotice).</summary>
        public string TakeNotice()
        {
            return _actions.TakeNotice();
        }

        public ConsoleReply Execute(string? line)
        {
            string? error = ConsoleParser.Parse(line, _command);
            if (error != null) return ConsoleReply.Error(error);
            switch (_command.Kind)
            {
                case ConsoleCommandKind.None: return new ConsoleReply(true, "");
                case ConsoleCommandKind.Help: return new ConsoleReply(true, HelpText());
                case ConsoleCommandKind.Status: return new ConsoleReply(true, StatusText());
                case ConsoleCommandKind.Limit: return Edited(_settings.TrySetLimit(_command.Number), LimitText());
                case ConsoleCommandKind.SafeDefault:
                    return Edited(_settings.TrySetSafeDefault(_command.Number), "safe default " + _command.Number.ToString() + " dBA");
                case ConsoleCommandKind.Chip:
                    return Edited(_settings.TrySetVolumeChip(_command.Chip), "chip " + ChipName(_command.Chip) + " (used from the next start)");
                case ConsoleCommandKind.ProfileAdd:
                    return Edited(_settings.TryAddProfile(_command.Profile!), "added " + Describe(_command.Profile!));
                case ConsoleCommandKind.ProfileDelete:
                    return Edited(_settings.TryRemoveProfile(_command.Name), "deleted profile " + _command.Name);
                case ConsoleCommandKind.ProfileList: return new ConsoleReply(true, ProfileListText());
                case ConsoleCommandKind.Save: return Save();
                case ConsoleCommandKind.Mute:
                    _actions.Mute();
                    return new ConsoleReply(true, "muted");
                case ConsoleCommandKind.Unmute:
                    _actions.Unmute();
                    return new ConsoleReply(true, "unmuted (never above the cap)");
                case ConsoleCommandKind.Volume:
                    _actions.StepVolume(_command.Number);
                    return new ConsoleReply(true, "volume " + SignedSteps(_command.Number) + " dB requested; " + _actions.Describe());
                case ConsoleCommandKind.LeaveSafeMode:
                    if (!_actions.LeaveSafeMode()) return new ConsoleReply(true, "not in safe mode; nothing changed");
                    return new ConsoleReply(true, "left safe mode; starting again muted (S1); " + _actions.Describe());
                default: return ConsoleReply.Error("command not handled");
            }
        }

        private ConsoleReply Edited(SettingsResult result, string done)
        {
            if (result != SettingsResult.Ok) return ConsoleReply.Error(ConsoleMessages.Explain(result));
            UnsavedChanges = true;
            _actions.SettingsChanged();
            return new ConsoleReply(true, done + "; not saved yet ('save' keeps it)");
        }

        private ConsoleReply Save()
        {
            if (!_store.Save(_settings)) return ConsoleReply.Error("save failed; the previous saved settings are kept (" + _store.Status.Describe() + ")");
            UnsavedChanges = false;
            return new ConsoleReply(true, "saved (sequence " + _store.Status.Sequence.ToString() + ")");
        }

        private string LimitText()
        {
            string text = "limit " + _command.Number.ToString() + " dBA";
            if (_command.Number > Settings.DefaultLimitDbA)
                text += " (above " + Settings.DefaultLimitDbA.ToString() + " dBA: long listening at this level can harm hearing)";
            return text;
        }

        private static string HelpText()
        {
            return "help                      this list\n"
                + "status                    settings, storage and controller state\n"
                + "limit <60..100>           highest programme level in dBA (default 85)\n"
                + "default <60..80>          level every insertion starts at, in dBA (default 70)\n"
                + "profile add <name> <ohm> <sens> <dB/mW|dB/V>\n"
                + "profile list | profile del <name>\n"
                + "chip DS1882|PT2258        volume chip fitted (used from the next start)\n"
                + "save                      store the settings (two copies with CRC)\n"
                + "mute | unmute | vol +N|-N volume, always within the cap\n"
                + "safemode off              leave safe mode after repeated crashes (starts again muted)";
        }

        private string StatusText()
        {
            string text = "limit " + _settings.LimitDbA.ToString() + " dBA, safe default " + _settings.SafeDefaultDbA.ToString()
                + " dBA, chip " + ChipName(_settings.VolumeChip) + ", " + _settings.ProfileCount.ToString() + " profile(s)"
                + (UnsavedChanges ? ", unsaved changes" : "");
            return text + "\n" + _store.Status.Describe() + "\n" + _actions.Describe();
        }

        private string ProfileListText()
        {
            if (_settings.ProfileCount == 0) return "no profiles";
            string text = "";
            for (int i = 0; i < _settings.ProfileCount; i++)
            {
                if (i > 0) text += "\n";
                text += Describe(_settings.GetProfile(i));
            }
            return text;
        }

        private static string Describe(StoredProfile p)
        {
            return p.Name + " " + ConsoleNumbers.FormatTenths(p.ImpedanceTenthsOhm) + " ohm "
                + ConsoleNumbers.FormatTenths(p.SensitivityTenthsDb) + " " + SensitivityUnits.Name(p.Unit);
        }

        private static string ChipName(VolumeChipChoice chip)
        {
            return chip == VolumeChipChoice.Pt2258 ? "PT2258" : "DS1882";
        }

        private static string SignedSteps(int steps)
        {
            return steps > 0 ? "+" + steps.ToString() : steps.ToString();
        }
    }
}
