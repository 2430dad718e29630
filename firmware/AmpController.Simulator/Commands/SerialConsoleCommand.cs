using System;
using System.Globalization;
using System.CommandLine;
using System.IO;
using AmpController.Core.Composition;
using AmpController.Core.Control;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;
using AmpController.Core.Service;
using AmpController.Core.SerialConsole;
using AmpController.Core.Storage;
using AmpController.Simulator.Board;
using AmpController.Simulator.Cli;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Commands;

/// <summary>
/// `ampsim console` (extends docs/design.md §7): the device's serial console on the PC. The same Core pieces as the ESP32
/// app (Program.cs): settings loaded from the store at start, the chip chosen by them, ConsoleShell over
/// ControllerConsoleActions, one ConsoleSession; lines come from standard input instead of the UART.
/// </summary>
public sealed class SerialConsoleCommand : ICommand
{
    /// <summary>Simulated time run after each line, so the controller takes the request (ramps last under 1 s).</summary>
    public const int SettleMsPerLine = 1000;

    /// <summary>Time run before the first line: start-up, and a plugged headphone measured and ramped up.</summary>
    public const int StartupMs = 3000;

    public string Name => "console";

    public HelpedCommand Build(CliIo io)
    {
        var flash = CliOptions.Text("--flash", "DIR", "folder that stands for the device's flash (default: an empty one in memory)");
        var plug = CliOptions.Parsed<double?>("--plug", "OHM", "a headphone of this impedance is plugged in and playing before the first line", text => Positive("--plug", text));
        var sensitivity = CliOptions.Parsed<double?>("--sensitivity", "DB_PER_V", "its true sensitivity, for --plug (default 100 dB/V)", text => Positive("--sensitivity", text));
        var seed = CliOptions.WholeNumber("--seed", "N", "simulation seed (default 1)", 0, int.MaxValue);
        var missing = CliOptions.Parsed<string?>("--missing", "CHIP", "a chip that does not answer on I2C: expander or volume (for selftest)", Chip);
        var command = new HelpedCommand(Name, "The serial console on a simulated board, lines from standard input")
        {
            Usage = "Usage: ampsim console [--flash DIR] [--plug OHM] [--sensitivity DB_PER_V] [--seed N] [--missing CHIP]",
            Details = """
                Reads console lines from standard input (one command a line; 'help' lists them), runs each through the
                firmware's console shell on a simulated board and prints each reply. A bad line gets one 'error: ' line and
                changes nothing (S10). Settings are loaded at start from the flash (defaults if missing or corrupt); 'save'
                writes them there (two copies with CRC, S9), and a later run with the same --flash starts from them.
                selftest and calibrate run on the simulated board. What a person does at the board is a line starting
                'sim ': 'sim plug OHM' plugs a resistor of OHM ohms on both channels (a calibration plug), 'sim unplug'
                empties the jack; such lines are read only when the console reads a line (a procedure waits for 'ok').
                """,
            Examples =
            [
                "echo status | ampsim console",
                "printf 'limit 90\nsave\n' | ampsim console --flash /tmp/amp-flash",
                "printf 'vol +10\nstatus\n' | ampsim console --plug 32",
                "printf 'selftest\n' | ampsim console --missing expander",
                "printf 'calibrate\nsim plug 10\nok\nsim plug 100\nok\nsim plug 470\nok\nsim unplug\nok\n' | ampsim console",
            ],
            ExitCodes = [(0, "at the end of the input (also when lines were rejected)"), (2, "bad options")],
        };
        foreach (var option in new Option[] { flash, plug, sensitivity, seed, missing }) command.Options.Add(option);
        command.SetAction(p =>
        {
            if (p.GetValue(plug) is null && p.GetValue(sensitivity) is not null) throw new UsageException("--sensitivity needs --plug");
            return Run(p.GetValue(flash), p.GetValue(plug), p.GetValue(sensitivity) ?? 100, (int)(p.GetValue(seed) ?? 1),
                p.GetValue(missing), io);
        });
        return command;
    }

    public int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr) =>
        AmpSimCli.RunOne(this, args, new CliIo(stdin, stdout, stderr));

    static int Run(string? flashDir, double? plugOhm, double sensitivity, int seed, string? missing, CliIo io)
    {
        var stdin = io.In;
        var stdout = io.Out;
        var output = new WriterOutput(stdout);
        IFileStore files = flashDir == null ? new SimFileStore() : new HostDirectoryFileStore(flashDir);
        // The board boots from this flash through the Core builder, as the device does: the settings, the chip they
        // name (the one fitted here) and the calibration; the start-up report is the device's.
        var board = new SimulatedBoard(new BoardConfig(Seed: seed), storedFlash: files);
        Amp amp = board.Amp;
        amp.ReportSettings(output);
        if (missing != null)
        {
            int address = missing == "expander" ? board.Expander.Address : board.VolumeChip.Address;
            board.RemoveChip(address);
            output.WriteLine($"(sim) the {missing} at 0x{address:X2} does not answer");
        }
        if (plugOhm is double ohm) board.Plug(new HeadphoneLoad(ohm, ohm, sensitivity));
        RunFor(board, StartupMs);

        // Made after the plug settled: the actions reach the controller of this boot (no fault reboots it here).
        var service = new ConsoleService(board.Controller, board.ServicePorts(), RuntimeVersion);
        var shell = new ConsoleShell(amp.Settings, amp.Store, new ControllerConsoleActions(board.Controller, board.Policy, amp.Settings), service);
        var session = new ConsoleSession(new ReaderLineSource(stdin, board, sensitivity, output), shell, output);
        // A working procedure or a reply waiting for the controller is stepped once per control period, as on the device.
        while (session.Poll()) RunFor(board, session.Busy ? ControllerTiming.TickMs : SettleMsPerLine);
        return ExitCodes.Ok;
    }

    private static void RunFor(SimulatedBoard board, int ms)
    {
        for (int t = 0; t < ms; t += ControllerTiming.TickMs) board.Tick();
    }

    private static double Positive(string name, string text) =>
        CliOptions.TryFinite(text, out double v) && v > 0 ? v : throw new UsageException($"option {name}: expected a number greater than 0, got '{text}'");

    /// <summary>What `version` names as the runtime here.</summary>
    public const string RuntimeVersion = "ampsim (simulated board; no nanoFramework image)";

    private static string Chip(string text) => text is "expander" or "volume" ? text
        : throw new UsageException($"option --missing: expected expander or volume, got '{text}'");

    /// <summary>Lines from standard input; a 'sim ' line is done at the board (plug, unplug) and reaches the shell as an empty line.</summary>
    private sealed class ReaderLineSource(TextReader reader, SimulatedBoard board, double sensitivity, IConsoleOutput output) : IConsoleLineSource
    {
        public string? TryReadLine()
        {
            string? line = reader.ReadLine();
            if (line == null || !line.StartsWith("sim ", StringComparison.Ordinal)) return line;
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 2 && words[1] == "unplug")
            {
                board.Unplug();
                output.WriteLine("(sim) jack empty");
            }
            else if (words.Length == 3 && words[1] == "plug" && CliOptions.TryFinite(words[2], out double ohm) && ohm > 0)
            {
                board.Plug(new HeadphoneLoad(ohm, ohm, sensitivity));
                output.WriteLine($"(sim) plugged {ohm.ToString(CultureInfo.InvariantCulture)} ohm on both channels");
            }
            else output.WriteLine("(sim) not understood: 'sim plug OHM' or 'sim unplug'");
            return "";
        }
    }

    private sealed class WriterOutput(TextWriter writer) : IConsoleOutput
    {
        public void WriteLine(string text) => writer.WriteLine(text);
    }
}
