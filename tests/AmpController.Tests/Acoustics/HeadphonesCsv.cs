using System;
using System.Collections.Generic;
using System.IO;
using AmpController.Simulator.Data;

namespace AmpController.Tests.Acoustics;

/// <summary>The repository's data/headphones.csv, read by the simulator's reader (<see cref="HeadphoneTable"/>).</summary>
public static class HeadphonesCsv
{
    public static string RepoRoot => global::NanoCompat.RepositoryRoot.Require(AppContext.BaseDirectory);

    public static string CsvPath => Path.Combine(RepoRoot, "data", "headphones.csv");

    static IReadOnlyList<HeadphoneRow>? cached;
    public static IReadOnlyList<HeadphoneRow> Rows => cached ??= Parse(File.ReadAllText(CsvPath));

    public static IReadOnlyList<HeadphoneRow> Parse(string text) => HeadphoneTable.Parse(text);
}
