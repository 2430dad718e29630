using AmpController.Core.Devices;
using AmpController.Core.Input;
using AmpController.Core.Sensing;
using AmpController.Core.Supervision;

namespace AmpController.Core.Control
{
    /// <summary>
    /// The amplifier's control loop (issue 8). Call <see cref="Tick"/> every <see cref="ControllerTiming.TickMs"/>;
    /// optionally call <see cref="SampleInputs"/> from a faster timer (1 ms on the ESP32) so fast turns are not missed.
    /// States and rules: docs/safety.md. The steady tick allocates nothing (every buffer is made here, once).
    /// Split over Controller.cs (surface, inputs, dispatch), Controller.Playback.cs, Controller.Faults.cs,
    /// Controller.Profiles.cs (S12 offers), Controller.Supply.cs (PT2258 supply supervisor), Controller.MuteMemory.cs,
    /// Controller.Requests.cs (console).
    /// </summary>
    public sealed partial class Controller
    {
        private readonly ControllerPorts _ports;
        private readonly IVolumeChip _volume;
        private readonly IBoardSwitches _switches;
        private readonly IImpedanceSensor _sensor;
        private readonly ICapPolicy _policy;
        private readonly SoftwareWatchdog? _watchdog;
        private readonly BootLoopGuard? _bootGuard;

        private readonly Debouncer _jack = new Debouncer(ControllerTiming.InsertionDebounceMs, false);
        private readonly Debouncer _button = new Debouncer(ControllerTiming.ButtonDebounceMs, false);
        private readonly ButtonGesture _gesture = new ButtonGesture();
        private readonly QuadratureDecoder _encoder = new QuadratureDecoder();
        private readonly RecoveryBackoff _backoff = new RecoveryBackoff();
        private readonly GainDecision _decision = new GainDecision();
        private readonly SenseResult _timedOutResult = new SenseResult();

        private ControllerState _state = ControllerState.SafeStart;
        private readonly long _bootMs;
        private bool _hasDecision;
        private bool _relayClosed;
        private bool _chipMuted;
        private bool _userMuted;
        private int _levelDb;
        private int _targetDb;
        private int _userLevelDb;
        private int _gainStepApplied = -1;
        private long _stateSinceMs;
        private long _relayClosedAtMs;
        private long _nextSupervisionMs;
        private bool _resumePlayback;
        private bool _jackOutSeen;
        private long _recoverySettleUntilMs;
        private DeviceStatus _lastFault = DeviceStatus.Ok;
        private int _faultCount;
        private int _recoveryCount;
        private int _insertionCount;

        public Controller(ControllerPorts ports, ICapPolicy policy)
            : this(ports, policy, null, null) { }

        /// <param name="watchdog">Checked in every tick (S8); the monitor lives on the platform side.</param>
        /// <param name="bootGuard">Already loaded at start-up (BootLoopGuard.Load); safe mode when it says so (S8).</param>
        public Controller(ControllerPorts ports, ICapPolicy policy, SoftwareWatchdog? watchdog, BootLoopGuard? bootGuard)
        {
            _ports = ports;
            _volume = ports.Volume;
            _switches = ports.Switches;
            _sensor = ports.Sensor;
            _policy = policy;
            _watchdog = watchdog;
            _bootGuard = bootGuard;
            _bootMs = ports.Clock.NowMs;
            _stateSinceMs = _bootMs;
            _timedOutResult.Class = LoadClass.Uncertain;
            // S1: the very first thing is to hold the output relay open (its pull-down already does in hardware).
            OpenRelay();
            LoadStoredMute();
            if (bootGuard != null && bootGuard.SafeModeRequired) EnterSafeMode();
        }

        public ControllerState State { get { return _state; } }

        /// <summary>Stable state name for the trace (docs/design.md §7).</summary>
        public string StateName { get { return ControllerStates.Name(_state); } }

        /// <summary>What the controller believes about the relay (the simulator reads the real pin).</summary>
        public bool RelayClosed { get { return _relayClosed; } }

        public bool HasDecision { get { return _hasDecision; } }

        /// <summary>The current policy decision (valid when HasDecision).</summary>
        public GainDecision Decision { get { return _decision; } }

        public int CapDb { get { return _decision.CapDb; } }
        public int GainDb { get { return _decision.GainDb; } }

        /// <summary>Level the ramp is heading for, or the user's level once playing.</summary>
        public int TargetDb { get { return _targetDb; } }

        /// <summary>Attenuator level last written (meaningless while the chip is muted).</summary>
        public int LevelDb { get { return _levelDb; } }

        public bool UserMuted { get { return _userMuted; } }

        /// <summary>Last fault seen, or Ok.</summary>
        public DeviceStatus LastFault { get { return _lastFault; } }

        public int FaultCount { get { return _faultCount; } }
        public int RecoveryCount { get { return _recoveryCount; } }
        public int InsertionCount { get { return _insertionCount; } }

        /// <summary>
        /// One sample of the fast inputs: the encoder contacts, and the jack switch, whose every "out" reading opens the
        /// output relay at once and is latched so the tick completes the removal (mute, state) at its next run. The tick samples once itself; the ESP32 calls
        /// this from a 1 ms timer as well (a detent of a fast turn lasts only a few ms).
        /// </summary>
        public void SampleInputs()
        {
            _encoder.Sample(_ports.EncoderA.Read(), _ports.EncoderB.Read());
            SampleSupply();
            if (_ports.JackSwitch.Read()) return;
            _jackOutSeen = true;
            // Cut the output here already: a GPIO write needs no bus, and it still happens if the control loop hangs
            // (S2 removal; S8 until the watchdog reboots). Only ever opens; the tick does the rest of the removal.
            if (_relayClosed) _ports.OutputRelay.Write(false);
        }

        /// <summary>The control tick.</summary>
        public void Tick()
        {
            long now = _ports.Clock.NowMs;
            if (_watchdog != null) _watchdog.CheckIn();
            if (_bootGuard != null) _bootGuard.Tick(now - _bootMs);

            SampleInputs();
            int detents = _encoder.TakeDetents() + TakeRequestedSteps();
            _button.Update(_ports.MuteButton.Read(), now);
            ButtonEvent gesture = _gesture.Update(_button.Value, now);
            bool pressed = gesture == ButtonEvent.ShortPress; // a short press toggles mute on release
            if (TakeMuteToggle()) pressed = true;

            if (_state == ControllerState.SafeMode)
            {
                OpenRelay();
                return;
            }

            bool removed = _jackOutSeen;
            _jackOutSeen = false;
            if (removed) HandleRemoval(now);
            else _jack.Update(true, now);

            WatchSupply(now);
            TakeReevaluation(now);
            Step(now, detents, pressed);
            if (gesture == ButtonEvent.LongPress) ConfirmOffer(now);
            WatchLoad(now);

            if (IsSupervised(_state)) ShowOffer(now);
            if (IsSupervised(_state) && now >= _nextSupervisionMs) Supervise(now);
        }

        private void Step(long now, int detents, bool pressed)
        {
            switch (_state)
            {
                case ControllerState.SafeStart: StepSafeStart(now); break;
                case ControllerState.Unplugged:
                    ForgetStoredMuteIfEmpty();
                    if (_ports.JackSwitch.Read()) SetState(ControllerState.Debounce, now);
                    break;
                case ControllerState.Debounce:
                    if (_jack.Value) StartMeasuring(now);
                    break;
                case ControllerState.Measuring: StepMeasuring(now); break;
                case ControllerState.NoLoad:
                    if (now - _stateSinceMs >= ControllerTiming.RemeasureNoLoadMs) StartMeasuring(now);
                    break;
                case ControllerState.Configuring: StepConfiguring(now); break;
                case ControllerState.RampUp: StepRampUp(now, detents, pressed); break;
                case ControllerState.Playing: StepPlaying(now, detents, pressed); break;
                case ControllerState.Fault: SetState(ControllerState.Recovering, now); break;
                case ControllerState.Recovering: StepRecovering(now); break;
            }
        }

        /// <summary>Removal is not debounced: the first tick that reads the jack open cuts the output (S2).</summary>
        private void HandleRemoval(long now)
        {
            _jack.Reset(false, now);
            _resumePlayback = false;
            _hasDecision = false;
            ForgetProfile();
            switch (_state)
            {
                case ControllerState.Debounce:
                    SetState(ControllerState.Unplugged, now);
                    break;
                case ControllerState.Measuring:
                case ControllerState.NoLoad:
                case ControllerState.Configuring:
                case ControllerState.RampUp:
                case ControllerState.Playing:
                    OpenRelay();
                    _sensor.Stop();
                    SetUserMuted(false);
                    SetState(ControllerState.Unplugged, now);
                    DeviceStatus st = _switches.SetSenseRelay(false);
                    if (st == DeviceStatus.Ok) st = Mute();
                    if (st != DeviceStatus.Ok) EnterFault(st, now);
                    break;
            }
        }

        private static bool IsSupervised(ControllerState state)
        {
            return state != ControllerState.SafeStart && state != ControllerState.Fault
                && state != ControllerState.Recovering && state != ControllerState.SafeMode;
        }

        private void SetState(ControllerState state, long now)
        {
            _state = state;
            _stateSinceMs = now;
        }
    }
}
