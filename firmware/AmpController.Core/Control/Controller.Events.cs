using AmpController.Core.Devices;

namespace AmpController.Core.Control
{
    /// <summary>Events the tick handles besides the phase's own step: removal and supervision (each returns the next phase).</summary>
    public sealed partial class Controller
    {
        /// <summary>
        /// Removal is not debounced: the first tick that reads the jack open completes the cut of the sampler (S2). Whatever
        /// the phase, the decision, a profile and a resume are forgotten; an inserted phase goes to Unplugged.
        /// </summary>
        private ControllerPhase OnRemoval(long now)
        {
            _jackOutSeen = false;
            _jack.Reset(false, now);
            _resumePlayback = false;
            _hasDecision = false;
            ForgetProfile();
            ForgetTier();
            if (_phase == ControllerPhase.Debounce || IsInserted(_phase)) return ControllerPhase.Unplugged;
            return _phase;
        }

        /// <summary>Once per period: read back (DS1882, TCA9534) or refresh (PT2258) the chips (S5, S6).</summary>
        private ControllerPhase Supervise(long now)
        {
            _nextSupervisionMs = now + ControllerTiming.SupervisionPeriodMs;
            DeviceStatus st = _output.Verify();
            return st == DeviceStatus.Ok ? _phase : Failed(st);
        }
    }
}
