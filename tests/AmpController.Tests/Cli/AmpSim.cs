using System.IO;
using AmpController.Simulator.Cli;

namespace AmpController.Tests.Cli;

/// <summary>Runs `ampsim` in-process and captures its streams.</summary>
public static class AmpSim
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = AmpSimCli.Dispatch(args, System.IO.TextReader.Null, stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Runs `ampsim` with <paramref name="stdin"/> as its standard input (`ampsim console`).</summary>
    public static Result RunWithInput(string stdin, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = AmpSimCli.Dispatch(args, new StringReader(stdin), stdout, stderr);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
