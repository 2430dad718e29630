namespace AmpController.Core.SerialConsole
{
    /// <summary>Writes every line to two outputs (the device's start-up report: the debug output and the serial console).</summary>
    public sealed class TeeConsoleOutput : IConsoleOutput
    {
        private readonly IConsoleOutput _first;
        private readonly IConsoleOutput _second;

        public TeeConsoleOutput(IConsoleOutput first, IConsoleOutput second)
        {
            _first = first;
            _second = second;
        }

        public void WriteLine(string text)
        {
            _first.WriteLine(text);
            _second.WriteLine(text);
        }
    }
}
