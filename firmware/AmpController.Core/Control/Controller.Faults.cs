using AmpController.Core.Devices;

namespace AmpController.Core.Control
{
    /// <summary>Start-up, supervision (S5, S6), fault handling with back-off recovery, and safe mode (S8).</summary>
    public sealed partial class Controller
    {
        private void StepSafeStart(long now)
        {
            if (now - _bootMs < ControllerTiming.PowerOnSettleMs || !SupplySettled(now)) return;
            DeviceStatus st = InitializeChips();
            if (st != DeviceStatus.Ok)
            {
                EnterFault(st, now);
                return;
            }
            _nextSupervisionMs = now + ControllerTiming.SupervisionPeriodMs;
            SetState(ControllerState.Unplugged, now);
        }

        /// <summary>Both chips to their initial state (muted, lowest gain, sense relay open), confirmed by readback (S1).</summary>
        private DeviceStatus InitializeChips()
        {
            _gainStepApplied = -1;
            _chipMuted = false;
            _ledMask = 0; // IBoardSwitches.Initialize leaves every LED off
            DeviceStatus st = _volume.Initialize();
            if (st == DeviceStatus.Ok) st = _switches.Initialize();
            if (st == DeviceStatus.Ok) st = _volume.Verify();
            if (st == DeviceStatus.Ok) st = _switches.Verify();
            if (st != DeviceStatus.Ok) return st;
            _chipMuted = true;
            _gainStepApplied = 0; // IBoardSwitches.Initialize leaves the lowest gain selected
            return DeviceStatus.Ok;
        }

        /// <summary>Once per period: read back (DS1882, TCA9534) or refresh (PT2258) the chips (S5, S6).</summary>
        private void Supervise(long now)
        {
            _nextSupervisionMs = now + ControllerTiming.SupervisionPeriodMs;
            DeviceStatus st = _volume.Verify();
            if (st == DeviceStatus.Ok) st = _switches.Verify();
            if (st != DeviceStatus.Ok) EnterFault(st, now);
        }

        /// <summary>S5: the output relay opens in the same tick the fault is seen; recovery starts with back-off.</summary>
        private void EnterFault(DeviceStatus status, long now)
        {
            OpenRelay();
            bool wasPlaying = _state == ControllerState.Configuring || _state == ControllerState.RampUp
                || _state == ControllerState.Playing;
            if (wasPlaying && _hasDecision) _resumePlayback = true;
            EndConfirmation();
            _sensor.Stop();
            _volume.Mute(); // best effort: the open relay already protects the listener
            _chipMuted = false;
            _gainStepApplied = -1;
            _lastFault = status;
            _faultCount++;
            _backoff.Start(now);
            _recoverySettleUntilMs = 0;
            SetState(ControllerState.Fault, now);
        }

        private void StepRecovering(long now)
        {
            if (!_backoff.Due(now) || !SupplySettled(now)) return;
            if (_recoverySettleUntilMs != 0 && now < _recoverySettleUntilMs) return;
            if (_lastFault == DeviceStatus.BusError && _ports.Bus != null && !_ports.Bus.Recover())
            {
                _backoff.Failed(now);
                return;
            }
            DeviceStatus st = InitializeChips();
            if (st != DeviceStatus.Ok)
            {
                _lastFault = st;
                _recoverySettleUntilMs = 0;
                _backoff.Failed(now);
                return;
            }
            if (_recoverySettleUntilMs == 0)
            {
                // The chips answer again, but one may have just powered up: a PT2258 ignores (yet acknowledges) every
                // write for 200 ms after power-on (docs/design.md §6). Initialise once more after that window; the chips
                // have been answering since at least the first successful initialisation, so the second one lands.
                _recoverySettleUntilMs = now + ControllerTiming.PowerOnSettleMs;
                return;
            }
            _recoverySettleUntilMs = 0;
            _recoveryCount++;
            _nextSupervisionMs = now + ControllerTiming.SupervisionPeriodMs;
            if (!_jack.Value)
            {
                _hasDecision = false;
                SetState(ControllerState.Unplugged, now);
                if (_ports.JackSwitch.Read()) SetState(ControllerState.Debounce, now);
                return;
            }
            if (_resumePlayback && _hasDecision)
            {
                // S5: back at a safe level, never higher than before the fault.
                int safe = SafeLevelDb();
                if (_userLevelDb > safe) _userLevelDb = safe;
                _targetDb = _userLevelDb;
                _resumePlayback = false;
                BeginConfiguring(now);
                return;
            }
            StartMeasuring(now);
        }

        private void EnterSafeMode()
        {
            OpenRelay();
            _volume.Mute();
            _chipMuted = false;
            _hasDecision = false;
            SetState(ControllerState.SafeMode, _bootMs);
        }

        /// <summary>Console hook: clears the boot-loop counter and starts again from the safe start.</summary>
        public void LeaveSafeMode()
        {
            if (_state != ControllerState.SafeMode) return;
            if (_bootGuard != null) _bootGuard.Clear();
            SetState(ControllerState.SafeStart, _ports.Clock.NowMs - ControllerTiming.PowerOnSettleMs);
        }
    }
}
