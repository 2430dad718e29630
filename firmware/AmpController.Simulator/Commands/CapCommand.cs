using System.IO;
using AmpController.Simulator.Cli;

namespace AmpController.Simulator.Commands;

public sealed class CapCommand : ICommand
{
    public string Name => "cap";
    public string Summary => "Gain, volume cap and resulting level for a headphone";
    public string Usage => "Usage: ampsim cap --impedance OHM [--sensitivity VALUE --unit dB/mW|dB/V] [--limit DBA] [--json]";

    public int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        stderr.WriteLine("ampsim cap: not implemented yet");
        return ExitCodes.BadInput;
    }
}
