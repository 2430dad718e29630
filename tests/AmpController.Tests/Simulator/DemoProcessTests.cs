using System;
using System.Diagnostics;
using System.IO;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Simulator;

/// <summary>`ampsim demo` as CI runs it: a real process, no terminal, output redirected to pipes.</summary>
[TestClass]
public class DemoProcessTests
{
    [TestMethod]
    [DataRow("dumb")]
    [DataRow("xterm-256color")]
    public void Demo_process_with_redirected_output_exits_0_without_escape_codes(string term)
    {
        string ampsim = Path.Combine(AppContext.BaseDirectory, "ampsim.dll");
        string workDir = Path.Combine(Path.GetTempPath(), $"ampsim-demo-proc-{Guid.NewGuid():N}");
        Directory.CreateDirectory(workDir);
        try
        {
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { ampsim, "demo" },
                WorkingDirectory = workDir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            start.Environment["TERM"] = term;
            using var process = Process.Start(start)!;
            process.StandardInput.Close(); // no interactive input either
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.IsTrue(process.WaitForExit(120_000), "demo did not finish within 2 minutes");
            Assert.AreEqual(0, process.ExitCode, stderr.Result + stdout.Result);
            Assert.AreEqual("", stderr.Result);
            Assert.IsFalse(stdout.Result.Contains('\u001b'), "ANSI escape codes in redirected output");
            StringAssert.Contains(stdout.Result, "Summary");
            Assert.IsTrue(Directory.GetFiles(Path.Combine(workDir, "out"), "*.png").Length >= 6, "plots not in ./out/");
        }
        finally { Directory.Delete(workDir, true); }
    }
}
