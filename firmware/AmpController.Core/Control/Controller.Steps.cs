using AmpController.Core.Devices;
using AmpController.Core.Sensing;

namespace AmpController.Core.Control
{
    /// <summary>One step per phase, run once a tick: each returns the phase to be in (itself to stay) and changes none.</summary>
    public sealed partial class Controller
    {
        private ControllerPhase Step(long now, int detents, bool pressed)
        {
            switch (_phase)
            {
                case ControllerPhase.SafeStart: return StepSafeStart(now);
                case ControllerPhase.Unplugged: return StepUnplugged();
                case ControllerPhase.Debounce: return _jack.Value ? ControllerPhase.Measuring : _phase;
                case ControllerPhase.Measuring: return StepMeasuring(now);
                case ControllerPhase.NoLoad: return After(ControllerTiming.RemeasureNoLoadMs, now, ControllerPhase.Measuring);
                case ControllerPhase.OpeningForGain: return After(ControllerTiming.RelaySwitchMs, now, ControllerPhase.SwitchingGain);
                case ControllerPhase.SwitchingGain: return After(ControllerTiming.RelaySwitchMs, now, ControllerPhase.RelaySettling);
                case ControllerPhase.RelaySettling:
                    return After(ControllerTiming.RelaySettleMs, now, _userMuted ? ControllerPhase.PlayingMuted : ControllerPhase.RampUp);
                case ControllerPhase.RampUp: WarnAtCap(detents, now); return StepRampUp(detents, pressed);
                case ControllerPhase.Playing: WarnAtCap(detents, now); return StepPlaying(detents, pressed);
                case ControllerPhase.PlayingMuted: return StepPlayingMuted(detents, pressed);
                case ControllerPhase.Fault: return ControllerPhase.Recovering;
                case ControllerPhase.Recovering: return StepRecovering(now);
                case ControllerPhase.RecoverySettling: return StepRecoverySettling(now);
                default: return _phase;
            }
        }

        /// <summary>The next phase once this one has lasted <paramref name="ms"/>; until then, stay.</summary>
        private ControllerPhase After(int ms, long now, ControllerPhase next)
        {
            return now - _phaseSinceMs >= ms ? next : _phase;
        }

        /// <summary>S1: waits out the chip's power-up window and the supply, then initialises and reads back both chips.</summary>
        private ControllerPhase StepSafeStart(long now)
        {
            if (now - _bootMs < ControllerTiming.PowerOnSettleMs || !SupplySettled(now)) return _phase;
            DeviceStatus st = InitializeChips(now);
            return st == DeviceStatus.Ok ? ControllerPhase.Unplugged : Failed(st);
        }

        private ControllerPhase StepUnplugged()
        {
            ForgetStoredMuteIfEmpty();
            return _ports.JackSwitch.Read() ? ControllerPhase.Debounce : _phase;
        }

        /// <summary>The measurement's end (or its timeout, S7: uncertain), the sense relay open, the policy's decision.</summary>
        private ControllerPhase StepMeasuring(long now)
        {
            SenseResult result;
            if (_sensor.Poll(now)) result = _sensor.Result;
            else if (now - _phaseSinceMs >= ControllerTiming.MeasureTimeoutMs) result = _timedOutResult;
            else return _phase;

            DeviceStatus st = _output.SetSenseRelay(false);
            if (st != DeviceStatus.Ok) return Failed(st);
            NoteMeasured(result);
            _policy.Decide(result, _decision);
            _hasDecision = _decision.PlaysOn(_ports.Volume.MinDb); // the fitted chip must hold both cap and safe start
            TakeNewDecision();
            if (!_hasDecision) return ControllerPhase.NoLoad;
            _userLevelDb = SafeLevelDb();
            return ControllerPhase.SwitchingGain;
        }

        /// <summary>min(safe default level, cap): where every insertion and every recovery comes up (S2, S5).</summary>
        private int SafeLevelDb()
        {
            return _decision.SafeStartDb < _decision.CapDb ? _decision.SafeStartDb : _decision.CapDb;
        }

        /// <summary>S2: up by at most RampStepDb a tick; turns move the target (S11), a short press mutes.</summary>
        private ControllerPhase StepRampUp(int detents, bool pressed)
        {
            if (pressed) return ControllerPhase.PlayingMuted;
            if (detents != 0) _userLevelDb = ClampToRange(_userLevelDb + detents);
            int next = _output.LevelDb + ControllerTiming.RampStepDb;
            if (next > _userLevelDb) next = _userLevelDb;
            DeviceStatus st = _output.SetLevel(next);
            if (st != DeviceStatus.Ok) return Failed(st);
            return _output.LevelDb == _userLevelDb ? ControllerPhase.Playing : _phase;
        }

        /// <summary>One dB per detent, written at once (S11); then a short press mutes.</summary>
        private ControllerPhase StepPlaying(int detents, bool pressed)
        {
            if (detents != 0)
            {
                int wanted = ClampToRange(_userLevelDb + detents);
                if (wanted != _userLevelDb)
                {
                    _userLevelDb = wanted;
                    DeviceStatus st = _output.SetLevel(wanted);
                    if (st != DeviceStatus.Ok) return Failed(st);
                }
            }
            return pressed ? ControllerPhase.PlayingMuted : _phase;
        }

        /// <summary>Muted: turns move the level to come back to, without un-muting; a short press ramps back up (no pop).</summary>
        private ControllerPhase StepPlayingMuted(int detents, bool pressed)
        {
            if (detents != 0) _userLevelDb = ClampToRange(_userLevelDb + detents);
            return pressed ? ControllerPhase.RampUp : _phase;
        }

        /// <summary>S11: the encoder never goes past the cap (nor below the chip's deepest step).</summary>
        private int ClampToRange(int db)
        {
            if (db > _decision.CapDb) db = _decision.CapDb;
            if (db < _ports.Volume.MinDb) db = _ports.Volume.MinDb;
            return db;
        }
    }
}
