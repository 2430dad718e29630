using System.IO;

namespace AmpController.Simulator.Cli;

/// <summary>One `ampsim` sub-command. Exit codes (docs/design.md §7): 0 success, 1 a check failed, 2 bad input.</summary>
public interface ICommand
{
    string Name { get; }
    string Summary { get; }
    string Usage { get; }
    int Run(string[] args, TextWriter stdout, TextWriter stderr);
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;
}

/// <summary>Thrown by argument parsing; reported as a one-line error with exit code 2.</summary>
public sealed class UsageException(string message) : System.Exception(message);

/// <summary>A command that reads standard input (`ampsim console`); Dispatch hands it the reader.</summary>
public interface IReadsInput
{
    int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr);
}
