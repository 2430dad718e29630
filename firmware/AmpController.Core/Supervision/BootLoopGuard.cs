using AmpController.Core.Platform;

namespace AmpController.Core.Supervision
{
    /// <summary>
    /// S8 boot-loop counter. Every reboot the firmware causes itself (watchdog trip, unhandled exception) increments a
    /// counter in flash just before rebooting; a run that stays up for StableAfterMs clears it. A plain power cycle
    /// does not count (api.txt offers no reset-reason API, so the firmware records its own reboots instead).
    /// QuickBootsForSafeMode such reboots without a stable run in between mean the device keeps crashing or stalling:
    /// safe mode (muted, console only). The ESP32 has no real-time clock across resets, so "in a short time" is
    /// "without a stable run in between". The record is 4 bytes: count, its complement, and a 2-byte magic; anything
    /// else reads as zero (S9 style: corrupt data falls back, never crashes).
    /// </summary>
    public sealed class BootLoopGuard
    {
        public const string FileName = "bootloop.bin";
        public const int QuickBootsForSafeMode = 3;
        public const int StableAfterMs = 30000;
        private const byte Magic0 = 0xB0;
        private const byte Magic1 = 0x07;

        private readonly IFileStore _store;
        private readonly byte[] _record = new byte[4];
        private int _bootsInARow;
        private bool _clearedThisRun;
        private bool _loaded;

        public BootLoopGuard(IFileStore store)
        {
            _store = store;
        }

        public int BootsInARow { get { return _bootsInARow; } }

        public bool SafeModeRequired { get { return _bootsInARow >= QuickBootsForSafeMode; } }

        /// <summary>Call once at start-up, before the controller runs: reads the unexpected reboots in a row.</summary>
        public int Load()
        {
            _bootsInARow = ReadCount();
            _clearedThisRun = false;
            _loaded = true;
            return _bootsInARow;
        }

        /// <summary>The reboot hook calls this just before it reboots the device (watchdog trip, crash).</summary>
        public void RecordUnexpectedReboot()
        {
            if (!_loaded) Load();
            int count = _bootsInARow + 1;
            if (count > 250) count = 250;
            _bootsInARow = count;
            Write(count);
        }

        /// <summary>Called from the tick: after a stable run, clears the counter once (one flash write per boot).</summary>
        public void Tick(long uptimeMs)
        {
            if (_clearedThisRun || uptimeMs < StableAfterMs) return;
            _clearedThisRun = true;
            if (_bootsInARow == 0) return;
            _bootsInARow = 0;
            Write(0);
        }

        /// <summary>Console command to leave safe mode: the next boot starts normally.</summary>
        public void Clear()
        {
            _bootsInARow = 0;
            Write(0);
        }

        private int ReadCount()
        {
            byte[]? data = _store.ReadAll(FileName);
            if (data == null || data.Length != 4) return 0;
            if (data[2] != Magic0 || data[3] != Magic1) return 0;
            if ((byte)~data[0] != data[1]) return 0;
            return data[0];
        }

        private void Write(int count)
        {
            _record[0] = (byte)count;
            _record[1] = (byte)~count;
            _record[2] = Magic0;
            _record[3] = Magic1;
            _store.WriteAll(FileName, _record);
        }
    }
}
