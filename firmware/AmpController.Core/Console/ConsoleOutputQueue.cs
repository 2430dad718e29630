namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// Bytes waiting for the UART, in a fixed ring (no allocation). Text is queued whole or not at all; what does not fit
    /// is counted and announced once there is room again ("[N line(s) of output dropped]"), so a flood of replies
    /// (binary input, thousands of bad lines) costs bounded memory and the reader still learns that something is
    /// missing. Text goes out as ASCII: '\n' becomes CR LF, anything outside printable ASCII becomes '?'; single bytes
    /// (echo, prompt redraw) go out as they are and are not counted as lines when dropped.
    /// </summary>
    public sealed class ConsoleOutputQueue
    {
        /// <summary>Room kept free for the drop notice, so it always fits once the queue has drained below it.</summary>
        private const int NoticeRoom = 48;

        private readonly byte[] _ring;
        private int _head;
        private int _count;
        private int _droppedLines;
        private bool _droppedSome;

        public ConsoleOutputQueue(int capacity)
        {
            _ring = new byte[capacity];
        }

        /// <summary>Bytes waiting to be sent.</summary>
        public int Count { get { return _count; } }

        /// <summary>Lines dropped since the queue was made (for tests and diagnostics).</summary>
        public int DroppedTotal { get; private set; }

        /// <summary>Queues <paramref name="text"/> (plus CR LF when <paramref name="newline"/>); false when it was dropped.</summary>
        public bool Enqueue(string text, bool newline)
        {
            if (_droppedSome && !AnnounceDropped()) return Drop(newline);
            int needed = EncodedLength(text) + (newline ? 2 : 0);
            if (needed > _ring.Length - _count - NoticeRoom) return Drop(newline);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == '\n') { Put((byte)'\r'); Put((byte)'\n'); }
                else Put(c >= ' ' && c <= '~' ? (byte)c : (byte)'?');
            }
            if (newline) { Put((byte)'\r'); Put((byte)'\n'); }
            return true;
        }

        /// <summary>Queues one byte as it is (terminal echo and control sequences); false when it was dropped.</summary>
        public bool EnqueueByte(byte value)
        {
            if (_droppedSome && !AnnounceDropped()) return Drop(false);
            if (_ring.Length - _count - NoticeRoom < 1) return Drop(false);
            Put(value);
            return true;
        }

        /// <summary>Moves up to <paramref name="count"/> bytes into <paramref name="into"/> from index 0; returns how many.</summary>
        public int Take(byte[] into, int count)
        {
            if (count > _count) count = _count;
            for (int i = 0; i < count; i++)
            {
                into[i] = _ring[_head];
                _head = (_head + 1) % _ring.Length;
            }
            _count -= count;
            return count;
        }

        private bool AnnounceDropped()
        {
            string notice = _droppedLines > 0 ? "[" + _droppedLines.ToString() + " line(s) of output dropped]" : "[output dropped]";
            if (notice.Length + 2 > _ring.Length - _count) return false;
            for (int i = 0; i < notice.Length; i++) Put((byte)notice[i]);
            Put((byte)'\r');
            Put((byte)'\n');
            _droppedLines = 0;
            _droppedSome = false;
            return true;
        }

        private bool Drop(bool line)
        {
            _droppedSome = true;
            if (line)
            {
                _droppedLines++;
                DroppedTotal++;
            }
            return false;
        }

        private void Put(byte value)
        {
            _ring[(_head + _count) % _ring.Length] = value;
            _count++;
        }

        private static int EncodedLength(string text)
        {
            int n = text.Length;
            for (int i = 0; i < text.Length; i++)
                if (text[i] == '\n') n++;
            return n;
        }
    }
}
