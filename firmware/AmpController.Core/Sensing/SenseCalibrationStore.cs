using System;
using AmpController.Core.Platform;
using AmpController.Core.Storage;

namespace AmpController.Core.Sensing
{
    /// <summary>
    /// Keeps the factory sense calibration in two identical files (S9 spirit: a power cut while saving one leaves the
    /// other). Record: "SCAL", version 2, 3 reserved bytes, then for the left and the right channel: gain (ppm), zoomed
    /// gain (ppm), series resistance (mΩ), zoomed zero shift (milli-counts), all little-endian int32, then CRC-32 of the
    /// 40 bytes before it. Version 1
    /// (the front end for the 0 dB ADC, without zoom) is not accepted: its constants do not fit this circuit. Load
    /// returns the first copy with a good CRC and plausible values; otherwise the defaults, flagged FellBackToDefaults.
    /// Never throws.
    /// </summary>
    public sealed class SenseCalibrationStore
    {
        public const string NameA = "sensecal-a.bin";
        public const string NameB = "sensecal-b.bin";
        public const int RecordLength = 44;
        const int CrcAt = RecordLength - 4;
        const byte Version = 2;

        readonly IFileStore _files;

        public SenseCalibrationStore(IFileStore files)
        {
            _files = files;
        }

        /// <summary>Copies that were present but corrupt or implausible at the last Load.</summary>
        public int RejectedCopies { get; private set; }

        public SenseCalibration Load()
        {
            RejectedCopies = 0;
            SenseCalibration? found = null;
            found = TryRead(NameA);
            if (found == null) found = TryRead(NameB);
            return SenseCalibration.Validated(found);
        }

        /// <summary>Writes both copies; false when the constants are implausible (nothing written) or a write failed.</summary>
        public bool Save(SenseCalibration calibration)
        {
            if (calibration == null || !calibration.IsPlausible || calibration.FellBackToDefaults) return false;
            byte[] record = Encode(calibration);
            bool a = _files.WriteAll(NameA, record);
            bool b = _files.WriteAll(NameB, record);
            return a && b;
        }

        public static byte[] Encode(SenseCalibration c)
        {
            byte[] r = new byte[RecordLength];
            r[0] = (byte)'S'; r[1] = (byte)'C'; r[2] = (byte)'A'; r[3] = (byte)'L';
            r[4] = Version;
            PutInt(r, 8, (int)Math.Round(c.LeftGain * 1e6));
            PutInt(r, 12, (int)Math.Round(c.LeftZoomGain * 1e6));
            PutInt(r, 16, (int)Math.Round(c.LeftSeriesOhm * 1e3));
            PutInt(r, 20, (int)Math.Round(c.LeftZoomZero * 1e3));
            PutInt(r, 24, (int)Math.Round(c.RightGain * 1e6));
            PutInt(r, 28, (int)Math.Round(c.RightZoomGain * 1e6));
            PutInt(r, 32, (int)Math.Round(c.RightSeriesOhm * 1e3));
            PutInt(r, 36, (int)Math.Round(c.RightZoomZero * 1e3));
            PutInt(r, CrcAt, (int)Crc32.Compute(r, 0, CrcAt));
            return r;
        }

        /// <summary>The decoded constants, or null when the record is not a valid version-2 record.</summary>
        public static SenseCalibration? Decode(byte[]? r)
        {
            if (r == null || r.Length != RecordLength) return null;
            if (r[0] != (byte)'S' || r[1] != (byte)'C' || r[2] != (byte)'A' || r[3] != (byte)'L' || r[4] != Version) return null;
            if ((uint)GetInt(r, CrcAt) != Crc32.Compute(r, 0, CrcAt)) return null;
            SenseCalibration c = new SenseCalibration();
            c.LeftGain = GetInt(r, 8) / 1e6;
            c.LeftZoomGain = GetInt(r, 12) / 1e6;
            c.LeftSeriesOhm = GetInt(r, 16) / 1e3;
            c.LeftZoomZero = GetInt(r, 20) / 1e3;
            c.RightGain = GetInt(r, 24) / 1e6;
            c.RightZoomGain = GetInt(r, 28) / 1e6;
            c.RightSeriesOhm = GetInt(r, 32) / 1e3;
            c.RightZoomZero = GetInt(r, 36) / 1e3;
            return c;
        }

        SenseCalibration? TryRead(string name)
        {
            byte[]? data = _files.ReadAll(name);
            if (data == null) return null;
            SenseCalibration? c = Decode(data);
            if (c != null && c.IsPlausible) return c;
            RejectedCopies++;
            return null;
        }

        static void PutInt(byte[] r, int at, int v)
        {
            r[at] = (byte)v;
            r[at + 1] = (byte)(v >> 8);
            r[at + 2] = (byte)(v >> 16);
            r[at + 3] = (byte)(v >> 24);
        }

        static int GetInt(byte[] r, int at)
        {
            return r[at] | (r[at + 1] << 8) | (r[at + 2] << 16) | (r[at + 3] << 24);
        }
    }
}
