namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// Moves lines from a source through the shell to an output, one line per <see cref="Poll"/>. The device polls
    /// it from the control loop between ticks (so console requests and ticks never run at the same time);
    /// `ampsim console` polls it until the input ends and the shell is idle. Polling with nothing waiting allocates nothing.
    /// </summary>
    public sealed class ConsoleSession
    {
        private readonly IConsoleLineSource _source;
        private readonly ConsoleShell _shell;
        private readonly IConsoleOutput _output;

        public ConsoleSession(IConsoleLineSource source, ConsoleShell shell, IConsoleOutput output)
        {
            _source = source;
            _shell = shell;
            _output = output;
        }

        /// <summary>Lines that were rejected (S10: each got a one-line error and changed nothing).</summary>
        public int Errors { get; private set; }

        /// <summary>
        /// Writes a pending notification and what the shell has to add (a procedure's progress, the state after the last
        /// command), then runs at most one waiting line unless the shell is busy. Returns false when the shell is idle and
        /// no line was waiting.
        /// </summary>
        public bool Poll()
        {
            string notice = _shell.TakeNotice();
            if (notice.Length > 0) _output.WriteLine(notice);
            string more = _shell.Continue();
            if (more.Length > 0) _output.WriteLine(more);
            if (_shell.Busy) return true;
            string? line = _source.TryReadLine();
            if (line == null) return false;
            ConsoleReply reply = _shell.Execute(line);
            if (!reply.Ok) Errors++;
            if (reply.Text.Length > 0) _output.WriteLine(reply.Text);
            return true;
        }

        /// <summary>True while a procedure runs or a reply waits for the controller (no line is read meanwhile).</summary>
        public bool Busy { get { return _shell.Busy; } }
    }
}
