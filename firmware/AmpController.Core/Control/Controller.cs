using AmpController.Core.Devices;
using AmpController.Core.Input;
using AmpController.Core.Sensing;
using AmpController.Core.Supervision;

namespace AmpController.Core.Control
{
    /// <summary>
    /// The amplifier's control loop (issue 8), an explicit state machine (issue 17). Call <see cref="Tick"/> every
    /// <see cref="ControllerTiming.TickMs"/>; optionally call <see cref="SampleInputs"/> from a faster timer (1 ms on the
    /// ESP32) so fast turns are not missed. The controller is always in one <see cref="ControllerPhase"/>; each step and
    /// each event handler returns the phase to be in, and <see cref="Go"/> alone changes it, running the exit and entry
    /// actions of Controller.Actions.cs; the allowed changes are <see cref="ControllerTransitions"/>. Every write to the
    /// relays, the attenuator and the gain goes through <see cref="OutputPath"/>, which enforces S3 and S4.
    /// Files: Controller.cs (surface, tick, transition function), .Steps.cs (one step per phase), .Actions.cs (entry
    /// and exit actions), .Events.cs (removal, supervision, settings), .Profiles.cs (S12 offers), .Supply.cs (PT2258
    /// supply supervisor), .LoadWatch.cs, .MuteMemory.cs, .Requests.cs (console). The steady tick allocates nothing.
    /// </summary>
    public sealed partial class Controller
    {
        private readonly ControllerPorts _ports;
        private readonly IImpedanceSensor _sensor;
        private readonly ICapPolicy _policy;
        private readonly SoftwareWatchdog? _watchdog;
        private readonly BootLoopGuard? _bootGuard;
        private readonly OutputPath _output;

        private readonly Debouncer _jack = new Debouncer(ControllerTiming.InsertionDebounceMs, false);
        private readonly Debouncer _button = new Debouncer(ControllerTiming.ButtonDebounceMs, false);
        private readonly ButtonGesture _gesture = new ButtonGesture();
        private readonly QuadratureDecoder _encoder = new QuadratureDecoder();
        private readonly RecoveryBackoff _backoff = new RecoveryBackoff();
        private readonly GainDecision _decision = new GainDecision();
        private readonly SenseResult _timedOutResult = new SenseResult();

        private ControllerPhase _phase = ControllerPhase.SafeStart;
        private long _phaseSinceMs;
        private readonly long _bootMs;
        private DeviceStatus _pendingFault = DeviceStatus.Ok; // set with the transition to Fault, taken by its entry
        private DeviceStatus _lastFault = DeviceStatus.Ok;
        private bool _hasDecision;
        private bool _userMuted;        // the listener's mute, carried through measuring and faults to the next playing
        private int _userLevelDb;       // the level the listener wants (the ramp's target)
        private long _nextSupervisionMs;
        private bool _resumePlayback;
        private bool _jackOutSeen;
        private int _faultCount;
        private int _recoveryCount;
        private int _insertionCount;
        private int _unlistedTransitions;

        public Controller(ControllerPorts ports, ICapPolicy policy)
            : this(ports, policy, null, null) { }

        /// <param name="watchdog">Checked in every tick (S8); the monitor lives on the platform side.</param>
        /// <param name="bootGuard">Already loaded at start-up (BootLoopGuard.Load); safe mode when it says so (S8).</param>
        public Controller(ControllerPorts ports, ICapPolicy policy, SoftwareWatchdog? watchdog, BootLoopGuard? bootGuard)
        {
            _ports = ports;
            _sensor = ports.Sensor;
            _policy = policy;
            _watchdog = watchdog;
            _bootGuard = bootGuard;
            _bootMs = ports.Clock.NowMs;
            _phaseSinceMs = _bootMs;
            _timedOutResult.Class = LoadClass.Uncertain;
            // S1: the very first thing is to hold the output relay open (its pull-down already does in hardware).
            _output = new OutputPath(ports.OutputRelay, ports.Volume, ports.Switches, _decision, _bootMs);
            LoadStoredMute();
            if (bootGuard != null && bootGuard.SafeModeRequired) Go(ControllerPhase.SafeMode, _bootMs);
        }

        /// <summary>The top-level state (the parent of <see cref="Phase"/>).</summary>
        public ControllerState State { get { return ControllerPhases.Parent(_phase); } }

        /// <summary>The exact phase (sub-state) the controller is in.</summary>
        public ControllerPhase Phase { get { return _phase; } }

        /// <summary>Stable state name for the trace (docs/design.md §7): the parent state's.</summary>
        public string StateName { get { return ControllerStates.Name(State); } }

        /// <summary>The output path (relay, attenuator, gain) as the controller drives it.</summary>
        public OutputPath Output { get { return _output; } }

        /// <summary>What the controller believes about the relay (the simulator reads the real pin).</summary>
        public bool RelayClosed { get { return _output.RelayClosed; } }

        public bool HasDecision { get { return _hasDecision; } }

        /// <summary>The current policy decision (valid when HasDecision).</summary>
        public GainDecision Decision { get { return _decision; } }

        public int CapDb { get { return _decision.CapDb; } }
        public int GainDb { get { return _decision.GainDb; } }

        /// <summary>The level the listener wants: where the ramp is heading, the level played, or the one to come back to.</summary>
        public int TargetDb { get { return _userLevelDb; } }

        /// <summary>Attenuator level last written (meaningless while the chip is muted).</summary>
        public int LevelDb { get { return _output.LevelDb; } }

        public bool UserMuted { get { return _userMuted; } }

        /// <summary>Last fault seen, or Ok.</summary>
        public DeviceStatus LastFault { get { return _lastFault; } }

        public int FaultCount { get { return _faultCount; } }
        public int RecoveryCount { get { return _recoveryCount; } }
        public int InsertionCount { get { return _insertionCount; } }

        /// <summary>Changes of phase the transition table does not list (a controller bug; each muted into Fault). Always 0.</summary>
        public int UnlistedTransitions { get { return _unlistedTransitions; } }

        /// <summary>
        /// One sample of the fast inputs: the encoder contacts, the supply supervisor, and the jack switch, whose every
        /// "out" reading opens the output relay at once and is latched so the tick completes the removal (mute, state) at
        /// its next run. The tick samples once itself; the ESP32 calls this from a 1 ms timer as well (a detent of a fast
        /// turn lasts only a few ms).
        /// </summary>
        public void SampleInputs()
        {
            if (_ports.EncoderCounter == null) _encoder.Sample(_ports.EncoderA.Read(), _ports.EncoderB.Read());
            SampleSupply();
            if (_ports.JackSwitch.Read()) return;
            _jackOutSeen = true;
            // Cut the output here already: a GPIO write needs no bus, and it still happens if the control loop hangs
            // (S2 removal; S8 until the watchdog reboots). Only ever opens; the tick does the rest of the removal.
            _output.Cut();
        }

        /// <summary>The control tick: inputs, then each source of a change of phase in a fixed order.</summary>
        public void Tick()
        {
            long now = _ports.Clock.NowMs;
            bool outputDropped = CutOutputAfterFeedGap(now);
            FeedHardwareWatchdog();
            if (_watchdog != null) _watchdog.CheckIn();
            if (_bootGuard != null) _bootGuard.Tick(now - _bootMs);

            SampleInputs();
            int detents = TakeEncoderDetents() + TakeRequestedSteps();
            _button.Update(_ports.MuteButton.Read(), now);
            ButtonEvent gesture = _gesture.Update(_button.Value, now);
            bool pressed = gesture == ButtonEvent.ShortPress; // a short press toggles mute on release
            if (TakeMuteToggle()) pressed = true;
            if (_parked) return; // a service procedure owns the hardware (Controller.Service.cs)

            if (_phase == ControllerPhase.SafeMode)
            {
                _output.Open(now);
                return;
            }

            if (outputDropped) Go(Failed(DeviceStatus.NotReady), now); // S5: back through the fault path
            if (JackMovedUnseen()) _jackOutSeen = true;
            if (_jackOutSeen) Go(OnRemoval(now), now);
            else _jack.Update(true, now);
            if (_supplyEventSeen) Go(OnSupplyEvent(), now);
            if (_reevaluateRequested) Go(OnReevaluation(), now);
            Go(Step(now, detents, pressed), now);
            if (gesture == ButtonEvent.LongPress) Go(OnLongPress(), now);
            if (_ports.LoadWatch != null) Go(WatchLoad(now), now);

            Go(TrackDose(now), now); // S13, and the ends of the S12 tier
            if (IsSupervised(_phase)) Go(ShowOffer(now), now);
            if (now >= _nextSupervisionMs && IsSupervised(_phase)) Go(Supervise(now), now);
        }

        /// <summary>Console hook: clears the boot-loop counter and starts again from the safe start.</summary>
        public void LeaveSafeMode()
        {
            if (_phase != ControllerPhase.SafeMode) return;
            if (_bootGuard != null) _bootGuard.Clear();
            Go(ControllerPhase.SafeStart, _ports.Clock.NowMs);
        }

        /// <summary>
        /// The one transition function: leaves the phase (exit actions), enters the next (entry actions) and follows what
        /// an entry returns (a failed write leads to Fault, a ramp that starts at its target to Playing) until it rests.
        /// Returning the current phase means "stay"; Fault re-enters only with a new fault (<see cref="Failed"/>).
        /// </summary>
        private void Go(ControllerPhase next, long now)
        {
            while (next != _phase || _pendingFault != DeviceStatus.Ok)
            {
                ControllerPhase from = _phase;
                if (!ControllerTransitions.Allows(from, next))
                {
                    _unlistedTransitions++;
                    if (next == ControllerPhase.Fault || !ControllerTransitions.Allows(from, ControllerPhase.Fault))
                    {
                        _pendingFault = DeviceStatus.Ok;
                        return;
                    }
                    next = Failed(DeviceStatus.Rejected);
                    continue;
                }
                Exit(from);
                _phase = next;
                _phaseSinceMs = now;
                if (!IsSupervised(from) && IsSupervised(next)) _nextSupervisionMs = now + ControllerTiming.SupervisionPeriodMs;
                next = Enter(next, from, now);
            }
        }

        /// <summary>Marks a fault to handle: the returned phase is Fault, whose entry takes the status.</summary>
        private ControllerPhase Failed(DeviceStatus status)
        {
            _pendingFault = status;
            return ControllerPhase.Fault;
        }

        /// <summary>Chip readback (supervision) and the offer LED run in these phases; not while starting or recovering.</summary>
        private static bool IsSupervised(ControllerPhase phase)
        {
            ControllerState state = ControllerPhases.Parent(phase);
            return state != ControllerState.SafeStart && state != ControllerState.Fault
                && state != ControllerState.Recovering && state != ControllerState.SafeMode;
        }

        /// <summary>Phases where the headphone is (being) connected: a removal there cuts, mutes and forgets.</summary>
        private static bool IsInserted(ControllerPhase phase)
        {
            ControllerState state = ControllerPhases.Parent(phase);
            return state == ControllerState.Measuring || state == ControllerState.NoLoad || state == ControllerState.Configuring
                || state == ControllerState.RampUp || state == ControllerState.Playing;
        }
    }
}
