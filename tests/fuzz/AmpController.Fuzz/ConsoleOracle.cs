using System.Collections.Generic;
using AmpController.Core.SerialConsole;
using AmpController.Core.Storage;
using AmpController.Simulator.Platform;

namespace AmpController.Fuzz;

/// <summary>
/// Console target (rule S10): the input is what arrives on the UART, byte by byte, through the line buffer; each line
/// is executed by the shell. A refused line must answer one line starting "error: " and change nothing — the settings
/// (byte for byte), the flash (no write) and the controller (no call). Every line leaves the settings in range.
/// </summary>
public static class ConsoleOracle
{
    /// <summary>Stands in for the controller: counts what the console asked of it.</summary>
    sealed class CountingActions : IConsoleActions
    {
        public int Calls;
        public void Mute() => Calls++;
        public void Unmute() => Calls++;
        public void StepVolume(int steps) => Calls++;
        public void SettingsChanged() => Calls++;
        public bool LeaveSafeMode() { Calls++; return false; }
        public string Describe() => "controller: fuzz double";
        public string DoseText() => "dose: fuzz double";
        public string TakeNotice() => "";
    }

    public static void Run(byte[] input)
    {
        var settings = new Settings();
        var flash = new SimFileStore();
        var actions = new CountingActions();
        var shell = new ConsoleShell(settings, new SettingsStore(flash), actions);
        var buffer = new ConsoleLineBuffer();
        var lines = new List<string>();
        foreach (byte b in input)
            if (buffer.Feed(b) is string line) lines.Add(line);
        foreach (string line in lines)
        {
            byte[] before = SettingsCodec.EncodePayload(settings);
            int writes = flash.Writes, calls = actions.Calls;
            ConsoleReply reply = shell.Execute(line);
            if (!reply.Ok)
            {
                if (!reply.Text.StartsWith("error: ") || reply.Text.Contains('\n'))
                    throw new OracleFailure($"a refused line must answer one 'error: ' line, got '{reply.Text}'");
                if (!System.MemoryExtensions.SequenceEqual<byte>(before, SettingsCodec.EncodePayload(settings)))
                    throw new OracleFailure($"refused line '{line}' changed the settings");
                // A failed 'save' may have tried the flash: what matters is that nothing else changed.
                if (flash.Writes != writes && !line.Trim().Equals("save", System.StringComparison.OrdinalIgnoreCase))
                    throw new OracleFailure($"refused line '{line}' wrote the flash");
                if (actions.Calls != calls) throw new OracleFailure($"refused line '{line}' called the controller");
            }
            SettingsOracle.Check(settings, $"settings after '{line}'");
        }
    }
}
