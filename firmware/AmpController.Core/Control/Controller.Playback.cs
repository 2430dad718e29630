using AmpController.Core.Devices;
using AmpController.Core.Sensing;

namespace AmpController.Core.Control
{
    /// <summary>Insertion to music: measure, decide, configure while muted, close the relay, ramp, play.</summary>
    public sealed partial class Controller
    {
        private void StartMeasuring(long now)
        {
            _insertionCount++;
            _hasDecision = false;
            ForgetProfile();
            _resumePlayback = false;
            SetUserMuted(TakeRestoredMute());
            OpenRelay(); // the test source must never meet the amplifier output (IImpedanceSensor contract)
            DeviceStatus st = Mute();
            if (st == DeviceStatus.Ok) st = _switches.SetSenseRelay(true);
            if (st != DeviceStatus.Ok)
            {
                EnterFault(st, now);
                return;
            }
            _sensor.Start(now);
            SetState(ControllerState.Measuring, now);
        }

        private void StepMeasuring(long now)
        {
            SenseResult result;
            if (_sensor.Poll(now)) result = _sensor.Result;
            else if (now - _stateSinceMs >= ControllerTiming.MeasureTimeoutMs)
            {
                _sensor.Stop();
                result = _timedOutResult; // S7: a measurement that never settles is uncertain
            }
            else return;

            DeviceStatus st = _switches.SetSenseRelay(false);
            if (st != DeviceStatus.Ok)
            {
                EnterFault(st, now);
                return;
            }
            NoteMeasured(result);
            _policy.Decide(result, _decision);
            _hasDecision = _decision.MayPlay && IsPlayable(_decision);
            TakeNewDecision();
            if (!_hasDecision)
            {
                SetState(ControllerState.NoLoad, now);
                return;
            }
            _userLevelDb = SafeLevelDb();
            _targetDb = _userLevelDb;
            BeginConfiguring(now);
        }

        /// <summary>A decision is playable only if the chip can actually stay at or below both cap and safe start.</summary>
        private bool IsPlayable(GainDecision d)
        {
            return d.CapDb <= 0 && d.SafeStartDb <= 0 && d.CapDb >= _volume.MinDb && d.SafeStartDb >= _volume.MinDb
                && d.GainStep >= 0;
        }

        /// <summary>min(safe default level, cap): where every insertion and every recovery comes up (S2, S5).</summary>
        private int SafeLevelDb()
        {
            return _decision.SafeStartDb < _decision.CapDb ? _decision.SafeStartDb : _decision.CapDb;
        }

        private void BeginConfiguring(long now)
        {
            SetState(ControllerState.Configuring, now);
            StepConfiguring(now);
        }

        /// <summary>First tick: mute, gain, readback of both chips (S1, S3), close relay. Then wait for the contacts.</summary>
        private void StepConfiguring(long now)
        {
            if (!_relayClosed)
            {
                DeviceStatus st = Mute();
                if (st == DeviceStatus.Ok) st = ApplyGainStep(_decision.GainStep);
                if (st == DeviceStatus.Ok) st = _volume.Verify();
                if (st == DeviceStatus.Ok) st = _switches.Verify();
                // Issue 19: never onto a chip not known to have been powered for 250 ms (its writes may have been ignored).
                if (st == DeviceStatus.Ok && !SupplySettled(now)) st = DeviceStatus.SupplyLost;
                if (st != DeviceStatus.Ok)
                {
                    EnterFault(st, now);
                    return;
                }
                CloseRelay(now);
                return;
            }
            if (now - _relayClosedAtMs < ControllerTiming.RelaySettleMs) return;
            if (_userMuted)
            {
                _levelDb = _targetDb;
                SetState(ControllerState.Playing, now);
                return;
            }
            StartRamp(now);
        }

        /// <summary>
        /// S3: the gain relays switch only with the output relay open and the attenuator muted. Every caller mutes and
        /// opens the relay first, so the guard is defence in depth (internal: tests exercise it directly).
        /// </summary>
        internal DeviceStatus ApplyGainStep(int step)
        {
            if (_relayClosed || !_chipMuted) return DeviceStatus.Rejected;
            if (step == _gainStepApplied) return DeviceStatus.Ok;
            DeviceStatus st = _switches.SetGainStep(step);
            _gainStepApplied = st == DeviceStatus.Ok ? step : -1;
            return st;
        }

        private void StartRamp(long now)
        {
            int start = _targetDb - ControllerTiming.RampSpanDb;
            if (start < _volume.MinDb) start = _volume.MinDb;
            SetState(ControllerState.RampUp, now);
            if (WriteLevel(start, now)) FinishRampIfThere(now);
        }

        private void StepRampUp(long now, int detents, bool pressed)
        {
            if (pressed)
            {
                ToggleMute(now);
                return;
            }
            if (detents != 0)
            {
                _targetDb = ClampToRange(_targetDb + detents);
                _userLevelDb = _targetDb;
            }
            int next = _levelDb + ControllerTiming.RampStepDb;
            if (next > _targetDb) next = _targetDb;
            if (WriteLevel(next, now)) FinishRampIfThere(now);
        }

        private void FinishRampIfThere(long now)
        {
            if (_levelDb == _targetDb) SetState(ControllerState.Playing, now);
        }

        private void StepPlaying(long now, int detents, bool pressed)
        {
            if (detents != 0)
            {
                int wanted = ClampToRange(_userLevelDb + detents);
                if (wanted != _userLevelDb)
                {
                    _userLevelDb = wanted;
                    _targetDb = wanted;
                    if (!_userMuted && !WriteLevel(wanted, now)) return;
                }
            }
            if (pressed) ToggleMute(now);
        }

        private void ToggleMute(long now)
        {
            SetUserMuted(!_userMuted);
            if (_userMuted)
            {
                DeviceStatus st = Mute();
                if (st != DeviceStatus.Ok) EnterFault(st, now);
                else SetState(ControllerState.Playing, now);
                return;
            }
            _targetDb = _userLevelDb;
            StartRamp(now); // un-muting ramps too: no pop
        }

        /// <summary>S11: the encoder never goes past the cap (nor below the chip's deepest step).</summary>
        private int ClampToRange(int db)
        {
            if (db > _decision.CapDb) db = _decision.CapDb;
            if (db < _volume.MinDb) db = _volume.MinDb;
            return db;
        }

        /// <summary>
        /// The only path that un-mutes the attenuator. Never above the cap (S4), even if asked: every caller clamps its
        /// target already, so this is defence in depth (internal: tests exercise it directly).
        /// </summary>
        internal bool WriteLevel(int db, long now)
        {
            if (db > _decision.CapDb) db = _decision.CapDb;
            DeviceStatus st = _volume.SetLevels(db, db);
            if (st != DeviceStatus.Ok)
            {
                EnterFault(st, now);
                return false;
            }
            _chipMuted = false;
            _levelDb = db;
            return true;
        }

        private DeviceStatus Mute()
        {
            DeviceStatus st = _volume.Mute();
            _chipMuted = st == DeviceStatus.Ok;
            return st;
        }

        private void OpenRelay()
        {
            _ports.OutputRelay.Write(false);
            _relayClosed = false;
        }

        private void CloseRelay(long now)
        {
            _ports.OutputRelay.Write(true);
            _relayClosed = true;
            _relayClosedAtMs = now;
        }
    }
}
