using System;
using System.Collections.Generic;
using AmpController.Core.SerialConsole;
using AmpController.Simulator.Platform;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.SerialConsole;

/// <summary>
/// The device console's terminal logic (Core SerialTerminal) over a simulated COM2 that enforces the native port's
/// rules: it never reads more than the port holds (the device would wait), sends whole arrays of at most 64 bytes a
/// loop period, keeps its buffers bounded, and survives a port that throws.
/// </summary>
[TestClass]
public class SerialTerminalTests
{
    private sealed class Rig
    {
        public readonly SimSerialPort Port = new();
        public readonly SerialTerminal Terminal;
        public Rig(bool echo = true) { Terminal = new SerialTerminal(Port, echo); }

        /// <summary>One loop period: read at most one line, send at most one burst.</summary>
        public string? Period()
        {
            string? line = Terminal.TryReadLine();
            Terminal.Pump();
            Port.EndPeriod();
            return line;
        }

        public string Drain()
        {
            for (int i = 0; i < 1000 && Terminal.Pending > 0; i++) { Terminal.Pump(); Port.EndPeriod(); }
            Assert.AreEqual(0, Terminal.Pending, "output did not drain");
            return Port.Sent;
        }

        /// <summary>Lines in order, one per period, until the input is used up.</summary>
        public List<string> Lines(int periods = 2000)
        {
            var lines = new List<string>();
            for (int i = 0; i < periods; i++) if (Period() is string line) lines.Add(line);
            return lines;
        }
    }

    [TestMethod]
    public void A_typed_line_is_echoed_after_the_prompt_and_returned_without_its_terminator()
    {
        var rig = new Rig();
        Assert.IsNull(rig.Period());
        rig.Port.Arrive("status\r");
        Assert.AreEqual("status", rig.Period());
        Assert.AreEqual("amp> status\r\n", rig.Drain());
        rig.Terminal.WriteLine("limit 85 dBA\nstorage: saved");
        Assert.IsNull(rig.Period());
        Assert.AreEqual("amp> status\r\nlimit 85 dBA\r\nstorage: saved\r\namp> ", rig.Drain(), "reply, then a new prompt");
    }

    [TestMethod]
    public void Bytes_arriving_one_at_a_time_or_many_lines_at_once_give_the_same_lines_in_order()
    {
        var slow = new Rig();
        var lines = new List<string>();
        foreach (char c in "mute\r\nvol +3\nstatus\r")
        {
            slow.Port.Arrive(c.ToString());
            if (slow.Period() is string line) lines.Add(line);
        }
        CollectionAssert.AreEqual(new[] { "mute", "vol +3", "status" }, lines);

        var burst = new Rig();
        burst.Port.Arrive("mute\r\nvol +3\nstatus\r");
        Assert.AreEqual("mute", burst.Period());
        StringAssert.EndsWith(burst.Drain(), "mute\r\n", "the next line is not echoed before this one was answered");
        CollectionAssert.AreEqual(new[] { "vol +3", "status" }, burst.Lines(10));
    }

    [TestMethod]
    public void Backspace_erases_on_the_screen_and_in_the_line_and_ctrl_c_drops_the_line()
    {
        var rig = new Rig();
        rig.Port.Arrive("limit 99\b\x7f" + "85\r");
        Assert.AreEqual("limit 85", rig.Lines(5)[0]);
        Assert.AreEqual("amp> limit 99\b \b\b \b85\r\namp> ", rig.Drain());

        var cancel = new Rig();
        cancel.Port.Arrive("limit 100\x03mute\r");
        CollectionAssert.AreEqual(new[] { "mute" }, cancel.Lines(5));
        Assert.AreEqual("amp> limit 100^C\r\namp> mute\r\namp> ", cancel.Drain());
    }

    [TestMethod]
    public void S10_a_10_KB_line_keeps_the_buffer_bounded_echoes_at_most_the_line_limit_and_is_refused_whole()
    {
        var rig = new Rig();
        var rng = new Random(15);
        var lines = new List<string>();
        for (int sent = 0; sent < 10_240; sent += 200)
        {
            var chunk = new byte[200];
            for (int i = 0; i < chunk.Length; i++) chunk[i] = (byte)rng.Next(' ', '~' + 1);
            rig.Port.Arrive(chunk);
            if (rig.Period() is string l) lines.Add(l);
        }
        rig.Port.Arrive("\rmute\r");
        lines.AddRange(rig.Lines(5));
        Assert.AreEqual(2, lines.Count);
        Assert.AreEqual(ConsoleParser.MaxLineLength + 1, lines[0].Length, "one character past the limit marks it too long");
        StringAssert.Contains(ConsoleParser.Parse(lines[0], new ConsoleCommand()), "line too long");
        Assert.AreEqual("mute", lines[1]);
        string screen = rig.Drain();
        Assert.AreEqual(SerialTerminal.Prompt.Length + ConsoleParser.MaxLineLength + 2, screen.IndexOf("amp> mute"),
            "only the first 80 characters are echoed");
        Assert.AreEqual(0, rig.Port.Lost, "read every period, a 10 KB line never overflows the port");
    }

    [TestMethod]
    public void Non_printable_bytes_are_kept_for_the_parser_to_refuse_and_shown_as_question_marks()
    {
        var rig = new Rig();
        rig.Port.Arrive(new byte[] { (byte)'m', 0x1B, (byte)'[', (byte)'A', 0xC3, (byte)'\r' });
        string line = rig.Lines(3)[0];
        Assert.AreEqual("m\u001b[A\u00c3", line);
        StringAssert.Contains(ConsoleParser.Parse(line, new ConsoleCommand()), "invalid character at column 2");
        Assert.AreEqual("amp> m?[A?\r\namp> ", rig.Drain());
    }

    /// <summary>The port's ring fills exactly at a line end (200) or in the middle of a line (190): either way the line
    /// that lost bytes, or the first one after the loss, is dropped with a message, and the line after that is read.</summary>
    [TestMethod]
    [DataRow(200)]
    [DataRow(190)]
    public void S10_bytes_lost_in_a_full_port_ring_drop_the_line_they_belonged_to_with_a_message(int filler)
    {
        var rig = new Rig();
        Assert.IsNull(rig.Period());
        // Over 256 bytes in one period (the loop stalled): the ring keeps 256, the rest is lost.
        string text = "status\r" + new string('x', filler) + "\r" + "mute\r" + "limit 90\r" + "vol +3\r" + "limit 70\r"
            + "default 75\r" + "unmute\r" + "vol +10\r" + "profile list\r" + "help me\r";
        rig.Port.Arrive(text);
        Assert.AreEqual(text.Length - SimSerialPort.RingBytes, rig.Port.Lost);
        var lines = rig.Lines(20);
        // Lines that ended within the 256 kept bytes arrive (the long one cut at the line limit, as always).
        var complete = new List<string>();
        int at = 0;
        foreach (string l in text.Split('\r'))
        {
            if (at + l.Length + 1 > SimSerialPort.RingBytes) break;
            complete.Add(l.Length > ConsoleParser.MaxLineLength ? l[..(ConsoleParser.MaxLineLength + 1)] : l);
            at += l.Length + 1;
        }
        CollectionAssert.AreEqual(complete, lines, string.Join(" | ", lines));
        // The loss may have swallowed a line end, so what arrives next may be the tail of a lost line: dropped.
        rig.Port.Arrive("limit 60\r");
        Assert.AreEqual(0, rig.Lines(5).Count, "the first line after the loss is not trusted");
        rig.Port.Arrive("status\r");
        CollectionAssert.AreEqual(new[] { "status" }, rig.Lines(5));
        Assert.AreEqual(1, rig.Terminal.DamagedLines);
        StringAssert.Contains(rig.Drain(), "error: input overrun");
    }

    [TestMethod]
    public void Output_leaves_in_whole_arrays_of_at_most_64_bytes_a_period_and_a_flood_stays_bounded()
    {
        var rig = new Rig();
        const int lines = 10_000;
        for (int i = 0; i < lines; i++) rig.Terminal.WriteLine("error: unknown command 'x" + i + "'; commands: help | status");
        Assert.IsTrue(rig.Terminal.Pending <= SerialTerminal.OutputBytes, $"{rig.Terminal.Pending} bytes queued");
        Assert.IsTrue(rig.Terminal.DroppedOutput > 9_000);
        rig.Drain();
        Assert.AreEqual(SerialTerminal.SendBytesPerPump, rig.Port.MaxSentPerPeriod);
        rig.Terminal.WriteLine("after the flood");
        string sent = rig.Drain();
        StringAssert.EndsWith(sent, " line(s) of output dropped]\r\nafter the flood\r\n", "the reader learns what is missing");
        // Every line is either on the wire whole or counted in a notice.
        int shown = System.Text.RegularExpressions.Regex.Matches(sent, @"error: unknown command 'x\d+'; commands: help \| status\r\n").Count;
        int announced = 0;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(sent, @"\[(\d+) line\(s\) of output dropped\]"))
            announced += int.Parse(m.Groups[1].Value);
        Assert.AreEqual(lines, shown + announced);
    }

    [TestMethod]
    public void A_notice_while_typing_goes_above_the_prompt_and_the_typed_characters_come_back()
    {
        var rig = new Rig();
        rig.Port.Arrive("lim");
        rig.Period();
        rig.Terminal.WriteLine("profile 'HD600' matches the headphone");
        rig.Port.Arrive("it 90\r");
        Assert.AreEqual("limit 90", rig.Lines(3)[0]);
        Assert.AreEqual("amp> lim\r        \rprofile 'HD600' matches the headphone\r\namp> limit 90\r\namp> ", rig.Drain());
    }

    [TestMethod]
    public void A_port_that_throws_costs_a_count_never_the_loop()
    {
        var rig = new Rig();
        rig.Port.Arrive("mute\r");
        rig.Port.FailNextCalls = 3;
        string? line = null;
        for (int i = 0; i < 5 && line == null; i++) line = rig.Period();
        Assert.AreEqual(3, rig.Terminal.PortErrors);
        Assert.AreEqual("mute", line, "the port works again and nothing typed was lost");
    }

    [TestMethod]
    public void An_idle_period_allocates_nothing()
    {
        var rig = new Rig();
        rig.Port.Arrive("status\r");
        rig.Lines(3);
        rig.Drain();
        rig.Period(); // the prompt
        rig.Drain();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            rig.Terminal.TryReadLine();
            rig.Terminal.Pump();
        }
        Assert.AreEqual(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [TestMethod]
    public void Without_echo_only_replies_and_prompts_go_out()
    {
        var rig = new Rig(echo: false);
        rig.Port.Arrive("status\r");
        Assert.AreEqual("status", rig.Terminal.TryReadLine());
        rig.Terminal.WriteLine("ok");
        rig.Period();
        Assert.AreEqual("amp> ok\r\namp> ", rig.Drain());
    }
}
