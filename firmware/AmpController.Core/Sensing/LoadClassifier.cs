using System;

namespace AmpController.Core.Sensing
{
    /// <summary>
    /// Load classes by resistance (docs/design.md §5, commercial jack-sense thresholds): below 2 Ω short, up to 5 kΩ a
    /// headphone, up to 100 kΩ a line input, above that nothing connected. Around each threshold lies a guard band
    /// (±8 %) where a first reading is Uncertain; hysteresis keeps the previous window's class while the reading stays
    /// within the guard band on that class's side, so a load near a threshold does not flap between windows.
    /// </summary>
    public static class LoadClassifier
    {
        public const double ShortBelowOhm = 2.0;
        public const double LineAboveOhm = 5000.0;
        public const double OpenAboveOhm = 100000.0;

        /// <summary>Guard band as a factor: the measurement error near the thresholds is below 4 % (hardware/README.md).</summary>
        public const double GuardFactor = 1.08;

        public static LoadClass ClassifyChannel(double ohm, LoadClass previous)
        {
            if (double.IsNaN(ohm) || ohm < 0) return LoadClass.Uncertain;
            if (previous != LoadClass.Uncertain && previous != LoadClass.Mono && WithinExtendedBand(ohm, previous))
                return previous;
            if (NearThreshold(ohm, ShortBelowOhm) || NearThreshold(ohm, LineAboveOhm) || NearThreshold(ohm, OpenAboveOhm))
                return LoadClass.Uncertain;
            return Band(ohm);
        }

        /// <summary>
        /// The plug's class from both channels: two headphone channels are a headphone; one shorted channel with a
        /// headphone on the other is a mono plug (its ring touches the sleeve); both shorted is a short; line with
        /// line, open or short (a mono line cable) is a line input; both open is open. Anything else — a headphone
        /// with an open or line channel, or any uncertain channel — is Uncertain.
        /// </summary>
        public static LoadClass Combine(LoadClass left, LoadClass right)
        {
            if (left == LoadClass.Uncertain || right == LoadClass.Uncertain) return LoadClass.Uncertain;
            if (left == LoadClass.Headphone && right == LoadClass.Headphone) return LoadClass.Headphone;
            if ((left == LoadClass.Headphone && right == LoadClass.Short) || (left == LoadClass.Short && right == LoadClass.Headphone))
                return LoadClass.Mono;
            if (left == LoadClass.Short && right == LoadClass.Short) return LoadClass.Short;
            if (left == LoadClass.Open && right == LoadClass.Open) return LoadClass.Open;
            if (left == LoadClass.Line || right == LoadClass.Line)
            {
                LoadClass other = left == LoadClass.Line ? right : left;
                if (other == LoadClass.Line || other == LoadClass.Open || other == LoadClass.Short) return LoadClass.Line;
            }
            return LoadClass.Uncertain;
        }

        static LoadClass Band(double ohm)
        {
            if (ohm < ShortBelowOhm) return LoadClass.Short;
            if (ohm < LineAboveOhm) return LoadClass.Headphone;
            if (ohm < OpenAboveOhm) return LoadClass.Line;
            return LoadClass.Open;
        }

        static bool NearThreshold(double ohm, double threshold)
        {
            return ohm >= threshold / GuardFactor && ohm < threshold * GuardFactor;
        }

        static bool WithinExtendedBand(double ohm, LoadClass cls)
        {
            switch (cls)
            {
                case LoadClass.Short: return ohm < ShortBelowOhm * GuardFactor;
                case LoadClass.Headphone: return ohm >= ShortBelowOhm / GuardFactor && ohm < LineAboveOhm * GuardFactor;
                case LoadClass.Line: return ohm >= LineAboveOhm / GuardFactor && ohm < OpenAboveOhm * GuardFactor;
                case LoadClass.Open: return ohm >= OpenAboveOhm / GuardFactor;
                default: return false;
            }
        }
    }
}
