namespace AmpController.Core.SerialConsole
{
    /// <summary>The answer to one console line. A failed command's text is one line starting with "error: ".</summary>
    public sealed class ConsoleReply
    {
        public ConsoleReply(bool ok, string text)
        {
            Ok = ok;
            Text = text;
        }

        public bool Ok { get; }

        /// <summary>Lines separated by "\n", no trailing newline; empty for an empty input line.</summary>
        public string Text { get; }

        public static ConsoleReply Error(string message)
        {
            return new ConsoleReply(false, "error: " + message);
        }
    }
}
