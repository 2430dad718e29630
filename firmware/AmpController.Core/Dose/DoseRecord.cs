using AmpController.Core.Storage;

namespace AmpController.Core.Dose
{
    /// <summary>
    /// The stored sound dose (S13 "survives power cuts like settings", S9): one <see cref="DoseState"/> in a
    /// <see cref="RecordPair"/> with word-counted length (two files, sequence, CRC-32). Payload, little-endian uint32s:
    /// running hour elapsed ms, running hour ppm, warned multiple, then the 167 closed hours oldest first (680 bytes).
    /// <see cref="TryDecode"/> is a pure function of one file's bytes (for the fuzzers of issue 18): structure or CRC
    /// errors reject the copy; values a valid CRC still carries out of range are clamped toward MORE dose, never less.
    /// </summary>
    public static class DoseRecord
    {
        public const byte Magic0 = 0x44; // 'D'
        public const byte Magic1 = 0x53; // 'S'
        public const byte FormatVersion = 1;
        public const string NameA = "dose-a.bin";
        public const string NameB = "dose-b.bin";
        public const int PayloadLength = 12 + DoseState.ClosedHours * 4;

        /// <summary>A warned multiple above this is read as this (a week at the board's loudest is far below it).</summary>
        public const int MaxWarnedMultiple = 100000;

        public static RecordPair Pair(Platform.IFileStore files)
        {
            return new RecordPair(files, NameA, NameB, Magic0, Magic1, FormatVersion, RecordPair.WordLengthUnit);
        }

        public static void EncodePayload(DoseState state, byte[] into)
        {
            LittleEndian.WriteUInt32(into, 0, (uint)state.RunningElapsedMs);
            LittleEndian.WriteUInt32(into, 4, (uint)state.RunningPpm);
            LittleEndian.WriteUInt32(into, 8, (uint)state.WarnedMultiple);
            for (int i = 0; i < DoseState.ClosedHours; i++) LittleEndian.WriteUInt32(into, 12 + 4 * i, (uint)state.ClosedPpm[i]);
        }

        /// <summary>Decodes a payload of <see cref="PayloadLength"/> bytes; false (and <paramref name="into"/> untouched) otherwise.</summary>
        public static bool TryDecodePayload(byte[] payload, int length, DoseState into)
        {
            if (payload == null || length != PayloadLength || payload.Length < PayloadLength) return false;
            uint elapsed = LittleEndian.ReadUInt32(payload, 0);
            // An elapsed time outside the hour: the running hour is taken as just begun (its whole hour still to run).
            into.RunningElapsedMs = elapsed >= DoseMeter.MsPerHour ? 0 : (int)elapsed;
            into.RunningPpm = Saturate(LittleEndian.ReadUInt32(payload, 4));
            uint warned = LittleEndian.ReadUInt32(payload, 8);
            into.WarnedMultiple = warned > MaxWarnedMultiple ? MaxWarnedMultiple : (int)warned;
            for (int i = 0; i < DoseState.ClosedHours; i++) into.ClosedPpm[i] = Saturate(LittleEndian.ReadUInt32(payload, 12 + 4 * i));
            return true;
        }

        /// <summary>One stored file (framing, CRC, payload) into <paramref name="into"/>; false for anything else. Pure.</summary>
        public static bool TryDecode(byte[]? file, DoseState into)
        {
            int length = RecordPair.PayloadLength(file, Magic0, Magic1, FormatVersion, RecordPair.WordLengthUnit);
            if (length != PayloadLength || file == null) return false;
            byte[] payload = new byte[PayloadLength];
            System.Array.Copy(file, RecordPair.HeaderLength, payload, 0, PayloadLength);
            return TryDecodePayload(payload, PayloadLength, into);
        }

        private static int Saturate(uint ppm)
        {
            return ppm > int.MaxValue ? int.MaxValue : (int)ppm;
        }
    }
}
