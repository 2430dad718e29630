using AmpController.Core.Devices;

namespace AmpController.Core.Control
{
    /// <summary>
    /// Exit and entry actions, run only by <see cref="Go"/>. An entry returns the phase to be in: itself, Fault when a
    /// write failed (<see cref="Failed"/>), or the phase it leads to at once (a ramp that starts at its target plays).
    /// </summary>
    public sealed partial class Controller
    {
        private void Exit(ControllerPhase phase)
        {
            // Whatever ends a measurement (result, timeout, removal, fault, new settings): the test source goes off.
            if (phase == ControllerPhase.Measuring) _sensor.Stop();
        }

        private ControllerPhase Enter(ControllerPhase phase, ControllerPhase from, long now)
        {
            switch (phase)
            {
                case ControllerPhase.Unplugged: return IsInserted(from) ? EnterUnpluggedByRemoval(now) : phase;
                case ControllerPhase.Measuring: return EnterMeasuring(now);
                case ControllerPhase.OpeningForGain: return EnterOpeningForGain(now);
                case ControllerPhase.SwitchingGain: return EnterSwitchingGain(now);
                case ControllerPhase.RelaySettling: return EnterRelaySettling(now);
                case ControllerPhase.RampUp: return EnterRampUp();
                case ControllerPhase.PlayingMuted: return EnterPlayingMuted();
                case ControllerPhase.Fault: return EnterFault(from, now);
                case ControllerPhase.SafeMode: return EnterSafeMode(now);
                default: return phase;
            }
        }

        /// <summary>S2: the headphone left: relay open (the sampler cut it already), sense relay open, muted, mute forgotten.</summary>
        private ControllerPhase EnterUnpluggedByRemoval(long now)
        {
            _output.Open(now);
            SetUserMuted(false);
            DeviceStatus st = _output.SetSenseRelay(false);
            if (st == DeviceStatus.Ok) st = _output.Mute();
            return st == DeviceStatus.Ok ? ControllerPhase.Unplugged : Failed(st);
        }

        /// <summary>A fresh insertion (S2): no decision, profile or resume left; relay open, muted, then the test source.</summary>
        private ControllerPhase EnterMeasuring(long now)
        {
            _insertionCount++;
            _hasDecision = false;
            ForgetProfile();
            ForgetTier();
            _resumePlayback = false;
            SetUserMuted(TakeRestoredMute());
            _output.Open(now); // the test source must never meet the amplifier output (IImpedanceSensor contract)
            DeviceStatus st = _output.Mute();
            if (st == DeviceStatus.Ok) st = _output.SetSenseRelay(true);
            if (st != DeviceStatus.Ok) return Failed(st);
            _sensor.Start(now);
            return ControllerPhase.Measuring;
        }

        /// <summary>S3, S12: a confirmed profile needs another gain: mute, then open the relay; the gain follows a tick later.</summary>
        private ControllerPhase EnterOpeningForGain(long now)
        {
            DeviceStatus st = _output.Mute();
            if (st != DeviceStatus.Ok) return Failed(st);
            _output.Open(now);
            return ControllerPhase.OpeningForGain;
        }

        /// <summary>S1, S3: mute, the decision's gain, readback of both chips, and (issue 19) a chip powered for 250 ms.</summary>
        private ControllerPhase EnterSwitchingGain(long now)
        {
            DeviceStatus st = _output.Mute();
            if (st == DeviceStatus.Ok) st = _output.SetGainStep(_decision.GainStep, now);
            if (st == DeviceStatus.Ok) st = _output.Verify();
            if (st == DeviceStatus.Ok && !SupplySettled(now)) st = DeviceStatus.SupplyLost;
            return st == DeviceStatus.Ok ? ControllerPhase.SwitchingGain : Failed(st);
        }

        /// <summary>The relay closes onto the muted attenuator, a tick after the gain relays switched (S3).</summary>
        private ControllerPhase EnterRelaySettling(long now)
        {
            DeviceStatus st = _output.Close(now);
            return st == DeviceStatus.Ok ? ControllerPhase.RelaySettling : Failed(st);
        }

        /// <summary>S2: the ramp starts RampSpanDb below the listener's level (un-muting ramps too: no pop).</summary>
        private ControllerPhase EnterRampUp()
        {
            if (_userMuted) SetUserMuted(false);
            int start = _userLevelDb - ControllerTiming.RampSpanDb;
            if (start < _ports.Volume.MinDb) start = _ports.Volume.MinDb;
            DeviceStatus st = _output.SetLevel(start);
            if (st != DeviceStatus.Ok) return Failed(st);
            return _output.LevelDb == _userLevelDb ? ControllerPhase.Playing : ControllerPhase.RampUp;
        }

        /// <summary>The listener's mute: the attenuator mutes (it already is after the relay settled), the relay stays closed.</summary>
        private ControllerPhase EnterPlayingMuted()
        {
            if (!_userMuted) SetUserMuted(true);
            if (_output.ChipMuted) return ControllerPhase.PlayingMuted;
            DeviceStatus st = _output.Mute();
            return st == DeviceStatus.Ok ? ControllerPhase.PlayingMuted : Failed(st);
        }

        /// <summary>
        /// S5: the output relay opens in the tick the fault is seen, the attenuator mutes as far as it answers, recovery
        /// starts with back-off. A fault while configuring or playing resumes after recovery at a safe level.
        /// </summary>
        private ControllerPhase EnterFault(ControllerPhase from, long now)
        {
            _output.Open(now);
            ControllerState was = ControllerPhases.Parent(from);
            bool wasPlaying = was == ControllerState.Configuring || was == ControllerState.RampUp || was == ControllerState.Playing;
            if (wasPlaying && _hasDecision) _resumePlayback = true;
            EndTierOnFault(); // S12: before the profile's confirmation ends (the tier may sit on a confirmed profile)
            EndConfirmation();
            _output.MuteBestEffort();
            _lastFault = _pendingFault;
            _pendingFault = DeviceStatus.Ok;
            _faultCount++;
            _backoff.Start(now);
            return ControllerPhase.Fault;
        }

        /// <summary>S8: boot loop: relay open, attenuator muted as far as it answers, console only.</summary>
        private ControllerPhase EnterSafeMode(long now)
        {
            _output.Open(now);
            _output.MuteBestEffort();
            _hasDecision = false;
            return ControllerPhase.SafeMode;
        }
    }
}
