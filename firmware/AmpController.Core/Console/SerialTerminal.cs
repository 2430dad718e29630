using System;
using AmpController.Core.Platform;

namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// The device console on a UART (COM2 on the ESP32, docs/console.md): lines typed in a terminal become console lines,
    /// replies go back, with a prompt and echo as a terminal user expects. Polled from the control loop, so nothing here
    /// waits: input is read only as far as the port already holds it (ISerialPort's rules), output leaves through a
    /// bounded queue at most <see cref="SendBytesPerPump"/> bytes per loop period. Every port call is guarded: a port
    /// that throws costs a count, never the loop. With nothing arriving and nothing to send it allocates nothing.
    /// Bad input is for the parser to refuse (S10); this class only keeps buffers bounded, drops a line that lost bytes
    /// in the UART (with a message), and never echoes a byte it does not keep.
    /// </summary>
    public sealed class SerialTerminal : IConsoleLineSource, IConsoleOutput
    {
        public const string Prompt = "amp> ";

        /// <summary>The ESP32 firmware's receive ring holds 256 bytes (UART_BUFER_SIZE in nf-interpreter
        /// targets/ESP32/_nanoCLR/System.IO.Ports/sys_io_ser_native_System_IO_Ports_SerialPort.cpp); once BytesToRead
        /// reaches it, bytes that arrived after those were lost.</summary>
        public const int PortRingBytes = 256;

        /// <summary>115200 baud 8N1 moves 11,520 bytes/s: 64 bytes are 5.6 ms of line time, under the 10 ms loop period and
        /// under nanoCLR's 20 ms thread quantum, below which the native write copies straight into the UART's 128-byte FIFO
        /// instead of starting a task and waiting for it (same file, IsLongRunningOperation_sys).</summary>
        public const int SendBytesPerPump = 64;

        /// <summary>Output held for the UART: the longest reply (the self-test table) is about 1.5 KB.</summary>
        public const int OutputBytes = 2048;

        private const byte CtrlC = 0x03;

        private readonly ISerialPort _port;
        private readonly bool _echo;
        private readonly ConsoleLineBuffer _line = new ConsoleLineBuffer();
        private readonly ConsoleOutputQueue _out = new ConsoleOutputQueue(OutputBytes);
        private readonly byte[] _in = new byte[PortRingBytes];
        // Exact-length send buffers (64, 32, ..., 1 bytes): ISerialPort.Write sends whole arrays.
        private readonly byte[][] _chunks = new byte[7][];
        private int _inAt;
        private int _inCount;
        private int _untilGap;     // bytes still to feed before the point where the port lost input (0: no gap known)
        private bool _damaged;     // the line being typed lost bytes in the UART
        private bool _needPrompt = true;
        private bool _atPrompt;    // the prompt and the line being typed are the last thing on the screen

        public SerialTerminal(ISerialPort port, bool echo)
        {
            _port = port;
            _echo = echo;
            for (int i = 0; i < _chunks.Length; i++) _chunks[i] = new byte[SendBytesPerPump >> i];
        }

        /// <summary>Port calls that threw (the console carries on without them).</summary>
        public int PortErrors { get; private set; }

        /// <summary>Lines dropped because bytes of them were lost in the UART.</summary>
        public int DamagedLines { get; private set; }

        /// <summary>Bytes waiting to be sent.</summary>
        public int Pending { get { return _out.Count; } }

        /// <summary>Output texts dropped because the queue was full.</summary>
        public int DroppedOutput { get { return _out.DroppedTotal; } }

        /// <summary>The next complete line, or null when none has arrived; shows the prompt first when one is due.</summary>
        public string? TryReadLine()
        {
            while (true)
            {
                if (_needPrompt) ShowPrompt();
                if (_inAt == _inCount && !Fill()) return null;
                byte value = _in[_inAt++];
                bool gapAfter = _untilGap > 0 && --_untilGap == 0;
                string? line = Feed(value);
                if (line == null)
                {
                    if (gapAfter) _damaged = true;
                    continue;
                }
                bool lost = _damaged;
                _damaged = gapAfter; // a gap right after a line end takes the start of the next line
                _atPrompt = false;
                _needPrompt = true;
                if (!lost) return line;
                DamagedLines++;
                _out.Enqueue("error: input overrun: bytes of this line were lost in the UART; it was ignored", true);
            }
        }

        /// <summary>Writes a reply or notice on its own line; text arriving while the user types is put above the prompt,
        /// and the prompt and the typed characters are shown again below it.</summary>
        public void WriteLine(string text)
        {
            bool redraw = _atPrompt;
            if (redraw)
            {
                int shown = Prompt.Length + Shown();
                _out.EnqueueByte((byte)'\r');
                for (int i = 0; i < shown; i++) _out.EnqueueByte((byte)' ');
                _out.EnqueueByte((byte)'\r');
            }
            _out.Enqueue(text, true);
            if (!redraw) return;
            _out.Enqueue(Prompt, false);
            for (int i = 0; i < Shown(); i++) _out.EnqueueByte(Visible(_line.CharAt(i)));
        }

        /// <summary>Sends at most <see cref="SendBytesPerPump"/> queued bytes; call once per loop period.</summary>
        public void Pump()
        {
            int n = _out.Count;
            if (n == 0) return;
            if (n > SendBytesPerPump) n = SendBytesPerPump;
            for (int i = 0; i < _chunks.Length; i++)
            {
                byte[] chunk = _chunks[i];
                if ((n & chunk.Length) == 0) continue;
                _out.Take(chunk, chunk.Length);
                try { _port.Write(chunk); }
                catch (Exception) { PortErrors++; }
            }
        }

        /// <summary>Reads what the port already holds (never more), or false when nothing is waiting.</summary>
        private bool Fill()
        {
            int waiting, got;
            try
            {
                waiting = _port.BytesToRead;
                if (waiting <= 0) return false;
                if (waiting >= PortRingBytes && _untilGap == 0) _untilGap = waiting;
                got = _port.Read(_in, 0, waiting < _in.Length ? waiting : _in.Length);
            }
            catch (Exception)
            {
                PortErrors++;
                return false;
            }
            if (got <= 0 || got > _in.Length) return false;
            _inAt = 0;
            _inCount = got;
            return true;
        }

        /// <summary>One byte into the line, echoed the way it was kept; the finished line or null.</summary>
        private string? Feed(byte value)
        {
            if (value == CtrlC)
            {
                _line.Clear();
                _damaged = false;
                Echo("^C\n");
                _atPrompt = false;
                _needPrompt = true;
                return null;
            }
            int before = _line.Length;
            string? line = _line.Feed(value);
            if (!_echo) return line;
            if (line != null)
            {
                Echo("\n");
                return line;
            }
            int after = _line.Length;
            if (after > before && after <= ConsoleParser.MaxLineLength) _out.EnqueueByte(Visible((char)value));
            else if (after < before) Echo("\b \b");
            return null;
        }

        private void ShowPrompt()
        {
            _needPrompt = false;
            _atPrompt = true;
            _out.Enqueue(Prompt, false);
        }

        /// <summary>Terminal control text, byte for byte ('\n' as CR LF).</summary>
        private void Echo(string text)
        {
            if (!_echo) return;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n') _out.EnqueueByte((byte)'\r');
                _out.EnqueueByte((byte)text[i]);
            }
        }

        /// <summary>Typed characters on the screen (the marker character of a too-long line is not echoed).</summary>
        private int Shown()
        {
            if (!_echo) return 0;
            return _line.Length > ConsoleParser.MaxLineLength ? ConsoleParser.MaxLineLength : _line.Length;
        }

        private static byte Visible(char c)
        {
            return c >= ' ' && c <= '~' ? (byte)c : (byte)'?';
        }
    }
}
