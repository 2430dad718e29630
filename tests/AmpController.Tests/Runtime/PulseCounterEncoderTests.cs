using System;
using AmpController.Core.Input;
using AmpController.Simulator.Board;
using AmpController.Simulator.Platform;
using AmpController.Tests.Control;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Runtime;

/// <summary>
/// The encoder on the ESP32's pulse counter, read once per 10 ms tick (issue 13): exact at any speed up to 1,000
/// detents/s with contact bounce on every edge (S11: one step per detent), the 16-bit counter's limit events, and the
/// ESP-IDF 5 native decoding that does not net bounce out (a finding, docs/performance.md).
/// </summary>
[TestClass]
public class PulseCounterEncoderTests
{
    /// <summary>Turns the encoder as given, reads the counter every 10 ms like the tick, returns the detents counted.</summary>
    static int CountedDetents(SimEncoder encoder, int[] turns, int detentsPerSecond)
    {
        var detents = new DetentCounter();
        int total = detents.Take(encoder.Counter.ReadCount());
        foreach (int turn in turns) encoder.Turn(turn, detentsPerSecond);
        while (!encoder.Idle)
        {
            encoder.Advance(10_000);
            total += detents.Take(encoder.Counter.ReadCount());
        }
        return total + detents.Take(encoder.Counter.ReadCount());
    }

    [TestMethod]
    public void S11_turns_up_to_1000_detents_per_second_with_bounce_are_counted_exactly_when_read_every_tick()
    {
        var random = new Random(13);
        foreach (int speed in new[] { 20, 125, 400, 1000 })
        {
            for (int run = 0; run < 25; run++)
            {
                var encoder = new SimEncoder(new SimPulseCounter(), random.Next());
                int[] turns = [random.Next(-60, 61), random.Next(-60, 61), random.Next(-60, 61)];
                int expected = turns[0] + turns[1] + turns[2];
                Assert.AreEqual(expected, CountedDetents(encoder, turns, speed), $"{speed} detents/s, turns {string.Join(",", turns)}");
            }
        }
    }

    [TestMethod]
    public void S11_a_1000_detents_per_second_turn_on_the_board_moves_the_level_by_exactly_its_detents()
    {
        var board = DeviceRuntimeTests.Playing();
        double before = board.Snapshot().AttenuationDb;
        board.TurnEncoder(-12, 1000); // 12 ms of turning: about one control tick sees all of it
        for (int i = 0; i < 30; i++) board.Tick();
        Assert.AreEqual(before - 12, board.Snapshot().AttenuationDb, "one 1 dB step per detent, none lost, none doubled");
        board.TurnEncoder(5, 1000);
        for (int i = 0; i < 30; i++) board.Tick();
        Assert.AreEqual(before - 7, board.Snapshot().AttenuationDb);
    }

    [TestMethod]
    public void The_counter_keeps_counting_across_its_16_bit_limit()
    {
        var counter = new SimPulseCounter();
        counter.Preload(SimPulseCounter.CounterLimit - 3);
        var encoder = new SimEncoder(counter, 1);
        var detents = new DetentCounter();
        detents.Take(counter.ReadCount());
        encoder.Turn(10, 500);
        while (!encoder.Idle) encoder.Advance(10_000);
        Assert.AreEqual(1, counter.LimitEvents, "the hardware count reached +0x7FFF and restarted at 0");
        Assert.AreEqual(10, detents.Take(counter.ReadCount()), "the native total (overflow + count) goes on");
    }

    [TestMethod]
    public void Finding_the_ESP_IDF_5_native_decoding_miscounts_bounced_detents()
    {
        // nf-interpreter's pcnt_new_unit version sets channel A's edge actions from Polarity (Both: +1 on both edges):
        // a bounce on contact A adds counts instead of cancelling (docs/performance.md, "Encoder on the pulse counter").
        int wrong = 0;
        var random = new Random(5);
        for (int run = 0; run < 40; run++)
        {
            var encoder = new SimEncoder(new SimPulseCounter(PulseCounterNative.Idf5PolarityBoth), random.Next());
            var detents = new DetentCounter();
            detents.Take(encoder.Counter.ReadCount());
            encoder.Turn(8, 125);
            while (!encoder.Idle) encoder.Advance(10_000);
            // On that build a detent is 2 counts, not 4: even read with the right scale the bounce shows.
            long counts = encoder.Counter.ReadCount();
            if (counts != 8 * 2) wrong++;
        }
        Console.WriteLine($"ESP-IDF 5 decoding: {wrong} of 40 bounced 8-detent turns miscounted");
        Assert.IsTrue(wrong > 10, "bounce on contact A must show on that decoding");
    }
}
