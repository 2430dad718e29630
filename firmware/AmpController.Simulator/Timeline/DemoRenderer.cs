using System.Collections.Generic;
using System.Linq;
using AmpController.Simulator.Scenario;
using Spectre.Console;

namespace AmpController.Simulator.Timeline;

/// <summary>One played demo scenario, for the summary table.</summary>
public sealed record DemoResult(ScenarioSpec Scenario, RunRecord Record, Narrator Narration, ExpectationVerdict Verdict, string? PlotPath);

/// <summary>Renders the demo: an introduction, one timeline per scenario, and a summary table.</summary>
public static class DemoRenderer
{
    public static void Introduction(IAnsiConsole console)
    {
        console.Write(new Rule("[bold]AmpController demo[/]").LeftJustified());
        console.MarkupLine(
            "The firmware of a headphone amplifier runs here unchanged on a [bold]simulated board[/]: simulated I2C volume chip, " +
            "relays, sense circuit and ADC. On every plug-in it [bold]measures[/] the headphone through the ADC, [bold]chooses a gain[/] " +
            "(-20, 0 or +12 dB), sets a hearing-safe [bold]volume cap[/], and only then closes the output relay and ramps up. " +
            "At least every 100 ms it [bold]reads the chips back[/]; any fault opens the relay and the controller recovers at a safe level.");
        var legend = new Table().Border(TableBorder.Minimal).Title("[bold]the controller's states (Core/Control)[/]");
        legend.AddColumn("state");
        legend.AddColumn("what the firmware does");
        foreach (var (state, meaning) in StateLegend) legend.AddRow(state, Markup.Escape(meaning));
        console.Write(legend);
        console.MarkupLine("[grey]Each line below is an action of the scenario or a change of the REAL simulated hardware state " +
                           "(chip registers and relay), explained in words. Levels are for the EN 50332 programme signal.[/]");
        console.WriteLine();
    }

    static readonly (string, string)[] StateLegend =
    [
        ("safeStart", "power-up: relay open, chips initialised and read back before anything plays (S1)"),
        ("unplugged", "waiting for the jack's detect switch"),
        ("debounce", "the switch closed: wait until it stays closed (a plug sliding in chatters)"),
        ("measuring", "relay open: a small test source measures each channel's resistance through the ADC"),
        ("noLoad", "short or open: stays muted and measures again now and then (S7)"),
        ("configuring", "gain relays and cap set while muted and disconnected (S3), then read back"),
        ("rampUp", "relay closed, volume rising in small steps to min(safe default, cap) (S2)"),
        ("playing", "music; the knob moves 1 dB per detent up to the cap (S4, S11); chips read back at least every 100 ms (S5, S6)"),
        ("fault", "an I2C error or wrong readback: relay opened at once (S5)"),
        ("recovering", "bus recovered, chips re-initialised with back-off, then back to configuring at a safe level"),
        ("safeMode", "repeated reboots: muted, console only (S8)"),
    ];

    public static void Scenario(IAnsiConsole console, int number, int total, DemoResult result)
    {
        var s = result.Scenario;
        console.Write(new Rule($"[bold yellow]{number}/{total}  {Markup.Escape(s.Name)}[/]").LeftJustified());
        if (s.Description is string d) console.MarkupLine(Markup.Escape(d));
        console.MarkupLine($"[grey]limit {s.Board.LimitDbA:0} dBA, safe default {s.Board.SafeDefaultDbA:0} dBA, volume chip {s.Board.VolumeChip}, seed {s.Seed}[/]");

        var table = new Table().Border(TableBorder.Simple).Expand();
        table.AddColumn(new TableColumn("[bold]time[/]").RightAligned().Width(9));
        table.AddColumn(new TableColumn("[bold]what happens[/]"));
        foreach (var e in result.Narration.Entries)
            table.AddRow(new Markup($"{e.TMs} ms"), new Markup(Colour(e.Kind, Markup.Escape(e.Text))));
        console.Write(table);

        foreach (var expectation in s.Expect)
        {
            string? failure = expectation.Check(result.Record);
            console.MarkupLine(failure is null
                ? $"  [green]✓ expectation met:[/] {Markup.Escape(expectation.Describe())}"
                : $"  [red]✗ {Markup.Escape(failure)}[/]");
        }
        if (result.PlotPath is string plot) console.MarkupLine($"  [grey]plot: {Markup.Escape(plot)}[/]");
        console.WriteLine();
    }

    public static void Summary(IAnsiConsole console, IReadOnlyList<DemoResult> results)
    {
        console.Write(new Rule("[bold]Summary[/]").LeftJustified());
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn(new TableColumn("[bold]scenario[/]").NoWrap());
        foreach (var header in new[] { "gain", "cap", "max level", "limit", "plug→music", "fault→open", "→music again", "expect" })
            table.AddColumn(new TableColumn($"[bold]{header}[/]"));
        foreach (var r in results)
        {
            var last = r.Record.Samples.LastOrDefault(x => x.CapDb is not null);
            table.AddRow(
                Markup.Escape(r.Scenario.Name),
                last.CapDb is null ? "-" : $"{Words.Db(last.GainDb)} dB",
                last.CapDb is int cap ? $"{Words.Db(cap)} dB" : "-",
                Markup.Escape(Words.Level(r.Record.MaxSplDbA)),
                $"{r.Scenario.Board.LimitDbA:0} dBA",
                Ms(r.Narration.WorstMusicMs),
                Ms(r.Narration.WorstRelayOpenMs),
                Ms(r.Narration.WorstRecoveryMs),
                r.Verdict.Passed ? $"[green]{r.Verdict.Checked} met[/]" : $"[red]{r.Verdict.Failures.Count} of {r.Verdict.Checked} failed[/]");
        }
        console.Write(table);
        console.MarkupLine("[grey]gain and cap: the last decision. plug→music: insertion to music (target ≤ 300 ms). " +
                           "fault→open: fault to relay open (rules S5/S6: ≤ 100 ms). →music again: fault end to music. " +
                           "Simulated times, the worst of each scenario.[/]");
    }

    static string Ms(long? value) => value is long v ? $"{v} ms" : "-";

    static string Colour(EntryKind kind, string text) => kind switch
    {
        EntryKind.Action => $"[bold]{text}[/]",
        EntryKind.Protection => $"[red]{text}[/]",
        EntryKind.Recovery => $"[green]{text}[/]",
        EntryKind.Level => $"[blue]{text}[/]",
        _ => text,
    };
}
