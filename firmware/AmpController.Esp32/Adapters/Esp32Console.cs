using System;
using AmpController.Core.SerialConsole;

namespace AmpController.Esp32.Adapters
{
    /// <summary>
    /// Console input on the device. Reading the USB UART needs nanoFramework.System.IO.Ports, which is outside the
    /// pinned, gate-covered API (third_party/nanoframework/api.txt), so this source has no lines yet: the shell is
    /// wired and polled, and a SerialPort-backed source (bytes through ConsoleLineBuffer) replaces this one
    /// (docs/console.md).
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
