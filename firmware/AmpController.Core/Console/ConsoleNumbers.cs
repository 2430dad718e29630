namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// Strict number parsing for the console: plain decimal digits only, so "NaN", "1e3", "0x10", "Infinity",
    /// " 5" or "5." are rejected instead of being read by a permissive library parser.
    /// </summary>
    public static class ConsoleNumbers
    {
        private const int MaxDigits = 5; // keeps every accepted value far from int overflow

        /// <summary>Unsigned decimal integer, e.g. "85".</summary>
        public static bool TryParseUnsigned(string token, out int value)
        {
            value = 0;
            if (token.Length == 0 || token.Length > MaxDigits) return false;
            for (int i = 0; i < token.Length; i++)
            {
                char c = token[i];
                if (c < '0' || c > '9') return false;
                value = value * 10 + (c - '0');
            }
            return true;
        }

        /// <summary>Integer with a mandatory sign, e.g. "+3" or "-10".</summary>
        public static bool TryParseSigned(string token, out int value)
        {
            value = 0;
            if (token.Length < 2 || (token[0] != '+' && token[0] != '-')) return false;
            if (!TryParseUnsigned(token.Substring(1), out int magnitude)) return false;
            value = token[0] == '-' ? -magnitude : magnitude;
            return true;
        }

        /// <summary>Non-negative decimal with at most one fractional digit, in tenths: "97" → 970, "12.8" → 128.</summary>
        public static bool TryParseTenths(string token, out int tenths)
        {
            tenths = 0;
            int dot = token.IndexOf('.');
            if (dot < 0)
            {
                if (!TryParseUnsigned(token, out int whole)) return false;
                tenths = whole * 10;
                return true;
            }
            if (dot != token.Length - 2) return false;
            char fraction = token[token.Length - 1];
            if (fraction < '0' || fraction > '9') return false;
            if (!TryParseUnsigned(token.Substring(0, dot), out int integer)) return false;
            tenths = integer * 10 + (fraction - '0');
            return true;
        }

        /// <summary>Tenths as text with one decimal, e.g. 970 → "97.0".</summary>
        public static string FormatTenths(int tenths)
        {
            long magnitude = tenths < 0 ? -(long)tenths : tenths;
            return (tenths < 0 ? "-" : "") + (magnitude / 10).ToString() + "." + (magnitude % 10).ToString();
        }
    }
}
