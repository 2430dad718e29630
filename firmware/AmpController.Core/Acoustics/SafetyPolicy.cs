using System;
using System.Collections;
using AmpController.Core.Sensing;

namespace AmpController.Core.Acoustics
{
    /// <summary>
    /// The one entry point: on insertion, decide gain, cap (S4), safe start (S2) and advice, with reasons.
    /// The decision always uses the worst-case sensitivity for the measured impedance (or one stated for this very
    /// headphone, `ampsim cap --sensitivity`); a matching stored profile comes back as <see cref="PolicyDecision.Offer"/>,
    /// which only the listener's long press at the amplifier applies (S2, S12; issue 19).
    /// S7: open, short, line input and uncertain results stay muted (relay open; "when in doubt, mute"); a mono plug
    /// takes the lowest gain and the larger of the global worst-case sensitivity and whatever a confirmed reading would
    /// have assumed, so it is never louder than a confirmed one. Runs once per insertion, so it may allocate.
    /// </summary>
    public static class SafetyPolicy
    {
        public static PolicyDecision Decide(PolicyInput input)
        {
            PolicyDecision d = new PolicyDecision();
            ArrayList reasons = new ArrayList();
            BoardProfile board = input.Board == null ? BoardProfile.Reference() : input.Board;
            d.LimitDbA = ClampLimit(input.LimitDbA, reasons);
            d.SafeDefaultDbA = ClampSafeDefault(input.SafeDefaultDbA, reasons);
            d.AckLimitDbA = AcknowledgedTier.Limit(input.AckLimitDbA);
            d.MeasuredOhm = input.MeasuredOhm;

            Reason? silent = SilentLoad(input.Class);
            if (silent != null)
            {
                reasons.Add(silent);
                return Muted(board, d, reasons);
            }

            double dbPerV = ConfirmedSensitivity(input, d, reasons);
            bool confirmed = input.Class == LoadClass.Headphone;
            if (!confirmed)
            {
                double global = WorstCaseSensitivity.GlobalMaxDbPerV;
                dbPerV = Math.Max(dbPerV, global);
                d.Source = SensitivitySource.Unconfirmed;
                reasons.Add(new Reason(ReasonCodes.SenseUnconfirmed, "Sense result '" + ClassName(input.Class)
                    + "' is not a confirmed headphone: assuming the most sensitive headphone ("
                    + dbPerV.ToString("F1") + " dB/V) and the lowest gain."));
            }
            d.AssumedSensitivityDbPerV = dbPerV;

            double loadOhm = AcousticMath.IsFinite(d.MeasuredOhm) ? d.MeasuredOhm : WorstCaseSensitivity.MinHeadphoneOhm;
            GainChoice gain = confirmed
                ? GainChoice.Choose(board, dbPerV, loadOhm, d.LimitDbA)
                : GainChoice.Lowest(board, dbPerV, loadOhm, d.LimitDbA);
            ApplyGain(board, gain, confirmed, d, reasons);

            d.CapDb = VolumeCap.StepForLevel(board, dbPerV, d.GainDb, d.LimitDbA);
            if (d.CapDb == AttenuatorProfile.MuteDb)
            {
                reasons.Add(new Reason(ReasonCodes.CapMute, "Even the deepest step (" + board.Attenuator.MinDb.ToString("D")
                    + " dB) would exceed " + d.LimitDbA.ToString("F0") + " dBA at " + dbPerV.ToString("F1")
                    + " dB/V: output stays muted."));
                return Muted(board, d, reasons);
            }
            d.SplAtCapDbA = VolumeCap.ProgrammeLevelDbA(board, dbPerV, d.GainDb, d.CapDb);
            reasons.Add(d.CapDb == 0 && d.SplAtCapDbA < d.LimitDbA
                ? new Reason(ReasonCodes.CapFull, "No attenuation needed: at 0 dB the programme reaches "
                    + d.SplAtCapDbA.ToString("F1") + " dBA, below the " + d.LimitDbA.ToString("F0") + " dBA limit.")
                : new Reason(ReasonCodes.CapLimit, "Volume capped at " + d.CapDb.ToString("D") + " dB: the programme (full scale -10 dB) gives "
                    + d.SplAtCapDbA.ToString("F1") + " dBA at " + dbPerV.ToString("F1") + " dB/V and gain "
                    + d.GainDb.ToString("D") + " dB; the limit is " + d.LimitDbA.ToString("F0") + " dBA."));

            int start = VolumeCap.StepForLevel(board, dbPerV, d.GainDb, d.SafeDefaultDbA);
            d.SafeStartDb = VolumeCap.Quieter(start, d.CapDb);
            d.SplAtSafeStartDbA = VolumeCap.ProgrammeLevelDbA(board, dbPerV, d.GainDb, d.SafeStartDb);
            reasons.Add(new Reason(ReasonCodes.SafeStart, d.SafeStartDb == AttenuatorProfile.MuteDb
                ? "Starts muted: even the deepest step is above the safe default level."
                : "Starts at " + d.SafeStartDb.ToString("D") + " dB (" + d.SplAtSafeStartDbA.ToString("F1")
                    + " dBA), the lower of the safe default " + d.SafeDefaultDbA.ToString("F0") + " dBA and the cap."));

            AcknowledgedTier.Apply(board, dbPerV, loadOhm, confirmed, input.AckLimitDbA, d, reasons);
            AddHissAndAdvice(board, input, d, reasons);
            if (confirmed && d.Source == SensitivitySource.WorstCase) d.Offer = ProfileOffers.OfferFor(board, input, d, reasons);
            d.SetReasons(reasons);
            return d;
        }

        /// <summary>S7: the loads that never play (the output relay stays open), with the reason reported; else null.</summary>
        static Reason? SilentLoad(LoadClass c)
        {
            switch (c)
            {
                case LoadClass.Open: return new Reason(ReasonCodes.LoadOpen, "Nothing connected: output stays muted.");
                case LoadClass.Short: return new Reason(ReasonCodes.LoadShort, "Short circuit at the jack: output stays muted.");
                case LoadClass.Line: return new Reason(ReasonCodes.LoadLine, "A line input, not a headphone: output stays muted.");
                case LoadClass.Uncertain:
                    return new Reason(ReasonCodes.LoadUncertain, "The measurement is uncertain: output stays muted until a new measurement is clear.");
                default: return null;
            }
        }


        /// <summary>The sensitivity a confirmed reading assumes: stated for this headphone, else the worst case (never a profile: S12).</summary>
        static double ConfirmedSensitivity(PolicyInput input, PolicyDecision d, ArrayList reasons)
        {
            double ohm = d.MeasuredOhm;
            double worst = WorstCaseSensitivity.DbPerVForMeasuredOhm(ohm);
            if (input.HasKnownSensitivity)
            {
                double v = input.KnownSensitivity;
                bool plausible = PolicyLimits.IsUsableSensitivity(v);
                bool convertible = input.KnownUnit == SensitivityUnit.DbPerV || AcousticMath.IsFinite(ohm);
                if (plausible && convertible)
                {
                    // dB/mW converts at the measured DC resistance, the lowest plausible nominal: the louder side.
                    double known = AcousticMath.ToDbPerV(v, input.KnownUnit, ohm);
                    d.Source = SensitivitySource.Known;
                    reasons.Add(new Reason(ReasonCodes.SensKnown, "Sensitivity given: " + known.ToString("F1") + " dB/V."));
                    return known;
                }
                reasons.Add(new Reason(ReasonCodes.SensInvalid, "The given sensitivity is not usable; ignoring it."));
            }
            d.Source = SensitivitySource.WorstCase;
            reasons.Add(new Reason(ReasonCodes.SensWorstCase, "Sensitivity unknown: assuming the worst case for "
                + (AcousticMath.IsFinite(ohm) ? ohm.ToString("F1") + " ohm" : "an unmeasured load") + ", "
                + worst.ToString("F1") + " dB/V (most sensitive listed model with margin)."));
            return worst;
        }



        static void ApplyGain(BoardProfile board, GainChoice gain, bool confirmed, PolicyDecision d, ArrayList reasons)
        {
            d.GainStep = gain.Step;
            d.GainDb = gain.GainDb;
            d.ReachesLimit = gain.ReachesLimit;
            d.CleanPeaks = gain.CleanPeaks;
            string name = gain.Step == 0 ? ReasonCodes.GainIem
                : gain.Step == board.GainStepCount - 1 ? ReasonCodes.GainHigh : ReasonCodes.GainMid;
            reasons.Add(new Reason(confirmed ? name : ReasonCodes.GainLowestUnconfirmed, "Gain " + gain.GainDb.ToString("D")
                + " dB: " + (confirmed ? "the lowest gain that reaches the limit with 10 dB peak headroom"
                    : "the lowest gain, because the load is not confirmed")
                + " (full scale at the limit needs " + gain.NeededFullScaleVrms.ToString("F3") + " Vrms)."));
            if (!gain.ReachesLimit)
                reasons.Add(new Reason(ReasonCodes.LimitUnreachable, "Even at gain " + gain.GainDb.ToString("D")
                    + " dB and 0 dB attenuation the programme stays below the limit."));
            if (!gain.CleanPeaks)
                reasons.Add(new Reason(ReasonCodes.NoCleanPeaks, "Full-scale peaks at the limit need "
                    + gain.NeededFullScaleVrms.ToString("F2") + " Vrms but the output delivers only "
                    + gain.CleanOutputVrms.ToString("F2") + " Vrms cleanly into this load: loud peaks will clip."));
        }

        static void AddHissAndAdvice(BoardProfile board, PolicyInput input, PolicyDecision d, ArrayList reasons)
        {
            d.HissDbA = AcousticMath.LevelForVolts(board.OutputNoiseVrms(d.GainDb), d.AssumedSensitivityDbPerV);
            d.HissAudible = d.HissDbA > PolicyLimits.HissAudibleDbA;
            if (d.HissAudible)
                reasons.Add(new Reason(ReasonCodes.HissAudible, "Hiss about " + d.HissDbA.ToString("F1") + " dBA at "
                    + d.AssumedSensitivityDbPerV.ToString("F1") + " dB/V may be audible in a quiet room."));
            double ohm = d.MeasuredOhm;
            if (AcousticMath.IsFinite(ohm))
            {
                d.DampingFactor = Advice.DampingFactor(ohm, board.OutputImpedanceOhm);
                if (Advice.DampingTooLow(ohm, board.OutputImpedanceOhm))
                    reasons.Add(new Reason(ReasonCodes.DampingLow, "Damping factor " + d.DampingFactor.ToString("F1")
                        + " is below 8: the headphone should be at least 8x the output impedance."));
            }
            if (d.SensitivityKnown && AcousticMath.IsFinite(ohm))
            {
                double dbPerMw = AcousticMath.DbPerVToDbPerMw(d.AssumedSensitivityDbPerV, ohm);
                d.NeedsDedicatedAmp = Advice.NeedsDedicatedAmp(dbPerMw);
                if (d.NeedsDedicatedAmp)
                    reasons.Add(new Reason(ReasonCodes.NeedsDedicatedAmp, dbPerMw.ToString("F1")
                        + " dB/mW is at or below 95 dB/mW: this headphone needs a dedicated amplifier."));
            }
        }

        static PolicyDecision Muted(BoardProfile board, PolicyDecision d, ArrayList reasons)
        {
            d.Muted = true;
            d.GainStep = 0;
            d.GainDb = board.LowestGainDb;
            d.CapDb = AttenuatorProfile.MuteDb;
            d.SafeStartDb = AttenuatorProfile.MuteDb;
            d.SplAtCapDbA = double.NegativeInfinity;
            d.SplAtSafeStartDbA = double.NegativeInfinity;
            d.SetReasons(reasons);
            return d;
        }

        /// <summary>
        /// The limit is capped at 100 dBA (S4) but never raised: a limit below the settings range (60 dBA) is honoured,
        /// because quieter is always safe. No limit at all (NaN) means the default.
        /// </summary>
        static double ClampLimit(double limit, ArrayList reasons)
        {
            return CapAtMaximum(limit, PolicyLimits.DefaultLimitDbA, PolicyLimits.MaxLimitDbA,
                ReasonCodes.LimitClamped, "Limit", reasons, true);
        }

        /// <summary>The safe start level is capped at 80 dBA (S2) and, like the limit, never raised.</summary>
        static double ClampSafeDefault(double level, ArrayList reasons)
        {
            return CapAtMaximum(level, PolicyLimits.DefaultSafeDbA, PolicyLimits.MaxSafeDbA,
                ReasonCodes.SafeDefaultClamped, "Safe default level", reasons, false);
        }

        static double CapAtMaximum(double value, double fallback, double max, string code, string what,
            ArrayList reasons, bool reportLimit)
        {
            double v = AcousticMath.IsFinite(value) ? value : fallback;
            if (v > max) v = max;
            if (v != value)
                reasons.Add(new Reason(code, what + " set to " + v.ToString("F0") + " dBA (at most "
                    + max.ToString("F0") + " dBA; none given means the default)."));
            else if (reportLimit)
                reasons.Add(new Reason(v == PolicyLimits.DefaultLimitDbA ? ReasonCodes.LimitDefault : ReasonCodes.LimitUser,
                    "Limit " + v.ToString("F0") + " dBA with the programme signal (S4)."));
            return v;
        }

        static string ClassName(LoadClass c)
        {
            switch (c)
            {
                case LoadClass.Mono: return "mono plug";
                case LoadClass.Line: return "line input";
                case LoadClass.Uncertain: return "uncertain";
                case LoadClass.Open: return "open";
                case LoadClass.Short: return "short";
                default: return "headphone";
            }
        }
    }
}
