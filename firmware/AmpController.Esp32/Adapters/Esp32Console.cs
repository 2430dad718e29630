using System;
using AmpController.Core.SerialConsole;

namespace AmpController.Esp32.Adapters
{
    /// <summary>
    /// Console input when COM2 could not be opened (Esp32SerialPort.Open returned null): no lines. The amplifier runs on;
    /// the reason went to the debug output.
    /// </summary>
    public sealed class NoSerialInput : IConsoleLineSource
    {
        public string? TryReadLine()
        {
            return null;
        }
    }

    /// <summary>Console replies and start-up reports on the debug/console output (Visual Studio's output window).</summary>
    public sealed class DebugConsoleOutput : IConsoleOutput
    {
        public void WriteLine(string text)
        {
            Console.WriteLine(text);
        }
    }
}
