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
    /// A record made with a length unit of 4 (the sound dose, issue 16) counts its payload length in 4-byte words,
    /// so it carries up to 1,020 bytes; its magic and version tell it apart from the byte-counted records.
    /// </summary>
    public sealed class RecordPair
    {
        public const int HeaderLength = 8;
        public const int CrcLength = 4;
        public const int MaxPayloadLength = 255;
        public const int WordLengthUnit = 4;

        private readonly IFileStore _files;
        private readonly string[] _names;
        private readonly byte _magic0;
        private readonly byte _magic1;
        private readonly byte _version;
        private readonly int _lengthUnit = 1;

        public RecordPair(IFileStore files, string nameA, string nameB, byte magic0, byte magic1, byte version)
        {
            _files = files;
            _names = new string[] { nameA, nameB };
            _magic0 = magic0;
            _magic1 = magic1;
            _version = version;
        }

        /// <param name="lengthUnit">1 (payload up to 255 bytes) or <see cref="WordLengthUnit"/> (a multiple of 4, up to 1,020).</param>
        public RecordPair(IFileStore files, string nameA, string nameB, byte magic0, byte magic1, byte version, int lengthUnit)
            : this(files, nameA, nameB, magic0, magic1, version)
        {
            _lengthUnit = lengthUnit == WordLengthUnit ? WordLengthUnit : 1;
        }

        /// <summary>The largest payload this pair stores.</summary>
        public int MaxPayload { get { return MaxPayloadLength * _lengthUnit; } }

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
            int length = best[3] * _lengthUnit;
            if (length > into.Length) return -1;
            Array.Copy(best, HeaderLength, into, 0, length);
            Sequence = newest;
            return length;
        }

        /// <summary>Writes the payload over the older (or invalid) copy with the next sequence and reads it back.</summary>
        public bool Save(byte[] payload, int length)
        {
            if (length < 0 || length > MaxPayload || length > payload.Length || length % _lengthUnit != 0) return false;
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
            record[3] = (byte)(length / _lengthUnit);
            LittleEndian.WriteUInt32(record, 4, sequence);
            Array.Copy(payload, 0, record, HeaderLength, length);
            LittleEndian.WriteUInt32(record, HeaderLength + length, Crc32.Compute(record, 0, HeaderLength + length));
            return record;
        }

        private bool IsValid(byte[] data)
        {
            return PayloadLength(data, _magic0, _magic1, _version, _lengthUnit) >= 0;
        }

        /// <summary>
        /// Pure check of one stored copy: the payload length (it starts at <see cref="HeaderLength"/>) when magic,
        /// version, length and CRC are right, else -1. Never throws for any byte pattern (null included).
        /// </summary>
        public static int PayloadLength(byte[]? data, byte magic0, byte magic1, byte version, int lengthUnit)
        {
            if (data == null || data.Length < HeaderLength + CrcLength) return -1;
            if (data[0] != magic0 || data[1] != magic1 || data[2] != version) return -1;
            int length = data[3] * lengthUnit;
            int crcOffset = HeaderLength + length;
            if (data.Length != crcOffset + CrcLength) return -1;
            return LittleEndian.ReadUInt32(data, crcOffset) == Crc32.Compute(data, 0, crcOffset) ? length : -1;
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
