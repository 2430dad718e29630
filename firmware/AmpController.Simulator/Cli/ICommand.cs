using System.IO;

namespace AmpController.Simulator.Cli;

/// <summary>
/// One `ampsim` sub-command: builds its System.CommandLine command (options, action, help text) for one invocation.
/// Exit codes (docs/design.md §7): 0 success, 1 a check failed, 2 bad input with a one-line error on stderr.
/// </summary>
public interface ICommand
{
    string Name { get; }
    HelpedCommand Build(CliIo io);
}

/// <summary>The streams of one invocation (tests pass string writers; Program passes the console).</summary>
public sealed record CliIo(TextReader In, TextWriter Out, TextWriter Error);

public static class ExitCodes
{
    public const int Ok = 0;
    public const int CheckFailed = 1;
    public const int BadInput = 2;
}

/// <summary>Bad input found after parsing (options that need each other, a file that cannot be read): exit 2, one line.</summary>
public sealed class UsageException(string message) : System.Exception(message);
