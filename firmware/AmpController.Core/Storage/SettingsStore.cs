using System;
using AmpController.Core.Platform;

namespace AmpController.Core.Storage
{
    /// <summary>
    /// Keeps <see cref="Settings"/> in two files, A and B, each a complete record with a sequence number and a
    /// CRC-32 (rule S9). A save always overwrites the copy that is NOT the newest valid one, so a power cut at any
    /// byte of a save leaves the previous settings intact in the other file. A load takes the newest valid copy;
    /// with none, defaults. Nothing here throws to the caller.
    /// </summary>
    public sealed class SettingsStore
    {
        public const string DefaultNameA = "settings-a.bin";
        public const string DefaultNameB = "settings-b.bin";

        private readonly IFileStore _files;
        private readonly string[] _names;
        private readonly Settings _scratch = new Settings();
        private readonly Settings _muteCopy = new Settings();
        private readonly DecodeReport _decode = new DecodeReport();

        public SettingsStore(IFileStore files) : this(files, DefaultNameA, DefaultNameB) { }

        public SettingsStore(IFileStore files, string nameA, string nameB)
        {
            _files = files;
            _names = new string[] { nameA, nameB };
        }

        public StoreStatus Status { get; } = new StoreStatus();

        /// <summary>Loads the newest valid copy into <paramref name="into"/>, or defaults. Returns the outcome.</summary>
        public LoadOutcome Load(Settings into)
        {
            Status.Outcome = LoadOutcome.NotLoaded;
            Status.CorruptCopies = 0;
            Status.RepairedCopies = 0;
            Status.ClampedValues = 0;
            Status.DroppedProfiles = 0;
            Status.Sequence = 0;

            int valid = 0, present = 0;
            bool haveBest = false;
            for (int slot = 0; slot < 2; slot++)
            {
                byte[]? data = Read(_names[slot]);
                if (data == null) continue;
                present++;
                if (!SettingsCodec.TryDecodeRecord(data, _scratch, _decode)) { Status.CorruptCopies++; continue; }
                valid++;
                if (haveBest && !RecordPair.IsNewer(_decode.Sequence, Status.Sequence)) continue;
                haveBest = true;
                into.CopyFrom(_scratch);
                Status.Sequence = _decode.Sequence;
                Status.ClampedValues = _decode.ClampedValues;
                Status.DroppedProfiles = _decode.DroppedProfiles;
            }

            if (valid == 0)
            {
                into.ResetToDefaults();
                Status.Outcome = present == 0 ? LoadOutcome.NoDataDefaults : LoadOutcome.CorruptDefaults;
            }
            else
            {
                Status.Outcome = valid == 2 ? LoadOutcome.BothCopiesValid : LoadOutcome.OneCopyValid;
            }
            return Status.Outcome;
        }

        /// <summary>
        /// Writes the settings over the older (or invalid) copy with the next sequence number and reads it back.
        /// Returns false if the write or the readback failed; the previous newest copy is untouched either way.
        /// </summary>
        public bool Save(Settings settings)
        {
            uint newest = 0;
            int newestSlot = -1;
            for (int slot = 0; slot < 2; slot++)
            {
                if (!SettingsCodec.TryDecodeRecord(Read(_names[slot]), _scratch, _decode)) continue;
                if (newestSlot < 0 || RecordPair.IsNewer(_decode.Sequence, newest))
                {
                    newest = _decode.Sequence;
                    newestSlot = slot;
                }
            }

            int target = newestSlot == 0 ? 1 : 0;
            uint sequence = newestSlot < 0 ? 1 : newest + 1;
            byte[] record = SettingsCodec.EncodeRecord(settings, sequence);
            bool ok = Write(_names[target], record) && RecordPair.SameBytes(Read(_names[target]), record);

            Status.LastSaveAttempted = true;
            Status.LastSaveOk = ok;
            if (ok)
            {
                Status.Sequence = sequence;
                // The written copy is good now; the other is good when it was the newest valid one.
                Status.Outcome = newestSlot >= 0 ? LoadOutcome.BothCopiesValid : LoadOutcome.OneCopyValid;
                Status.CorruptCopies = newestSlot >= 0 || Read(_names[1 - target]) == null ? 0 : 1;
            }
            return ok;
        }

        /// <summary>
        /// S9: when the load found one good copy and one damaged one (a power cut during a save), writes the good record
        /// over the damaged copy and reads it back, so the settings are held twice again. The good copy is never written,
        /// so a power cut during the repair leaves things as they were. Returns true when a copy was repaired. Called
        /// once at start-up, after Load.
        /// </summary>
        public bool RepairCopies()
        {
            if (Status.Outcome != LoadOutcome.OneCopyValid || Status.CorruptCopies != 1) return false;
            for (int slot = 0; slot < 2; slot++)
            {
                byte[]? good = Read(_names[slot]);
                if (!SettingsCodec.TryDecodeRecord(good, _scratch, _decode)) continue;
                string other = _names[1 - slot];
                if (!Write(other, good!) || !RecordPair.SameBytes(Read(other), good!)) return false;
                Status.RepairedCopies++;
                Status.CorruptCopies = 0;
                return true;
            }
            return false;
        }

        /// <summary>
        /// Stores the user's mute (issue 19): the newest valid stored settings (defaults when there is none) with the flag
        /// set, written like <see cref="Save"/>. Unsaved edits elsewhere are not written.
        /// </summary>
        public bool SaveUserMuted(bool muted)
        {
            if (!NewestValidInto(_muteCopy)) _muteCopy.ResetToDefaults();
            _muteCopy.SetUserMuted(muted);
            return Save(_muteCopy);
        }

        private bool NewestValidInto(Settings into)
        {
            bool found = false;
            uint newest = 0;
            for (int slot = 0; slot < 2; slot++)
            {
                if (!SettingsCodec.TryDecodeRecord(Read(_names[slot]), _scratch, _decode)) continue;
                if (found && !RecordPair.IsNewer(_decode.Sequence, newest)) continue;
                found = true;
                newest = _decode.Sequence;
                into.CopyFrom(_scratch);
            }
            return found;
        }

        private byte[]? Read(string name)
        {
            return RecordPair.ReadSafely(_files, name);
        }

        private bool Write(string name, byte[] data)
        {
            return RecordPair.WriteSafely(_files, name, data);
        }
    }
}
