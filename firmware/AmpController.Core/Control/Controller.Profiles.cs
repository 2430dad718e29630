using AmpController.Core.Devices;

namespace AmpController.Core.Control
{
    /// <summary>
    /// Stored profiles (docs/design.md §4 S2, S12; issue 19): the worst-case decision is always in force first. A matching
    /// profile is only offered (LED 0 blinks, the console says so, the trace's "offer"); the listener confirms it at the
    /// amplifier with the long press, never from the console. A confirmation that needs another gain goes through
    /// mute, relay open and the gain change (S3), then ramps back up at the same loudness. Removal, any fault and a
    /// reboot end it; after a fault it is offered again.
    /// </summary>
    public sealed partial class Controller
    {
        /// <summary>LED 0 of the expander (Devices/Tca9534/README.md bit map): the profile LED.</summary>
        public const int ProfileLedMask = 0x01;

        /// <summary>The offer LED blinks at 2 Hz (on 250 ms, off 250 ms); steady on once confirmed.</summary>
        public const int OfferBlinkHalfPeriodMs = 250;

        private readonly GainDecision _worstCase = new GainDecision();
        private ProfileOfferState _offerState = ProfileOfferState.None;
        private long _offeredAtMs;
        private long _offerShownAtMs = -1;
        private int _ledMask;

        public ProfileOfferState OfferState { get { return _offerState; } }

        /// <summary>The profile offered and not yet confirmed, or "".</summary>
        public string OfferedProfile { get { return _offerState == ProfileOfferState.Offered ? _decision.OfferName : ""; } }

        /// <summary>The profile the listener confirmed (its cap is in force), or "".</summary>
        public string ConfirmedProfile { get { return _offerState == ProfileOfferState.Confirmed ? _decision.OfferName : ""; } }

        /// <summary>Why the load stays silent in noLoad (the policy's reason code, e.g. LOAD_LINE), or "".</summary>
        public string SilentReason { get { return _phase == ControllerPhase.NoLoad ? _decision.SilentReason : ""; } }

        /// <summary>A new decision came from the policy: it is the worst case; remember it and offer a matching profile.</summary>
        private void TakeNewDecision()
        {
            _worstCase.CopyFrom(_decision);
            _offerState = _hasDecision && _decision.Offered ? ProfileOfferState.Offered : ProfileOfferState.None;
            _offeredAtMs = _ports.Clock.NowMs;
        }

        /// <summary>The headphone is gone or measured again: nothing is offered or confirmed any more.</summary>
        private void ForgetProfile()
        {
            _offerState = ProfileOfferState.None;
        }

        /// <summary>
        /// Any fault ends a confirmation: back to the worst-case decision, offered again once playing (S12). The offer
        /// counts as made again now, so a press held across the fault does not answer it.
        /// </summary>
        private void EndConfirmation()
        {
            if (_offerState == ProfileOfferState.None) return;
            if (_offerState == ProfileOfferState.Confirmed) _decision.CopyFrom(_worstCase);
            _offerState = ProfileOfferState.Offered;
            _offeredAtMs = _ports.Clock.NowMs;
        }

        /// <summary>
        /// The long press: confirms an offered profile while playing (or ramping); otherwise nothing. The press must have
        /// begun after the offer was shown, i.e. made (or made again after a fault) and its LED lit while playing
        /// (S12: a deliberate answer to the offer, not a hold left over from before it). With the same gain the cap is
        /// lifted and the level stays; another gain goes through mute, relay open and the gain change (S3).
        /// </summary>
        private ControllerPhase OnLongPress()
        {
            if (_offerState != ProfileOfferState.Offered) return Acknowledge(_ports.Clock.NowMs); // S12 tier (issue 16)
            if (_offerShownAtMs < _offeredAtMs || _gesture.PressStartedMs < _offerShownAtMs) return _phase;
            if (State != ControllerState.RampUp && State != ControllerState.Playing) return _phase;
            _offerState = ProfileOfferState.Confirmed;
            int gainChange = _decision.OfferGainDb - _decision.GainDb;
            _decision.GainStep = _decision.OfferGainStep;
            _decision.GainDb = _decision.OfferGainDb;
            _decision.CapDb = _decision.OfferCapDb;
            _decision.ProgrammeDbAtZeroDb = _decision.OfferProgrammeDbAtZeroDb; // S13: the dose at the profile's sensitivity
            if (_decision.GainStep == _output.GainStep) return _phase; // the cap is lifted; the level stays where it is

            // The attenuator moves the other way, so the level comes back (ramped) at the same loudness.
            _decision.SafeStartDb = ClampToRange(_decision.SafeStartDb - gainChange);
            _userLevelDb = ClampToRange(_userLevelDb - gainChange);
            return ControllerPhase.OpeningForGain;
        }

        /// <summary>LED 0: blinking while a profile is offered, on once confirmed, else off. Written only on change.</summary>
        private ControllerPhase ShowOffer(long now)
        {
            bool shownNow = _offerState == ProfileOfferState.Offered && _offerShownAtMs < _offeredAtMs
                && (State == ControllerState.RampUp || State == ControllerState.Playing);
            if (shownNow) _offerShownAtMs = now;
            int wanted = 0;
            if (_offerState == ProfileOfferState.Confirmed) wanted = ProfileLedMask;
            else if (_offerState == ProfileOfferState.Offered && (now / OfferBlinkHalfPeriodMs) % 2 == 0) wanted = ProfileLedMask;
            wanted |= TierLeds(now);
            if (wanted == _ledMask) return _phase;
            DeviceStatus st = _ports.Switches.SetLeds(wanted);
            if (st != DeviceStatus.Ok) return Failed(st);
            _ledMask = wanted;
            return _phase;
        }
    }
}
