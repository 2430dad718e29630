using System.IO;
using AmpController.Simulator.Cli;

namespace AmpController.Simulator.Commands;

public sealed class BenchCommand : ICommand
{
    public string Name => "bench";
    public string Summary => "Simulated seconds per wall second and bytes allocated per tick";
    public string Usage => "Usage: ampsim bench [--json]";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("ampsim bench: not implemented yet");
        return ExitCodes.BadInput;
    }
}
