namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// Assembles serial bytes into lines with a fixed buffer. CR, LF or CR LF end a line; backspace/DEL removes
    /// the last character. Past <see cref="ConsoleParser.MaxLineLength"/> the extra bytes are dropped but the
    /// line comes out one character too long, so the parser rejects it as a whole instead of running a prefix.
    /// </summary>
    public sealed class ConsoleLineBuffer
    {
        private readonly char[] _chars = new char[ConsoleParser.MaxLineLength + 1];
        private int _length;
        private bool _lastWasCr;

        /// <summary>Characters of the line being typed (at most MaxLineLength + 1: one more marks it too long).</summary>
        public int Length { get { return _length; } }

        /// <summary>Character <paramref name="index"/> (0 ≤ index &lt; Length) of the line being typed.</summary>
        public char CharAt(int index)
        {
            return _chars[index];
        }

        /// <summary>Drops the line being typed (Ctrl-C on the terminal, or bytes lost in the UART).</summary>
        public void Clear()
        {
            _length = 0;
            _lastWasCr = false;
        }

        /// <summary>Feeds one byte; returns the finished line when it ends one, else null.</summary>
        public string? Feed(byte value)
        {
            bool wasCr = _lastWasCr;
            _lastWasCr = value == '\r';
            if (value == '\n' && wasCr) return null; // second half of CR LF
            if (value == '\r' || value == '\n')
            {
                string line = new string(_chars, 0, _length);
                _length = 0;
                return line;
            }
            if (value == 0x08 || value == 0x7F)
            {
                if (_length > 0 && _length <= ConsoleParser.MaxLineLength) _length--;
                return null;
            }
            if (_length < _chars.Length) _chars[_length++] = (char)value;
            return null;
        }
    }
}
