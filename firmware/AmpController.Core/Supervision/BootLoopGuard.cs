using AmpController.Core.Platform;
using AmpController.Core.Storage;

namespace AmpController.Core.Supervision
{
    /// <summary>
    /// S8 boot-loop counter. Every reboot the firmware causes itself (watchdog trip, unhandled exception) increments a
    /// counter in flash just before rebooting; a run that stays up for StableAfterMs clears it. A plain power cycle
    /// does not count (api.txt offers no reset-reason API, so the firmware records its own reboots instead).
    /// QuickBootsForSafeMode such reboots without a stable run in between mean the device keeps crashing or stalling:
    /// safe mode (muted, console only). The ESP32 has no real-time clock across resets, so "in a short time" is
    /// "without a stable run in between". The count is one byte kept in two copies (<see cref="RecordPair"/>, S9): a
    /// power cut while writing it leaves the previous count readable, so a torn write can neither lose the reboots
    /// counted so far nor invent new ones. No valid copy reads as zero (corrupt data falls back, never crashes).
    /// </summary>
    public sealed class BootLoopGuard
    {
        public const string NameA = "bootloop-a.bin";
        public const string NameB = "bootloop-b.bin";
        public const int QuickBootsForSafeMode = 3;
        public const int StableAfterMs = 30000;
        private const byte Magic0 = 0xB0;
        private const byte Magic1 = 0x07;
        private const byte FormatVersion = 2; // version 1 was a single 4-byte file, bootloop.bin

        private readonly RecordPair _record;
        private readonly byte[] _payload = new byte[1];
        private int _bootsInARow;
        private bool _clearedThisRun;
        private bool _loaded;

        public BootLoopGuard(IFileStore store)
        {
            _record = new RecordPair(store, NameA, NameB, Magic0, Magic1, FormatVersion);
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
            return _record.Load(_payload) == 1 ? _payload[0] : 0;
        }

        private void Write(int count)
        {
            _payload[0] = (byte)count;
            _record.Save(_payload, 1);
        }
    }
}
