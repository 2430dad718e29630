using System.IO;
using AmpController.Simulator.Cli;

namespace AmpController.Simulator.Commands;

public sealed class SenseCommand : ICommand
{
    public string Name => "sense";
    public string Summary => "Simulated impedance measurement of one load";
    public string Usage => "Usage: ampsim sense --load LOAD [--seed N] [--json]";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("ampsim sense: not implemented yet");
        return ExitCodes.BadInput;
    }
}
