namespace AmpController.Core.Acoustics
{
    /// <summary>One "why" behind a policy decision: a stable short code for tools and a sentence for people.</summary>
    public sealed class Reason
    {
        public readonly string Code;
        public readonly string Text;

        public Reason(string code, string text)
        {
            Code = code;
            Text = text;
        }

        public override string ToString()
        {
            return Code + ": " + Text;
        }
    }

    /// <summary>The reason codes. Stable: the console, the simulator and tests match on them.</summary>
    public static class ReasonCodes
    {
        public const string LimitDefault = "LIMIT_DEFAULT";
        public const string LimitUser = "LIMIT_USER";
        public const string LimitClamped = "LIMIT_CLAMPED";
        public const string SafeDefaultClamped = "SAFE_DEFAULT_CLAMPED";
        public const string LoadOpen = "LOAD_OPEN";
        public const string LoadShort = "LOAD_SHORT";
        public const string LoadLine = "LOAD_LINE";
        public const string LoadUncertain = "LOAD_UNCERTAIN";
        public const string SenseUnconfirmed = "SENSE_UNCONFIRMED";
        public const string SensKnown = "SENS_KNOWN";
        public const string SensInvalid = "SENS_INVALID";
        public const string ProfileMatch = "PROFILE_MATCH";
        public const string ProfileAmbiguous = "PROFILE_AMBIGUOUS";
        public const string ProfileNoMatch = "PROFILE_NO_MATCH";
        public const string ProfileNoGain = "PROFILE_NO_GAIN";
        public const string SensWorstCase = "SENS_WORST_CASE";
        public const string GainIem = "GAIN_IEM";
        public const string GainMid = "GAIN_MID";
        public const string GainHigh = "GAIN_HIGH";
        public const string GainLowestUnconfirmed = "GAIN_LOWEST_UNCONFIRMED";
        public const string LimitUnreachable = "LIMIT_UNREACHABLE";
        public const string NoCleanPeaks = "NO_CLEAN_PEAKS";
        public const string CapLimit = "CAP_LIMIT";
        public const string CapFull = "CAP_FULL";
        public const string CapMute = "CAP_MUTE";
        public const string SafeStart = "SAFE_START";
        public const string HissAudible = "HISS_AUDIBLE";
        public const string NeedsDedicatedAmp = "NEEDS_DEDICATED_AMP";
        public const string DampingLow = "DAMPING_LOW";
        public const string AckTier = "ACK_TIER";
    }
}
