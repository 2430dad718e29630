using AmpController.Core.Acoustics;
using AmpController.Core.Devices;
using AmpController.Core.SerialConsole;
using AmpController.Core.Storage;

namespace AmpController.Core.Control
{
    /// <summary>
    /// The console's view of the controller (IConsoleActions, rule S10): requests go to the controller, which takes
    /// them at its next tick through its own safety logic; settings edits reach the policy at once.
    /// The same object serves the ESP32 app and `ampsim console`.
    /// </summary>
    public sealed class ControllerConsoleActions : IConsoleActions
    {
        private readonly Controller _controller;
        private readonly SafetyCapPolicy _policy;
        private readonly Settings _settings;
        private ProfileOfferState _noticedOffer = ProfileOfferState.None;
        private int _noticedAckWarnings;
        private bool _noticedTier;
        private int _noticedDoseMultiple;

        public ControllerConsoleActions(Controller controller, SafetyCapPolicy policy, Settings settings)
        {
            _controller = controller;
            _policy = policy;
            _settings = settings;
        }

        public void Mute()
        {
            _controller.RequestMute(true);
        }

        public void Unmute()
        {
            _controller.RequestMute(false);
        }

        public void StepVolume(int steps)
        {
            _controller.RequestVolumeSteps(steps);
        }

        public void SettingsChanged()
        {
            _settings.ApplyTo(_policy.Input);
            _controller.RequestReevaluation();
        }

        /// <summary>Console lines run between ticks (ESP32 loop, ampsim console), so the controller is not mid-tick.</summary>
        public bool LeaveSafeMode()
        {
            if (_controller.State != ControllerState.SafeMode) return false;
            _controller.LeaveSafeMode();
            return true;
        }

        public string DoseText()
        {
            return Dose.DoseSummary.Describe(_controller.Dose, _controller.ProgrammeLevelDbA);
        }

        public string Describe()
        {
            string text = "controller " + _controller.StateName;
            if (_controller.SilentReason.Length > 0) text += " (" + _controller.SilentReason + ")";
            if (_controller.HasDecision) text += Levels();
            if (_controller.OfferedProfile.Length > 0) text += ", profile '" + _controller.OfferedProfile + "' offered";
            if (_controller.ConfirmedProfile.Length > 0) text += ", profile '" + _controller.ConfirmedProfile + "' confirmed";
            if (_controller.FaultCount > 0)
                text += ", " + _controller.FaultCount.ToString() + " fault(s), last " + DeviceStatusName();
            return text;
        }

        /// <summary>
        /// Levels as a listener reads them (issue 15): the programme level in dBA (EN 50332 programme signal, full scale
        /// -10 dB) at the present attenuator setting and at the cap, with the sensitivity the decision assumed, then the
        /// attenuator and gain in dB. E.g. ", level 70.4 dBA (attenuator -27 dB), cap 84.6 dBA (-13 dB), gain 0 dB".
        /// </summary>
        private string Levels()
        {
            PolicyDecision? decision = _policy.LastDecision;
            double dbPerV = double.NaN;
            string basis = "worst-case sensitivity";
            if (decision != null)
            {
                dbPerV = decision.AssumedSensitivityDbPerV;
                if (decision.SensitivityKnown) basis = "stated sensitivity";
                if (_controller.ConfirmedProfile.Length > 0 && decision.Offer != null)
                {
                    dbPerV = decision.Offer.DbPerV;
                    basis = "profile's sensitivity";
                }
            }
            BoardProfile board = _policy.Input.Board;
            bool silent = _controller.UserMuted || !_controller.RelayClosed;
            string level = silent ? "muted" : DbA(board, dbPerV, _controller.LevelDb);
            return ", level " + level + " (attenuator " + _controller.LevelDb.ToString() + " dB), cap "
                + DbA(board, dbPerV, _controller.CapDb) + " (" + _controller.CapDb.ToString() + " dB), gain "
                + _controller.GainDb.ToString() + " dB, " + basis + (_controller.UserMuted ? ", muted" : "");
        }

        private string DbA(BoardProfile board, double dbPerV, int attenuationDb)
        {
            if (double.IsNaN(dbPerV)) return "? dBA";
            double spl = VolumeCap.ProgrammeLevelDbA(board, dbPerV, _controller.GainDb, attenuationDb);
            if (double.IsNegativeInfinity(spl)) return "muted";
            return spl.ToString("F1") + " dBA";
        }

        /// <summary>
        /// S12: tells the listener when a profile is offered (and that only the long press at the amplifier confirms
        /// it: the console cannot) and when it was confirmed or the offer ended.
        /// </summary>
        public string TakeNotice()
        {
            string tier = TierNotice();
            if (tier.Length > 0) return tier;
            ProfileOfferState now = _controller.OfferState;
            if (now == _noticedOffer) return "";
            _noticedOffer = now;
            switch (now)
            {
                case ProfileOfferState.Offered:
                    return "profile '" + _controller.OfferedProfile + "' matches the headphone: hold the knob 1.5 s at the amplifier"
                        + " to use its cap (the console cannot confirm it)";
                case ProfileOfferState.Confirmed:
                    return "profile '" + _controller.ConfirmedProfile + "' confirmed at the amplifier: gain "
                        + _controller.GainDb.ToString() + " dB, cap " + _controller.CapDb.ToString() + " dB";
                default:
                    return "profile offer ended: the worst-case cap is in force";
            }
        }

        /// <summary>
        /// S12, S13 (issue 16): the warning at the cap (the console line beside LED 1 and the trace), the tier's start and
        /// end, and each multiple of the weekly dose reached. "" when nothing new.
        /// </summary>
        private string TierNotice()
        {
            if (_controller.AckWarnings != _noticedAckWarnings)
            {
                _noticedAckWarnings = _controller.AckWarnings;
                return "at the cap: above " + _policy.Input.LimitDbA.ToString("F0") + " dBA only in the acknowledged tier (up to "
                    + _policy.Input.AckLimitDbA.ToString("F0") + " dBA); hold the knob 1.5 s at the amplifier within 10 s to"
                    + " enter it. Long listening at high levels harms hearing.";
            }
            if (_controller.Acknowledged != _noticedTier)
            {
                _noticedTier = _controller.Acknowledged;
                return _noticedTier
                    ? "acknowledged tier: cap " + _controller.CapDb.ToString() + " dB at gain " + _controller.GainDb.ToString()
                        + " dB, until removal, a fault, 20 h of listening or 100 % dose"
                    : "acknowledged tier ended: the default limit is in force";
            }
            if (_controller.DoseWarnedMultiple > _noticedDoseMultiple)
            {
                _noticedDoseMultiple = _controller.DoseWarnedMultiple;
                return "sound dose " + (_noticedDoseMultiple * 100).ToString() + " % of the weekly allowance (S13): LED 2 on;"
                    + " 'dose' shows the days";
            }
            if (_controller.DoseWarnedMultiple < _noticedDoseMultiple) _noticedDoseMultiple = _controller.DoseWarnedMultiple;
            return "";
        }

        private string DeviceStatusName()
        {
            switch (_controller.LastFault)
            {
                case DeviceStatus.BusError: return "bus error";
                case DeviceStatus.Rejected: return "rejected";
                case DeviceStatus.Mismatch: return "readback mismatch";
                case DeviceStatus.ChipReset: return "chip reset";
                case DeviceStatus.NotReady: return "not ready";
                case DeviceStatus.SupplyLost: return "volume chip supply lost";
                default: return "ok";
            }
        }
    }
}
