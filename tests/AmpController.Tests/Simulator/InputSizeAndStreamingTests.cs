using System;
using System.Diagnostics;
using System.IO;
using AmpController.Simulator.Commands;
using AmpController.Simulator.Scenario;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using static AmpController.Tests.Simulator.ScenarioFilesForTests;

namespace AmpController.Tests.Simulator;

/// <summary>
/// Issue 18 item 5: `ampsim run` refuses oversized or endless input with exit 2 and one line before reading it, and a
/// run streams (trace written and expectations checked as it goes; no kept list of samples).
/// </summary>
[TestClass]
public class InputSizeAndStreamingTests
{
    static (int Code, string Stdout, string Stderr) RunFile(string path)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = new RunCommand().Run([path], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    static void AssertOneLine(string stderr)
    {
        Assert.AreEqual(1, stderr.TrimEnd('\n').Split('\n').Length, stderr);
    }

    [TestMethod]
    public void A_1_2_GB_file_is_refused_with_exit_2_and_one_line_before_it_is_read()
    {
        string path = TempPath(".json");
        try
        {
            // A sparse file: 1.2 GB long, nothing written, no disk used.
            using (var f = new FileStream(path, FileMode.CreateNew)) f.SetLength(1_200_000_000);
            var watch = Stopwatch.StartNew();
            var r = RunFile(path);
            Assert.AreEqual(2, r.Code);
            AssertOneLine(r.Stderr);
            StringAssert.Contains(r.Stderr, "1,200,000,000 bytes; a scenario file may have at most 16,777,216 (16 MiB)");
            Assert.IsTrue(watch.ElapsedMilliseconds < 5000, $"took {watch.ElapsedMilliseconds} ms: was the file read?");
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void An_endless_device_like_dev_zero_is_refused_with_exit_2_and_one_line()
    {
        if (!File.Exists("/dev/zero")) Assert.Inconclusive("no /dev/zero on this system");
        var r = RunFile("/dev/zero");
        Assert.AreEqual(2, r.Code);
        AssertOneLine(r.Stderr);
        StringAssert.Contains(r.Stderr, "gives more than 16,777,216 bytes");
    }

    /// <summary>A stream that never ends and cannot tell its length (a pipe): the read stops one byte past the limit.</summary>
    sealed class EndlessStream : Stream
    {
        public long Served;
        public override int Read(byte[] buffer, int offset, int count) { Array.Fill(buffer, (byte)' ', offset, count); Served += count; return count; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [TestMethod]
    public void A_stream_without_a_length_is_read_only_up_to_one_byte_past_the_limit()
    {
        var endless = new EndlessStream();
        var e = Assert.ThrowsExactly<ScenarioException>(() => ScenarioFiles.ReadBounded(endless, "pipe"));
        StringAssert.Contains(e.Message, "more than 16,777,216 bytes");
        Assert.AreEqual(ScenarioFiles.MaxFileBytes + 1L, endless.Served);
    }

    [TestMethod]
    public void A_file_of_exactly_the_limit_is_read_and_judged_as_json()
    {
        string path = TempPath(".json");
        try
        {
            string json = Valid().Replace('\'', '"');
            File.WriteAllText(path, json + new string(' ', ScenarioFiles.MaxFileBytes - json.Length));
            var r = RunFile(path);
            Assert.AreEqual(0, r.Code, r.Stderr);
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void Bytes_that_are_not_utf8_are_bad_input()
    {
        string path = TempPath(".json");
        try
        {
            File.WriteAllBytes(path, [0x7B, 0xFF, 0xFE, 0x7D]);
            var r = RunFile(path);
            Assert.AreEqual(2, r.Code);
            AssertOneLine(r.Stderr);
            StringAssert.Contains(r.Stderr, "is not UTF-8 text");
        }
        finally { File.Delete(path); }
    }

    /// <summary>Found by the fuzz pass (tests/fuzz.sh scenario): a field name holding a newline split the error in two.</summary>
    [TestMethod]
    [DataRow("{'name':'x','durationMs':10,'profiles':[{'name':'HE-6','impedanceOhm':50,'sensitivity':83.5,'\\nit':'dB/mW'}],'events':[]}")]
    [DataRow("{'name':'x','durationMs':10,'events':[{'atMs':0,'fault':{'kind':'a\\u2028b'}}]}")]
    [DataRow("{'name':'x','durationMs':'1\\r\\n2','events':[]}")]
    public void Control_characters_in_a_scenario_give_a_one_line_error(string json)
    {
        string path = Write(json);
        try
        {
            var r = RunFile(path);
            Assert.AreEqual(2, r.Code, r.Stderr);
            AssertOneLine(r.Stderr);
        }
        finally { File.Delete(path); }
    }

    [TestMethod]
    public void A_streamed_run_keeps_no_samples_and_reaches_the_same_verdict_as_a_kept_one()
    {
        foreach (string name in ScenarioFiles.BuiltInNames)
        {
            var spec = ScenarioFiles.BuiltIn(name);
            var kept = ScenarioRunner.Run(spec, BoardFactory.Create);
            var streamed = ScenarioRunner.Run(spec, BoardFactory.Create, keepSamples: false);
            Assert.AreEqual(0, streamed.Samples.Count, name);
            Assert.AreEqual(kept.Samples.Count, streamed.SampleCount, name);
            Assert.AreEqual(kept.MaxSplDbA, streamed.MaxSplDbA, name);
            CollectionAssert.AreEqual(new System.Collections.Generic.List<string>(kept.Verdict().Failures),
                new System.Collections.Generic.List<string>(streamed.Verdict().Failures), name);
            // The checks made while the run went agree with a replay of the kept samples through each expectation.
            int replayFailures = 0;
            foreach (var expectation in spec.Expect)
                if (expectation.Check(kept) is string failure)
                {
                    replayFailures++;
                    CollectionAssert.Contains(new System.Collections.Generic.List<string>(streamed.Verdict().Failures), failure, name);
                }
            Assert.AreEqual(replayFailures, streamed.Verdict().Failures.Count, name);
        }
    }
}
