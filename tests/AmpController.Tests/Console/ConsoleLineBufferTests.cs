using System.Collections.Generic;
using System.Text;
using AmpController.Core.SerialConsole;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.SerialConsole;

[TestClass]
public class ConsoleLineBufferTests
{
    private static List<string> FeedAll(ConsoleLineBuffer buffer, byte[] bytes)
    {
        var lines = new List<string>();
        foreach (var b in bytes)
        {
            var line = buffer.Feed(b);
            if (line != null) lines.Add(line);
        }
        return lines;
    }

    [TestMethod]
    public void S10_lines_end_at_cr_lf_or_crlf_without_phantom_empty_lines()
    {
        var lines = FeedAll(new ConsoleLineBuffer(), Encoding.ASCII.GetBytes("limit 80\r\nmute\nvol +1\r\r\n"));
        CollectionAssert.AreEqual(new[] { "limit 80", "mute", "vol +1", "" }, lines);
    }

    [TestMethod]
    public void S10_backspace_edits_the_line()
    {
        var lines = FeedAll(new ConsoleLineBuffer(), Encoding.ASCII.GetBytes("limit 99\b0\x7f\x7f" + "85\n"));
        CollectionAssert.AreEqual(new[] { "limit 85" }, lines);
    }

    [TestMethod]
    public void S10_an_overlong_line_is_rejected_whole_not_run_as_a_prefix()
    {
        var buffer = new ConsoleLineBuffer();
        var text = "limit 60" + new string(' ', 100) + "0\nmute\n";
        var lines = FeedAll(buffer, Encoding.ASCII.GetBytes(text));
        Assert.AreEqual(2, lines.Count);
        Assert.AreEqual(ConsoleParser.MaxLineLength + 1, lines[0].Length);
        Assert.IsNotNull(ConsoleParser.Parse(lines[0], new ConsoleCommand()), "overlong line must be an error");
        Assert.AreEqual("mute", lines[1], "the next line is read normally");
    }

    [TestMethod]
    public void S10_a_line_of_exactly_the_maximum_length_is_accepted()
    {
        var line = "limit 80" + new string(' ', ConsoleParser.MaxLineLength - 8);
        var lines = FeedAll(new ConsoleLineBuffer(), Encoding.ASCII.GetBytes(line + "\n"));
        var command = new ConsoleCommand();
        Assert.IsNull(ConsoleParser.Parse(lines[0], command));
        Assert.AreEqual(ConsoleCommandKind.Limit, command.Kind);
        Assert.AreEqual(80, command.Number);
    }

    [TestMethod]
    public void S10_high_bytes_from_the_uart_are_rejected_by_the_parser()
    {
        var lines = FeedAll(new ConsoleLineBuffer(), new byte[] { (byte)'m', (byte)'u', (byte)'t', (byte)'e', 0xC3, (byte)'\n' });
        var error = ConsoleParser.Parse(lines[0], new ConsoleCommand());
        StringAssert.Contains(error, "column 5");
    }
}
