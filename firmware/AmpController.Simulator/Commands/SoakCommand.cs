using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using AmpController.Simulator.Board;
using AmpController.Simulator.Cli;
using AmpController.Simulator.Soak;

namespace AmpController.Simulator.Commands;

/// <summary>`ampsim soak [--hours H] [--seeds N] [--first-seed S] [--json]` (docs/design.md §7, issue 18 item 4).</summary>
public sealed class SoakCommand(Func<BoardConfig, SimulatedBoard>? createBoard = null) : ICommand
{
    public const double DefaultHours = 1;
    public const long DefaultSeeds = 4;
    /// <summary>Stopped by SIGINT/SIGTERM before the end, no violation so far (the shell's 128 + SIGINT).</summary>
    public const int InterruptedExit = 130;

    public string Name => "soak";

    public HelpedCommand Build(CliIo io)
    {
        var hours = CliOptions.Parsed<double?>("--hours", "H", $"Simulated hours per seed (default {DefaultHours}; a week is 168)", text =>
            CliOptions.TryFinite(text, out double h) && h > 0 && h <= 10_000 ? h
                : throw new UsageException($"option --hours: expected a number of hours above 0 and at most 10000, got '{text}'"));
        var seeds = CliOptions.WholeNumber("--seeds", "N", $"Number of seeds, each a fresh board (default {DefaultSeeds})", 1, 100_000);
        var first = CliOptions.WholeNumber("--first-seed", "S", "The first seed (default 1): replay a failing seed with --first-seed S --seeds 1", 1, int.MaxValue / 2);
        var json = CliOptions.Flag("--json", "Print one JSON object: {\"simulatedHours\",\"seeds\",\"ticks\",\"violations\",\"firstViolation\", …}");
        var command = new HelpedCommand(Name, "Long random runs with every safety rule checked on every tick")
        {
            Usage = "Usage: ampsim soak [--hours <H>] [--seeds <N>] [--first-seed <S>] [--json]",
            Details = """
                Each seed is a fresh simulated board (DS1882 on odd seeds, PT2258 on even) with random settings and stored
                profiles, living for H simulated hours: plugs of the headphones in data/headphones.csv and of shorts, opens,
                mono plugs, line inputs, half-inserted plugs and loads swapped behind an adapter; encoder spins, short and
                long presses; every fault kind on both chips, whole-board power cuts and stalled loops. After every 10 ms
                tick every safety rule is checked on the simulated chips' real state (the property tests' checker).
                One line per finished seed goes to stderr. A violation is counted and the seed goes on with a fresh board on the
                same stream of operations (replay any of them with --first-seed). Flash writes per file and simulated day are
                counted (wear, docs/safety.md "Reliability figures").
                """,
            Examples = ["ampsim soak", "ampsim soak --hours 168 --seeds 20 --json", "ampsim soak --hours 2 --first-seed 7 --seeds 1"],
            ExitCodes = [(0, "no rule broken"), (1, "a rule was broken: stderr names the seed, the rule, the time and the history"), (2, "bad input"),
                (InterruptedExit, "stopped by SIGINT/SIGTERM before the end with no rule broken so far; it reports what it did")],
        };
        command.Options.Add(hours);
        command.Options.Add(seeds);
        command.Options.Add(first);
        command.Options.Add(json);
        command.SetAction(p => Run(p.GetValue(hours) ?? DefaultHours, (int)(p.GetValue(seeds) ?? DefaultSeeds),
            (int)(p.GetValue(first) ?? 1), p.GetValue(json), io));
        return command;
    }

    public int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        AmpSimCli.RunOne(this, args, new CliIo(TextReader.Null, stdout, stderr));

    /// <summary>JSON has no infinity: a record never written lasts forever, written as null.</summary>
    static void WriteYears(Utf8JsonWriter w, string name, double years)
    {
        if (double.IsFinite(years)) w.WriteNumber(name, Math.Round(years, 2)); else w.WriteNull(name);
    }

    /// <summary>The checker's swap and profile figures (issue 19, docs/design.md §7): findings, not broken rules.</summary>
    static void WriteFindings(Utf8JsonWriter w, SoakFindings f)
    {
        w.WriteStartObject("swaps");
        w.WriteNumber("count", f.Swaps);
        w.WriteNumber("aboveLimit", f.DangerousSwaps);
        w.WriteNumber("worstAboveLimitMs", f.WorstSwapOverLimitMs);
        w.WriteNumber("worstAboveLimitDb", Math.Round(f.WorstSwapOverLimitDb, 2));
        w.WriteNumber("missed", f.MissedSwaps);
        w.WriteStartArray("missedAt");
        foreach (var m in f.Missed)
        {
            w.WriteStartObject();
            w.WriteNumber("seed", m.Seed);
            w.WriteNumber("tMs", m.TMs);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("wrongProfile");
        w.WriteNumber("ticks", f.WrongProfileTicks);
        w.WriteNumber("worstAboveLimitDb", Math.Round(f.WrongProfileWorstOverLimitDb, 2));
        w.WriteEndObject();
    }

    int Run(double hours, int seeds, int firstSeed, bool json, CliIo io)
    {
        // SIGINT or SIGTERM stops the run at the next operation; it still reports what it did (exit 130).
        using var stop = new System.Threading.CancellationTokenSource();
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stop.Cancel(); });
        using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stop.Cancel(); });
        var r = SoakRunner.Run(hours, seeds, firstSeed, createBoard, line => io.Error.WriteLine($"ampsim soak: {line}"), stop.Token);
        var inv = CultureInfo.InvariantCulture;
        if (json)
        {
            var buffer = new System.Buffers.ArrayBufferWriter<byte>();
            using (var w = new Utf8JsonWriter(buffer))
            {
                w.WriteStartObject();
                w.WriteNumber("simulatedHours", r.SimulatedHours);
                w.WriteNumber("seeds", r.Seeds);
                w.WriteNumber("ticks", r.Ticks);
                w.WriteNumber("violations", r.Violations);
                if (r.FirstViolation is { } v)
                {
                    w.WriteStartObject("firstViolation");
                    w.WriteNumber("seed", v.Seed);
                    w.WriteString("rule", v.Rule);
                    w.WriteNumber("tMs", v.TMs);
                    w.WriteString("message", v.Message);
                    w.WriteEndObject();
                }
                else w.WriteNull("firstViolation");
                w.WriteStartArray("violationsAt");
                foreach (var each in r.AllViolations)
                {
                    w.WriteStartObject();
                    w.WriteNumber("seed", each.Seed);
                    w.WriteString("rule", each.Rule);
                    w.WriteNumber("tMs", each.TMs);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteNumber("firstSeed", firstSeed);
                w.WriteBoolean("interrupted", r.Interrupted);
                w.WriteNumber("simulatedHoursDone", Math.Round(r.SimulatedHoursDone, 3));
                w.WriteNumber("seedsWithViolations", r.SeedsWithViolations);
                w.WriteStartObject("violationsByRule");
                foreach (var (rule, n) in r.ViolationsByRule) w.WriteNumber(rule, n);
                w.WriteEndObject();
                w.WriteNumber("wallSeconds", Math.Round(r.WallSeconds, 1));
                w.WriteNumber("playingShare", r.Ticks == 0 ? 0 : Math.Round((double)r.PlayingTicks / r.Ticks, 4));
                if (double.IsFinite(r.HighestAboveLimitDb)) w.WriteNumber("highestAboveLimitDb", Math.Round(r.HighestAboveLimitDb, 2));
                else w.WriteNull("highestAboveLimitDb");
                w.WriteNumber("boots", r.Boots);
                WriteFindings(w, r.Findings);
                w.WriteNumber("flashWritesPerDay", Math.Round(r.FlashWritesPerDay, 2));
                w.WriteStartObject("flashWrites");
                foreach (var (name, n) in r.FlashWrites) w.WriteNumber(name, n);
                w.WriteEndObject();
                w.WriteStartObject("flashWritesPerDayByFile");
                foreach (var (name, _) in r.FlashWrites) w.WriteNumber(name, Math.Round(r.WritesPerDay(name), 2));
                w.WriteEndObject();
                double erases = FlashWear.ErasesPerDay(r.FileUses());
                w.WriteStartObject("flashWear");
                w.WriteNumber("erasesPerDay", Math.Round(erases, 2));
                WriteYears(w, "levelledYears", FlashWear.LevelledYears(erases));
                w.WriteStartObject("unlevelledYearsByFile");
                foreach (var f in r.FileUses()) WriteYears(w, f.Name, FlashWear.UnlevelledYears(f.WritesPerDay));
                w.WriteEndObject();
                w.WriteEndObject();
                w.WriteEndObject();
            }
            io.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        }
        else
        {
            if (r.Interrupted)
                io.Out.WriteLine($"interrupted after {r.SimulatedHoursDone.ToString("0.#", inv)} of {(r.SimulatedHours * r.Seeds).ToString("0.#", inv)} simulated hours:");
            io.Out.WriteLine($"{r.Seeds} seeds × {r.SimulatedHours.ToString("0.###", inv)} simulated h: {r.Ticks.ToString("N0", inv)} ticks checked " +
                             $"in {r.WallSeconds.ToString("N0", inv)} s; {r.Violations} violations in {r.SeedsWithViolations} seeds" +
                             (r.Violations == 0 ? "" : $" ({string.Join(", ", r.ViolationsByRule.Select(kv => $"{kv.Key}: {kv.Value}"))})") +
                             $"; music {(r.Ticks == 0 ? 0 : 100.0 * r.PlayingTicks / r.Ticks).ToString("0.#", inv)} % of the time, " +
                             $"loudest {r.HighestAboveLimitDb.ToString("+0.##;-0.##;0", inv)} dB against the limit; {r.Boots.ToString("N0", inv)} boots");
            foreach (var f in r.FileUses())
                io.Out.WriteLine($"  flash {f.Name}: {r.FlashWrites[f.Name].ToString("N0", inv)} writes of {f.BytesPerWrite.ToString("0", inv)} bytes, " +
                                 $"{f.WritesPerDay.ToString("0.##", inv)} per simulated day; its own sector without levelling lasts " +
                                 $"{FlashWear.UnlevelledYears(f.WritesPerDay).ToString("0.##", inv)} years");
            var fi = r.Findings;
            io.Out.WriteLine($"  swaps behind an adapter: {fi.Swaps}, {fi.DangerousSwaps} above the limit at the ear before the relay opened " +
                             $"(at most {fi.WorstSwapOverLimitMs} ms, {fi.WorstSwapOverLimitDb.ToString("0.##", inv)} dB); {fi.MissedSwaps} missed or cut after " +
                             $"{SwapJudge.OverLimitBoundMs} ms; a confirmed profile of a less sensitive headphone in force {fi.WrongProfileTicks} ticks " +
                             $"(at most {fi.WrongProfileWorstOverLimitDb.ToString("0.##", inv)} dB over the limit)");
            double erases = FlashWear.ErasesPerDay(r.FileUses());
            io.Out.WriteLine($"  littlefs (docs/safety.md): {erases.ToString("0.##", inv)} block erases per day, spread over the partition: " +
                             $"{FlashWear.LevelledYears(erases).ToString("0.#", inv)} years to {FlashWear.EraseCycles.ToString("N0", inv)} cycles");
        }
        foreach (var m in r.Findings.Missed)
            io.Error.WriteLine($"ampsim soak: finding: a swapped load above the limit for more than {SwapJudge.OverLimitBoundMs} ms, seed {m.Seed} at {m.TMs} ms " +
                               $"(replay: ampsim soak --hours {hours.ToString(inv)} --first-seed {m.Seed} --seeds 1)");
        foreach (var each in r.AllViolations)
            io.Error.WriteLine($"ampsim soak: violation: seed {each.Seed}, {each.Rule} at {each.TMs} ms: {each.Message}");
        if (r.FirstViolation is { } first)
            io.Error.WriteLine($"ampsim soak: seed {first.Seed} (replay: ampsim soak --hours {hours.ToString(inv)} --first-seed {first.Seed} --seeds 1): {first.Message}");
        return r.Violations > 0 ? ExitCodes.CheckFailed : r.Interrupted ? InterruptedExit : ExitCodes.Ok;
    }
}
