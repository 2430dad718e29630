namespace AmpController.Core.Storage
{
    /// <summary>What the last load found (the console's `status` reports it).</summary>
    public enum LoadOutcome
    {
        /// <summary>Nothing loaded yet.</summary>
        NotLoaded = 0,
        /// <summary>Both copies valid; the newer one was used.</summary>
        BothCopiesValid,
        /// <summary>One copy valid (the other missing or corrupt, e.g. a power cut during a save).</summary>
        OneCopyValid,
        /// <summary>No stored settings at all (first start): defaults.</summary>
        NoDataDefaults,
        /// <summary>Stored data exists but no copy is valid: defaults.</summary>
        CorruptDefaults,
    }

    /// <summary>Result of the last load and save of a <see cref="SettingsStore"/>.</summary>
    public sealed class StoreStatus
    {
        public LoadOutcome Outcome;
        public uint Sequence;
        public int CorruptCopies;
        public int ClampedValues;
        public int DroppedProfiles;
        public bool LastSaveAttempted;
        public bool LastSaveOk;

        /// <summary>One line for the console.</summary>
        public string Describe()
        {
            string text = "storage: " + OutcomeText() + ", seq " + Sequence.ToString();
            if (CorruptCopies > 0) text += ", " + CorruptCopies.ToString() + " corrupt copy(ies)";
            if (ClampedValues > 0) text += ", " + ClampedValues.ToString() + " value(s) clamped";
            if (DroppedProfiles > 0) text += ", " + DroppedProfiles.ToString() + " invalid profile(s) dropped";
            if (LastSaveAttempted) text += LastSaveOk ? ", last save ok" : ", LAST SAVE FAILED";
            return text;
        }

        private string OutcomeText()
        {
            switch (Outcome)
            {
                case LoadOutcome.BothCopiesValid: return "loaded (both copies valid)";
                case LoadOutcome.OneCopyValid: return "loaded (one copy valid)";
                case LoadOutcome.NoDataDefaults: return "defaults (nothing stored)";
                case LoadOutcome.CorruptDefaults: return "defaults (stored data corrupt)";
                default: return "not loaded";
            }
        }
    }
}
