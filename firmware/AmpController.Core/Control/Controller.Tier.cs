using AmpController.Core.Devices;
using AmpController.Core.Dose;

namespace AmpController.Core.Control
{
    /// <summary>
    /// The acknowledged tier (S12) and the sound dose (S13), issue 16. At the cap a further turn up warns (LED 1 blinks at
    /// 4 Hz, the console says so, the trace's "ackWarning") when the tier would allow more; a long press that begins
    /// within <see cref="AckWarningWindowMs"/> after the warning unlocks it: the decision's gain and cap become the tier's
    /// (AcknowledgedTier: the cap recomputed for the acknowledged limit with the sensitivity in force). Another gain goes
    /// through mute, relay open and the gain change (S3) and ramps back at the same loudness. The tier ends on removal,
    /// a re-measure (load watch, new settings), any fault, a reboot (nothing of it is stored), after
    /// <see cref="AckTierListeningLimitMs"/> of listening in it and at 100 % of the weekly dose; no console command
    /// reaches it. Every tick adds the second's share of the weekly allowance at the programme level the cap assumes,
    /// computed from what the output path wrote (relay closed and attenuator playing; else nothing). No allocation.
    /// </summary>
    public sealed partial class Controller
    {
        /// <summary>LED 1 of the expander (Devices/Tca9534/README.md bit map): blinks at 4 Hz on the warning, on in the tier.</summary>
        public const int TierLedMask = 0x02;

        /// <summary>LED 2: on while the weekly sound dose is at or above 100 % (S13).</summary>
        public const int DoseLedMask = 0x04;

        public const int AckWarningBlinkHalfPeriodMs = 125;

        /// <summary>The long press must begin within 10 s of the warning (a deliberate answer to it, S12).</summary>
        public const int AckWarningWindowMs = 10000;

        /// <summary>S12 / EN 50332-3: the acknowledgment lasts 20 h of listening, then it is asked again.</summary>
        public const long AckTierListeningLimitMs = 20L * 3600 * 1000;

        private readonly GainDecision _defaultTier = new GainDecision();
        private readonly DoseMeter _dose = new DoseMeter();
        private bool _acknowledged;
        private long _ackWarnedAtMs = -1;
        private long _tierListeningMs;
        private long _lastDoseMs = -1;
        private int _tierEndings;
        private int _ackWarnings;
        private int _doseWarnedMultiple;

        /// <summary>The weekly sound dose (S13); the platform restores it at start-up and stores it between ticks (DoseStore).</summary>
        public DoseMeter Dose { get { return _dose; } }

        public bool Acknowledged { get { return _acknowledged; } }

        /// <summary>The trace's "tier" (docs/design.md §7).</summary>
        public string TierName { get { return _acknowledged ? "acknowledged" : "default"; } }

        /// <summary>A warning at the cap stands: a long press now unlocks the tier.</summary>
        public bool AckWarningActive { get { return _ackWarnedAtMs >= 0; } }

        public long TierListeningMs { get { return _tierListeningMs; } }
        public int TierEndings { get { return _tierEndings; } }
        public int AckWarnings { get { return _ackWarnings; } }

        /// <summary>The last multiple of the weekly allowance warned about (1 = 100 %), 0 before any.</summary>
        public int DoseWarnedMultiple { get { return _doseWarnedMultiple; } }

        public double DosePercent { get { return _dose.WeeklyFraction * 100.0; } }

        /// <summary>The programme level the dose counts now (what the cap assumes for the output path's state), or NaN.</summary>
        public double ProgrammeLevelDbA
        {
            get
            {
                if (!_hasDecision || !_output.RelayClosed || _output.ChipMuted) return double.NaN;
                return _decision.ProgrammeDbAtZeroDb + _decision.GainDb + _output.LevelDb;
            }
        }

        /// <summary>What the tier would allow for the decision in force (a confirmed profile's tier once confirmed).</summary>
        private bool TierAllowsMore()
        {
            if (!_hasDecision || _offerState == ProfileOfferState.Offered) return false; // an offer stands: the press answers it
            bool confirmed = _offerState == ProfileOfferState.Confirmed;
            int total = confirmed ? _decision.OfferAckGainDb + _decision.OfferAckCapDb : _decision.AckGainDb + _decision.AckCapDb;
            bool available = confirmed ? _decision.OfferAckAvailable : _decision.AckAvailable;
            return available && total > _decision.GainDb + _decision.CapDb;
        }

        /// <summary>A turn up that the cap stopped: the warning, when the tier would allow more and the dose is below 100 %.</summary>
        private void WarnAtCap(int detents, long now)
        {
            if (detents <= 0 || _acknowledged || _userLevelDb + detents <= _decision.CapDb) return;
            if (!TierAllowsMore() || _dose.WeeklyFraction >= 1.0) return;
            if (_ackWarnedAtMs < 0) _ackWarnings++;
            _ackWarnedAtMs = now;
        }

        /// <summary>The long press after the warning: the tier's gain and cap; another gain goes through S3.</summary>
        private ControllerPhase Acknowledge(long now)
        {
            if (_acknowledged || _ackWarnedAtMs < 0 || !PressAnswersWarning()) return _phase;
            if (State != ControllerState.RampUp && State != ControllerState.Playing) return _phase;
            if (!TierAllowsMore() || _dose.WeeklyFraction >= 1.0) return _phase;
            bool confirmed = _offerState == ProfileOfferState.Confirmed;
            _defaultTier.CopyFrom(_decision);
            _acknowledged = true;
            _ackWarnedAtMs = -1;
            _tierListeningMs = 0;
            int gainChange = (confirmed ? _decision.OfferAckGainDb : _decision.AckGainDb) - _decision.GainDb;
            _decision.GainStep = confirmed ? _decision.OfferAckGainStep : _decision.AckGainStep;
            _decision.GainDb = confirmed ? _decision.OfferAckGainDb : _decision.AckGainDb;
            _decision.CapDb = confirmed ? _decision.OfferAckCapDb : _decision.AckCapDb;
            if (_decision.GainStep == _output.GainStep) return _phase; // the cap is lifted; the level stays where it is
            _decision.SafeStartDb = ClampToRange(_decision.SafeStartDb - gainChange);
            _userLevelDb = ClampToRange(_userLevelDb - gainChange);
            return ControllerPhase.OpeningForGain;
        }

        /// <summary>The current (or last) press began within <see cref="AckWarningWindowMs"/> after the warning (S12).</summary>
        private bool PressAnswersWarning()
        {
            long sinceWarning = _gesture.PressStartedMs - _ackWarnedAtMs;
            return sinceWarning >= 0 && sinceWarning <= AckWarningWindowMs;
        }

        /// <summary>
        /// The tick's dose: adds the interval at the level in force, counts listening in the tier, warns at each multiple
        /// of the allowance, and ends the tier at 100 % or after 20 h of listening in it (while playing; in the other
        /// phases at the next tick that plays, as the level is then muted or being configured).
        /// </summary>
        private ControllerPhase TrackDose(long now)
        {
            double level = ProgrammeLevelDbA;
            _dose.Update(now, level);
            if (_acknowledged && !double.IsNaN(level) && _lastDoseMs >= 0) _tierListeningMs += now - _lastDoseMs;
            _lastDoseMs = now;
            int multiple;
            if (_dose.TakeWarning(out multiple)) _doseWarnedMultiple = multiple;
            if (_ackWarnedAtMs >= 0 && now - _ackWarnedAtMs > AckWarningWindowMs && !(_gesture.Held && PressAnswersWarning()))
                _ackWarnedAtMs = -1; // kept while a press begun within the window is held: its long press comes 1.5 s later
            if (!_acknowledged) return _phase;
            bool over = _dose.WeeklyFraction >= 1.0 || _tierListeningMs >= AckTierListeningLimitMs;
            if (!over || (State != ControllerState.RampUp && State != ControllerState.Playing)) return _phase;
            return EndTier(now);
        }

        /// <summary>Back to the default tier while playing: same gain, the level comes down to the cap at once; else S3.</summary>
        private ControllerPhase EndTier(long now)
        {
            int gainChange = _defaultTier.GainDb - _decision.GainDb;
            RestoreDefaultTier();
            if (_decision.GainStep == _output.GainStep)
            {
                if (_userLevelDb > _decision.CapDb) _userLevelDb = _decision.CapDb;
                if (_output.ChipMuted || _output.LevelDb <= _decision.CapDb) return _phase;
                DeviceStatus st = _output.SetLevel(_decision.CapDb);
                return st == DeviceStatus.Ok ? _phase : Failed(st);
            }
            _userLevelDb = ClampToRange(_userLevelDb - gainChange);
            return ControllerPhase.OpeningForGain;
        }

        /// <summary>Fault (S5): the default tier's gain and cap again before anything is re-initialised.</summary>
        private void EndTierOnFault()
        {
            if (_acknowledged) RestoreDefaultTier();
            _ackWarnedAtMs = -1;
        }

        /// <summary>Removal or a new measurement: the decision is discarded anyway; nothing of the tier is left.</summary>
        private void ForgetTier()
        {
            if (_acknowledged) _tierEndings++;
            _acknowledged = false;
            _ackWarnedAtMs = -1;
            _tierListeningMs = 0;
        }

        private void RestoreDefaultTier()
        {
            _acknowledged = false;
            _tierEndings++;
            _ackWarnedAtMs = -1;
            _tierListeningMs = 0;
            _decision.GainStep = _defaultTier.GainStep;
            _decision.GainDb = _defaultTier.GainDb;
            _decision.CapDb = _defaultTier.CapDb;
            _decision.SafeStartDb = _defaultTier.SafeStartDb;
        }

        /// <summary>LED bits of the tier and the dose: blinking on the warning, on in the tier; the dose LED from 100 %.</summary>
        private int TierLeds(long now)
        {
            int bits = 0;
            if (_acknowledged) bits |= TierLedMask;
            else if (_ackWarnedAtMs >= 0 && now - _ackWarnedAtMs <= AckWarningWindowMs
                && (now / AckWarningBlinkHalfPeriodMs) % 2 == 0) bits |= TierLedMask; // the blink stops at 10 s
            if (_dose.WeeklyFraction >= 1.0) bits |= DoseLedMask;
            return bits;
        }
    }
}
