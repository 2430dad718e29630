namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// Where console lines come from: the USB serial port on the device (needs nanoFramework.System.IO.Ports,
    /// docs/console.md), standard input in `ampsim console`. On the device it must never block: it is polled from
    /// the control loop. (`ampsim console` blocks on standard input; nothing runs there between lines.)
    /// </summary>
    public interface IConsoleLineSource
    {
        /// <summary>The next complete line (without its terminator), or null when none is waiting.</summary>
        string? TryReadLine();
    }

    /// <summary>Where console replies go (the serial port / debug output, standard output).</summary>
    public interface IConsoleOutput
    {
        void WriteLine(string text);
    }
}
