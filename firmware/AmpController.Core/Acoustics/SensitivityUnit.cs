namespace AmpController.Core.Acoustics
{
    /// <summary>How a maker states sensitivity: dB SPL for 1 mW, or dB SPL for 1 Vrms (docs/design.md §5).</summary>
    public enum SensitivityUnit
    {
        DbPerMw = 0,
        DbPerV = 1,
    }

    /// <summary>The one spelling of the units ("dB/mW", "dB/V") for the console, the simulator and the data files.</summary>
    public static class SensitivityUnits
    {
        public static string Name(SensitivityUnit unit)
        {
            return unit == SensitivityUnit.DbPerV ? "dB/V" : "dB/mW";
        }

        /// <summary>Case-insensitive: "dB/mW", "db/mw" and "DB/MW" are the same unit.</summary>
        public static bool TryParse(string text, out SensitivityUnit unit)
        {
            string lower = text == null ? "" : text.ToLower();
            unit = lower == "db/v" ? SensitivityUnit.DbPerV : SensitivityUnit.DbPerMw;
            return lower == "db/v" || lower == "db/mw";
        }
    }
}
