using AmpController.Core.Devices;

namespace AmpController.Core.Control
{
    /// <summary>Start-up and recovery (S1, S5, S6): initialising the chips, with back-off and the power-up window.</summary>
    public sealed partial class Controller
    {
        /// <summary>Both chips to their initial state, confirmed by readback (S1); the expander's LEDs are off after it.</summary>
        private DeviceStatus InitializeChips(long now)
        {
            _ledMask = 0;
            return _output.Initialize(now);
        }

        /// <summary>Relay open, back-off: re-initialise the chips (recovering a bus that hung first).</summary>
        private ControllerPhase StepRecovering(long now)
        {
            if (!_backoff.Due(now) || !SupplySettled(now)) return _phase;
            if (!BusRecovered(now)) return _phase;
            DeviceStatus st = InitializeChips(now);
            if (st != DeviceStatus.Ok) return AttemptFailed(st, now);
            // The chips answer again, but one may have just powered up: a PT2258 ignores (yet acknowledges) every write
            // for 200 ms after power-on (docs/design.md §6). Initialise once more after that window.
            return ControllerPhase.RecoverySettling;
        }

        /// <summary>
        /// After the power-up window: the confirming initialisation (the chips have answered since at least the first,
        /// so it lands), then back to where the listener was: the plug gone, the same plug at a safe level (S5), or a
        /// new measurement.
        /// </summary>
        private ControllerPhase StepRecoverySettling(long now)
        {
            if (!_backoff.Due(now) || !SupplySettled(now)) return _phase;
            if (now - _phaseSinceMs < ControllerTiming.PowerOnSettleMs) return _phase;
            if (!BusRecovered(now)) return _phase;
            DeviceStatus st = InitializeChips(now);
            if (st != DeviceStatus.Ok) return AttemptFailed(st, now);
            _recoveryCount++;
            if (!_jack.Value)
            {
                _hasDecision = false;
                return _ports.JackSwitch.Read() ? ControllerPhase.Debounce : ControllerPhase.Unplugged;
            }
            if (_resumePlayback && _hasDecision)
            {
                // S5: back at a safe level, never higher than before the fault.
                int safe = SafeLevelDb();
                if (_userLevelDb > safe) _userLevelDb = safe;
                _resumePlayback = false;
                return ControllerPhase.SwitchingGain;
            }
            return ControllerPhase.Measuring;
        }

        /// <summary>After a bus error the bus is freed first (IRegisterBus.Recover); a bus still hung waits for the next try.</summary>
        private bool BusRecovered(long now)
        {
            if (_lastFault != DeviceStatus.BusError || _ports.Bus == null || _ports.Bus.Recover()) return true;
            _backoff.Failed(now);
            return false;
        }

        /// <summary>An initialisation failed: back-off, and the window starts again with the next success.</summary>
        private ControllerPhase AttemptFailed(DeviceStatus status, long now)
        {
            _lastFault = status;
            _backoff.Failed(now);
            return ControllerPhase.Recovering;
        }
    }
}
