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

    /// <summary>Result of the last load, repair and save of a <see cref="SettingsStore"/>.</summary>
    public sealed class StoreStatus
    {
        public LoadOutcome Outcome;
        public uint Sequence;
        public int CorruptCopies;
        /// <summary>Damaged copies rewritten from the good one since the load (SettingsStore.RepairCopies).</summary>
        public int RepairedCopies;
        public int ClampedValues;
        public int DroppedProfiles;
        public bool LastSaveAttempted;
        public bool LastSaveOk;

        /// <summary>One line for the console, in plain words (e.g. "storage: saved, one copy repaired (save #4)").</summary>
        public string Describe()
        {
            string text = "storage: " + OutcomeText();
            if (ClampedValues > 0) text += "; " + ClampedValues.ToString() + " value(s) were out of range and were clamped";
            if (DroppedProfiles > 0) text += "; " + DroppedProfiles.ToString() + " invalid profile(s) dropped";
            if (LastSaveAttempted) text += LastSaveOk ? "; last save ok" : "; LAST SAVE FAILED, the previous settings are kept";
            return text;
        }

        private string OutcomeText()
        {
            string save = " (save #" + Sequence.ToString() + ")";
            switch (Outcome)
            {
                case LoadOutcome.BothCopiesValid: return "saved, both copies good" + save;
                case LoadOutcome.OneCopyValid:
                    if (RepairedCopies > 0) return "saved, one copy repaired (it was damaged, e.g. by a power cut while saving)" + save;
                    if (CorruptCopies > 0) return "saved, one copy damaged (the good one is in use; the next save replaces the other)" + save;
                    return "saved, one copy (the second is written at the next save)" + save;
                case LoadOutcome.NoDataDefaults: return "defaults, nothing saved yet";
                case LoadOutcome.CorruptDefaults: return "DEFAULTS: both saved copies are damaged ('save' stores the settings again)";
                default: return "not loaded";
            }
        }
    }
}
