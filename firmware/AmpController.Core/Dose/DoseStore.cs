using AmpController.Core.Platform;
using AmpController.Core.Storage;

namespace AmpController.Core.Dose
{
    /// <summary>
    /// Keeps the sound dose across power cuts (S13, S9) within a flash budget: <see cref="Flush"/> (main loop, between
    /// ticks: it allocates and blocks) writes one record when at least <see cref="ListeningMsPerWrite"/> of listening
    /// went by since the last write, and never otherwise, so the flash sees at most one write per 10 minutes of
    /// listening and none while nothing plays (issue 16). A power cut can therefore lose up to 10 minutes of
    /// listening (docs/safety.md S13 states what that is worth). <see cref="Load"/> runs once at start-up.
    /// </summary>
    public sealed class DoseStore
    {
        /// <summary>Issue 16: at most one flash write per 10 minutes of listening.</summary>
        public const long ListeningMsPerWrite = 10L * 60 * 1000;

        private readonly RecordPair _pair;
        private readonly DoseState _state = new DoseState();
        private readonly byte[] _payload = new byte[DoseRecord.PayloadLength];
        private long _listeningAtLastWrite;

        public DoseStore(IFileStore files)
        {
            _pair = DoseRecord.Pair(files);
        }

        public int Writes { get; private set; }
        public int FailedWrites { get; private set; }

        /// <summary>Copies present but unreadable at the last Load (torn, corrupt, foreign).</summary>
        public int CorruptCopies { get { return _pair.CorruptCopies; } }

        /// <summary>Restores the newest valid record into the meter (true), or leaves it empty (false: none stored or all corrupt).</summary>
        public bool Load(DoseMeter meter, long nowMs)
        {
            _listeningAtLastWrite = meter.ListeningMs;
            int length = _pair.Load(_payload);
            if (!DoseRecord.TryDecodePayload(_payload, length, _state)) return false;
            meter.Restore(_state, nowMs);
            return true;
        }

        /// <summary>Writes the window when 10 minutes of listening went by since the last write. True when it wrote.</summary>
        public bool Flush(DoseMeter meter, long nowMs)
        {
            if (meter.ListeningMs - _listeningAtLastWrite < ListeningMsPerWrite) return false;
            _listeningAtLastWrite = meter.ListeningMs; // a failed write is not retried at once: the flash may be worn
            meter.Export(_state, nowMs);
            DoseRecord.EncodePayload(_state, _payload);
            Writes++;
            bool ok = _pair.Save(_payload, DoseRecord.PayloadLength);
            if (!ok) FailedWrites++;
            return ok;
        }
    }
}
