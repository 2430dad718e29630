using System.IO;
using AmpController.Simulator.Cli;

namespace AmpController.Simulator.Commands;

public sealed class RunCommand : ICommand
{
    public string Name => "run";
    public string Summary => "Run a scenario file and check its expectations";
    public string Usage => "Usage: ampsim run SCENARIO.json [--trace FILE.jsonl] [--plot FILE.png]";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("ampsim run: not implemented yet");
        return ExitCodes.BadInput;
    }
}
