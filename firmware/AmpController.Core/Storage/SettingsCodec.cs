using AmpController.Core.Acoustics;

namespace AmpController.Core.Storage
{
    /// <summary>
    /// The compact binary form of <see cref="Settings"/>, written by hand (little-endian).
    /// Record: "AC" magic, format version, payload length, sequence (uint32), payload, CRC-32 (uint32) over
    /// everything before it. Payload: limit, safe default, chip, profile count, then per profile: name length,
    /// name (ASCII), impedance (uint16, 0.1 ohm), sensitivity (uint16, 0.1 dB), unit; then (version 2, issue 19) a
    /// flags byte: bit 0 = the user's mute; then (version 3, issue 16) the acknowledged tier's limit in dBA (S12), clamped
    /// to 85-100 on load. Version 1 records (no flags byte) still load, not muted; in versions 2 and 3 the flags byte may
    /// be missing too (same meaning); unknown flag bits are ignored and counted as clamped. A record without the ack
    /// limit (versions 1 and 2, or a version 3 record that ends after the flags) loads with the default 100 dBA.
    /// Decoding trusts nothing: structure errors reject the record; out-of-range values are clamped; invalid
    /// profiles are dropped (an unknown headphone gets the worst-case sensitivity, which is never louder).
    /// </summary>
    public static class SettingsCodec
    {
        public const byte Magic0 = 0x41; // 'A'
        public const byte Magic1 = 0x43; // 'C'
        public const byte FormatVersion = 3;
        public const byte FormatVersionWithoutAckLimit = 2;
        public const byte FormatVersionWithoutFlags = 1;
        public const byte FlagUserMuted = 0x01;
        public const int HeaderLength = 8;
        public const int CrcLength = 4;
        private const int ProfileFixedLength = 6; // name length, impedance, sensitivity, unit
        public const int MaxPayloadLength = 4 + Settings.MaxProfiles * (ProfileFixedLength + StoredProfile.MaxNameLength) + 2;
        public const int MaxRecordLength = HeaderLength + MaxPayloadLength + CrcLength;

        /// <summary>Writes the payload at offset; returns its length.</summary>
        public static int EncodePayload(Settings settings, byte[] buffer, int offset)
        {
            int p = offset;
            buffer[p++] = (byte)settings.LimitDbA;
            buffer[p++] = (byte)settings.SafeDefaultDbA;
            buffer[p++] = (byte)settings.VolumeChip;
            buffer[p++] = (byte)settings.ProfileCount;
            for (int i = 0; i < settings.ProfileCount; i++)
            {
                StoredProfile profile = settings.GetProfile(i);
                buffer[p++] = (byte)profile.Name.Length;
                for (int c = 0; c < profile.Name.Length; c++) buffer[p++] = (byte)profile.Name[c];
                p = WriteUInt16(buffer, p, profile.ImpedanceTenthsOhm);
                p = WriteUInt16(buffer, p, profile.SensitivityTenthsDb);
                buffer[p++] = (byte)profile.Unit;
            }
            buffer[p++] = settings.UserMuted ? FlagUserMuted : (byte)0;
            buffer[p++] = (byte)settings.AckLimitDbA;
            return p - offset;
        }

        /// <summary>The payload alone, e.g. to compare two settings byte for byte.</summary>
        public static byte[] EncodePayload(Settings settings)
        {
            byte[] buffer = new byte[MaxPayloadLength];
            int length = EncodePayload(settings, buffer, 0);
            byte[] result = new byte[length];
            System.Array.Copy(buffer, result, length);
            return result;
        }

        public static byte[] EncodeRecord(Settings settings, uint sequence)
        {
            byte[] buffer = new byte[MaxRecordLength];
            int payloadLength = EncodePayload(settings, buffer, HeaderLength);
            buffer[0] = Magic0;
            buffer[1] = Magic1;
            buffer[2] = FormatVersion;
            buffer[3] = (byte)payloadLength;
            LittleEndian.WriteUInt32(buffer, 4, sequence);
            int crcOffset = HeaderLength + payloadLength;
            LittleEndian.WriteUInt32(buffer, crcOffset, Crc32.Compute(buffer, 0, crcOffset));
            byte[] record = new byte[crcOffset + CrcLength];
            System.Array.Copy(buffer, record, record.Length);
            return record;
        }

        /// <summary>
        /// Checks framing and CRC and decodes into <paramref name="into"/>. On false, <paramref name="into"/> is
        /// untouched. Never throws for any byte pattern.
        /// </summary>
        public static bool TryDecodeRecord(byte[]? record, Settings into, DecodeReport report)
        {
            report.Clear();
            if (record == null || record.Length < HeaderLength + CrcLength) return false;
            if (record[0] != Magic0 || record[1] != Magic1) return false;
            byte version = record[2];
            if (version != FormatVersion && version != FormatVersionWithoutAckLimit && version != FormatVersionWithoutFlags) return false;
            int payloadLength = record[3];
            int crcOffset = HeaderLength + payloadLength;
            if (record.Length != crcOffset + CrcLength) return false;
            if (LittleEndian.ReadUInt32(record, crcOffset) != Crc32.Compute(record, 0, crcOffset)) return false;

            Settings decoded = new Settings();
            if (!TryDecodePayload(record, HeaderLength, payloadLength, version, decoded, report)) return false;
            report.Sequence = LittleEndian.ReadUInt32(record, 4);
            into.CopyFrom(decoded);
            return true;
        }

        private static bool TryDecodePayload(byte[] data, int offset, int length, byte version, Settings into, DecodeReport report)
        {
            int end = offset + length;
            if (length < 4) return false;
            int p = offset;
            report.ClampedValues += into.SetLevelsClamped(data[p], data[p + 1]);
            p += 2;
            if (into.TrySetVolumeChip((VolumeChipChoice)data[p++]) != SettingsResult.Ok) report.ClampedValues++;
            int count = data[p++];
            if (count > Settings.MaxProfiles) return false;
            for (int i = 0; i < count; i++)
            {
                if (p >= end) return false;
                int nameLength = data[p++];
                if (nameLength > StoredProfile.MaxNameLength || p + nameLength + 5 > end) return false;
                char[] name = new char[nameLength];
                for (int c = 0; c < nameLength; c++) name[c] = (char)data[p++];
                int impedance = ReadUInt16(data, p);
                int sensitivity = ReadUInt16(data, p + 2);
                int unit = data[p + 4];
                p += 5;
                StoredProfile profile = new StoredProfile(new string(name), impedance, sensitivity, (SensitivityUnit)unit);
                if (into.TryAddProfile(profile) != SettingsResult.Ok) report.DroppedProfiles++;
            }
            int tail = end - p; // v2: flags; v3: flags, ack limit (either may be left off from the end)
            if (version != FormatVersionWithoutFlags && tail >= 1 && tail <= (version == FormatVersion ? 2 : 1))
            {
                int flags = data[p++];
                into.SetUserMuted((flags & FlagUserMuted) != 0);
                if ((flags & ~FlagUserMuted) != 0) report.ClampedValues++;
                if (tail == 2) report.ClampedValues += into.SetAckLimitClamped(data[p++]);
            }
            return p == end;
        }

        private static int WriteUInt16(byte[] buffer, int offset, int value)
        {
            buffer[offset] = (byte)value;
            buffer[offset + 1] = (byte)(value >> 8);
            return offset + 2;
        }

        private static int ReadUInt16(byte[] buffer, int offset)
        {
            return buffer[offset] | (buffer[offset + 1] << 8);
        }
    }
}
