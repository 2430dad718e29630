using System;
using AmpController.Core.Platform;

namespace AmpController.Core.Storage
{
    /// <summary>
    /// One small record kept in two files, A and B (rule S9), for state that is not the settings (boot counter, and
    /// whatever else must survive a power cut). Each file: 2-byte magic, format version, payload length, uint32
    /// sequence, payload, CRC-32 over everything before it (the framing of <see cref="SettingsCodec"/>). A save
    /// overwrites the copy that is NOT the newest valid one, so a power cut at any byte or bit of a save leaves the
    /// previous record intact in the other file; a load takes the newest valid copy. Never throws to the caller.
    /// </summary>
    public sealed class RecordPair
    {
        public const int HeaderLength = 8;
        public const int CrcLength = 4;
        public const int MaxPayloadLength = 255;

        private readonly IFileStore _files;
        private readonly string[] _names;
        private readonly byte _magic0;
        private readonly byte _magic1;
        private readonly byte _version;

        public RecordPair(IFileStore files, string nameA, string nameB, byte magic0, byte magic1, byte version)
        {
            _files = files;
            _names = new string[] { nameA, nameB };
            _magic0 = magic0;
            _magic1 = magic1;
            _version = version;
        }

        /// <summary>Copies present but unreadable (torn, corrupt, foreign) at the last Load.</summary>
        public int CorruptCopies { get; private set; }

        /// <summary>Sequence number of the newest valid copy at the last Load or Save (0: none).</summary>
        public uint Sequence { get; private set; }

        /// <summary>
        /// Copies the newest valid payload into <paramref name="into"/> and returns its length; -1 when no copy is
        /// valid (nothing stored, or every copy corrupt) or the payload does not fit.
        /// </summary>
        public int Load(byte[] into)
        {
            CorruptCopies = 0;
            Sequence = 0;
            byte[]? best = null;
            uint newest = 0;
            for (int slot = 0; slot < 2; slot++)
            {
                byte[]? data = Read(_names[slot]);
                if (data == null) continue;
                if (!IsValid(data)) { CorruptCopies++; continue; }
                uint sequence = LittleEndian.ReadUInt32(data, 4);
                if (best != null && !IsNewer(sequence, newest)) continue;
                best = data;
                newest = sequence;
            }
            if (best == null) return -1;
            int length = best[3];
            if (length > into.Length) return -1;
            Array.Copy(best, HeaderLength, into, 0, length);
            Sequence = newest;
            return length;
        }

        /// <summary>Writes the payload over the older (or invalid) copy with the next sequence and reads it back.</summary>
        public bool Save(byte[] payload, int length)
        {
            if (length < 0 || length > MaxPayloadLength || length > payload.Length) return false;
            int newestSlot = -1;
            uint newest = 0;
            for (int slot = 0; slot < 2; slot++)
            {
                byte[]? data = Read(_names[slot]);
                if (data == null || !IsValid(data)) continue;
                uint sequence = LittleEndian.ReadUInt32(data, 4);
                if (newestSlot < 0 || IsNewer(sequence, newest))
                {
                    newestSlot = slot;
                    newest = sequence;
                }
            }
            uint next = newestSlot < 0 ? 1 : newest + 1;
            byte[] record = Encode(payload, length, next);
            string target = _names[newestSlot == 0 ? 1 : 0];
            bool ok = Write(target, record) && SameBytes(Read(target), record);
            if (ok) Sequence = next;
            return ok;
        }

        private byte[] Encode(byte[] payload, int length, uint sequence)
        {
            byte[] record = new byte[HeaderLength + length + CrcLength];
            record[0] = _magic0;
            record[1] = _magic1;
            record[2] = _version;
            record[3] = (byte)length;
            LittleEndian.WriteUInt32(record, 4, sequence);
            Array.Copy(payload, 0, record, HeaderLength, length);
            LittleEndian.WriteUInt32(record, HeaderLength + length, Crc32.Compute(record, 0, HeaderLength + length));
            return record;
        }

        private bool IsValid(byte[] data)
        {
            if (data.Length < HeaderLength + CrcLength) return false;
            if (data[0] != _magic0 || data[1] != _magic1 || data[2] != _version) return false;
            int crcOffset = HeaderLength + data[3];
            if (data.Length != crcOffset + CrcLength) return false;
            return LittleEndian.ReadUInt32(data, crcOffset) == Crc32.Compute(data, 0, crcOffset);
        }

        /// <summary>Serial-number order (RFC 1982 style), so the sequence may wrap around.</summary>
        public static bool IsNewer(uint candidate, uint reference)
        {
            return (int)(candidate - reference) > 0;
        }

        public static bool SameBytes(byte[]? a, byte[] b)
        {
            if (a == null || a.Length != b.Length) return false;
            for (int i = 0; i < a.Length; i++)
                if (a[i] != b[i]) return false;
            return true;
        }

        private byte[]? Read(string name)
        {
            return ReadSafely(_files, name);
        }

        private bool Write(string name, byte[] data)
        {
            return WriteSafely(_files, name, data);
        }

        /// <summary>A file-store read that never throws (a driver fault reads as no file).</summary>
        public static byte[]? ReadSafely(IFileStore files, string name)
        {
            try { return files.ReadAll(name); }
            catch (Exception) { return null; }
        }

        /// <summary>A file-store write that never throws (a driver fault is a failed write).</summary>
        public static bool WriteSafely(IFileStore files, string name, byte[] data)
        {
            try { return files.WriteAll(name, data); }
            catch (Exception) { return false; }
        }
    }
}
