// Folder Console/, namespace SerialConsole: a namespace ending in "Console" would hide System.Console in AmpController.Core.*.
using AmpController.Core.Acoustics;
using AmpController.Core.Storage;

namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// Executes console lines against the settings, the settings store and the controller (rule S10). A line is
    /// first parsed completely; only a valid command is applied, and each edit goes through a Settings method that
    /// checks before it changes anything. So a bad line changes nothing. Edits live in RAM until 'save'.
    /// A command that asks the controller for something (volume, mute, an edit it re-decides on) is answered at once
    /// with what was asked, and once the controller has settled with the state after it ("now: ...", from
    /// <see cref="Continue"/>). Procedures (selftest, calibrate) run through <see cref="Continue"/> too.
    /// Not for the control tick: replies allocate strings.
    /// </summary>
    public sealed partial class ConsoleShell
    {
        /// <summary>How long a reply waits for the controller to settle before it shows the state anyway (3 s of 10 ms periods).</summary>
        public const int MaxSettlePolls = 300;

        private readonly Settings _settings;
        private readonly SettingsStore _store;
        private readonly IConsoleActions _actions;
        private readonly IConsoleService? _service;
        private readonly ConsoleCommand _command = new ConsoleCommand();
        private IConsoleProcedure? _procedure;
        private bool _afterPending;
        private int _afterPolls;

        public ConsoleShell(Settings settings, SettingsStore store, IConsoleActions actions)
            : this(settings, store, actions, null) { }

        public ConsoleShell(Settings settings, SettingsStore store, IConsoleActions actions, IConsoleService? service)
        {
            _settings = settings;
            _store = store;
            _actions = actions;
            _service = service;
        }

        /// <summary>True when settings were edited since the last successful save.</summary>
        public bool UnsavedChanges { get; private set; }

        /// <summary>True while the shell takes no line: a procedure works, or a reply waits for the controller to settle.</summary>
        public bool Busy
        {
            get { return _afterPending || (_procedure != null && !_procedure.WaitsForOperator); }
        }

        /// <summary>The controller's pending notification line, or "" (see IConsoleActions.TakeNotice).</summary>
        public string TakeNotice()
        {
            return _actions.TakeNotice();
        }

        /// <summary>
        /// Called once per loop period before a line is read: steps a running procedure and shows the state after the
        /// last command once the controller has settled. Returns what to print, or "" (nothing allocated then).
        /// </summary>
        public string Continue()
        {
            if (_procedure != null)
            {
                if (_procedure.WaitsForOperator) return "";
                string text = _procedure.Step();
                if (_procedure.Done) FinishProcedure();
                return text;
            }
            if (!_afterPending) return "";
            _afterPolls++;
            if (_service != null && !_service.Settled && _afterPolls < MaxSettlePolls) return "";
            _afterPending = false;
            return "now: " + _actions.Describe();
        }

        public ConsoleReply Execute(string? line)
        {
            string? error = ConsoleParser.Parse(line, _command);
            if (error != null) return ConsoleReply.Error(error);
            if (_procedure != null) return DuringProcedure();
            switch (_command.Kind)
            {
                case ConsoleCommandKind.None: return new ConsoleReply(true, "");
                case ConsoleCommandKind.Help: return new ConsoleReply(true, HelpText(_command.Name));
                case ConsoleCommandKind.Status: return new ConsoleReply(true, StatusText());
                case ConsoleCommandKind.Version:
                    return new ConsoleReply(true, FirmwareVersion.Describe(_service != null ? _service.RuntimeVersion : "unknown"));
                case ConsoleCommandKind.Limit: return Edited(_settings.TrySetLimit(_command.Number), LimitText());
                case ConsoleCommandKind.SafeDefault:
                    return Edited(_settings.TrySetSafeDefault(_command.Number), "safe default " + _command.Number.ToString() + " dBA");
                case ConsoleCommandKind.Chip:
                    return Edited(_settings.TrySetVolumeChip(_command.Chip), "chip " + ChipName(_command.Chip) + " (used from the next start)");
                case ConsoleCommandKind.ProfileAdd:
                    return Edited(_settings.TryAddProfile(_command.Profile!), "added " + Describe(_command.Profile!));
                case ConsoleCommandKind.ProfileDelete:
                    return Edited(_settings.TryRemoveProfile(_command.Name), "deleted profile " + Quoted(_command.Name));
                case ConsoleCommandKind.ProfileList: return new ConsoleReply(true, ProfileListText());
                case ConsoleCommandKind.ProfileUse: return ProfileUse(_command.Name);
                case ConsoleCommandKind.AckLimit:
                    return Edited(_settings.TrySetAckLimit(_command.Number), AckLimitText(_command.Number));
                case ConsoleCommandKind.Dose: return new ConsoleReply(true, _actions.DoseText());
                case ConsoleCommandKind.Save: return Save();
                case ConsoleCommandKind.Mute:
                    _actions.Mute();
                    return Asked("mute");
                case ConsoleCommandKind.Unmute:
                    _actions.Unmute();
                    return Asked("unmute (never above the cap)");
                case ConsoleCommandKind.Volume:
                    _actions.StepVolume(_command.Number);
                    return Asked("volume " + SignedSteps(_command.Number) + " dB (stops at the cap)");
                case ConsoleCommandKind.LeaveSafeMode:
                    if (!_actions.LeaveSafeMode()) return new ConsoleReply(true, "not in safe mode; nothing changed");
                    return Asked("left safe mode; starting again muted (S1)");
                case ConsoleCommandKind.SelfTest: return Start(true);
                case ConsoleCommandKind.Calibrate: return Start(false);
                case ConsoleCommandKind.Confirm: return ConsoleReply.Error("nothing to confirm: 'ok' answers a step of selftest or calibrate");
                case ConsoleCommandKind.Cancel: return ConsoleReply.Error("nothing to cancel: no selftest or calibrate is running");
                default: return ConsoleReply.Error("command not handled");
            }
        }

        /// <summary>While a procedure waits for the operator: 'ok' and 'cancel' answer it; status, help and version still work.</summary>
        private ConsoleReply DuringProcedure()
        {
            IConsoleProcedure procedure = _procedure!;
            switch (_command.Kind)
            {
                case ConsoleCommandKind.None: return new ConsoleReply(true, "");
                case ConsoleCommandKind.Confirm:
                case ConsoleCommandKind.Cancel:
                    string text = procedure.Answer(_command.Kind == ConsoleCommandKind.Confirm);
                    if (procedure.Done) FinishProcedure();
                    return new ConsoleReply(true, text);
                case ConsoleCommandKind.Help: return new ConsoleReply(true, HelpText(_command.Name));
                case ConsoleCommandKind.Status: return new ConsoleReply(true, StatusText());
                case ConsoleCommandKind.Version:
                    return new ConsoleReply(true, FirmwareVersion.Describe(_service != null ? _service.RuntimeVersion : "unknown"));
                default:
                    return ConsoleReply.Error(procedure.Name + " is waiting: 'ok' when ready, 'cancel' to stop it");
            }
        }

        private ConsoleReply Start(bool selfTest)
        {
            if (_service == null) return ConsoleReply.Error((selfTest ? "selftest" : "calibrate") + " is not available here");
            string refusal;
            IConsoleProcedure? procedure = selfTest ? _service.StartSelfTest(out refusal) : _service.StartCalibration(out refusal);
            if (procedure == null) return ConsoleReply.Error(refusal);
            _procedure = procedure;
            _afterPending = false;
            return new ConsoleReply(true, procedure.Step());
        }

        /// <summary>A procedure ended: the amplifier is back in the safe state; show where it is once settled.</summary>
        private void FinishProcedure()
        {
            _procedure = null;
            _afterPending = true;
            _afterPolls = 0;
        }

        /// <summary>A request to the controller: answered now, the state after it follows once settled.</summary>
        private ConsoleReply Asked(string text)
        {
            _afterPending = true;
            _afterPolls = 0;
            return new ConsoleReply(true, text);
        }

        private ConsoleReply Edited(SettingsResult result, string done)
        {
            if (result != SettingsResult.Ok) return ConsoleReply.Error(ConsoleMessages.Explain(result));
            UnsavedChanges = true;
            _actions.SettingsChanged();
            return Asked(done + "; not saved yet ('save' keeps it)");
        }

        private ConsoleReply Save()
        {
            if (!_store.Save(_settings)) return ConsoleReply.Error("save failed; the previous saved settings are kept (" + _store.Status.Describe() + ")");
            UnsavedChanges = false;
            return new ConsoleReply(true, "saved; " + _store.Status.Describe());
        }
    }
}
