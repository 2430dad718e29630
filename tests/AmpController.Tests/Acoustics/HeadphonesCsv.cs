using System;
using System.Collections.Generic;
using System.IO;
using AmpController.Core.Acoustics;
using CsvHelper;

namespace AmpController.Tests.Acoustics;

/// <summary>One row of data/headphones.csv.</summary>
public sealed record HeadphoneRow(string Model, string Kind, double NominalOhm, double Value, SensitivityUnit Unit,
    double CsvDbPerMw, double CsvDbPerV)
{
    public double DbPerV => AcousticMath.ToDbPerV(Value, Unit, NominalOhm);
    public double DbPerMw => Unit == SensitivityUnit.DbPerMw ? Value : AcousticMath.DbPerVToDbPerMw(Value, NominalOhm);
    public bool IsElectrostatic => Kind == "electrostatic";
    public override string ToString() => $"{Model} ({NominalOhm} Ω, {Value} {SensitivityUnits.Name(Unit)})";
}

/// <summary>Reads the repository's data/headphones.csv with CsvHelper (RFC 4180: quoted fields, commas inside quotes).</summary>
public static class HeadphonesCsv
{
    public static string RepoRoot => global::NanoCompat.RepositoryRoot.Require(AppContext.BaseDirectory);

    public static string CsvPath => Path.Combine(RepoRoot, "data", "headphones.csv");

    static IReadOnlyList<HeadphoneRow>? cached;
    public static IReadOnlyList<HeadphoneRow> Rows => cached ??= Parse(File.ReadAllText(CsvPath));

    public static IReadOnlyList<HeadphoneRow> Parse(string text)
    {
        using var csv = CsvReader.FromText(text, new CsvReaderOptions { Separator = ',' });
        var rows = new List<HeadphoneRow>();
        while (csv.Read())
        {
            string unitText = csv.GetString("sensitivity_unit");
            if (!SensitivityUnits.TryParse(unitText, out SensitivityUnit unit)) throw new FormatException($"row {csv.RowNumber}: unknown unit {unitText}");
            rows.Add(new HeadphoneRow(csv.GetString("model"), csv.GetString("kind"), csv.Parse<double>("nominal_impedance_ohm"),
                csv.Parse<double>("sensitivity_value"), unit, csv.Parse<double>("sensitivity_db_spl_per_mw"),
                csv.Parse<double>("sensitivity_db_spl_per_vrms")));
        }
        return rows;
    }
}
