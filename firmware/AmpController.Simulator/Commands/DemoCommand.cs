using System.IO;
using AmpController.Simulator.Cli;

namespace AmpController.Simulator.Commands;

public sealed class DemoCommand : ICommand
{
    public string Name => "demo";
    public string Summary => "Play the built-in scenarios with a timeline, a summary and plots in ./out/";
    public string Usage => "Usage: ampsim demo";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("ampsim demo: not implemented yet");
        return ExitCodes.BadInput;
    }
}
