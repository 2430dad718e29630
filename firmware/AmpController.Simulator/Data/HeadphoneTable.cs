using System;
using System.Collections.Generic;
using System.IO;
using AmpController.Core.Acoustics;
using CsvHelper;

namespace AmpController.Simulator.Data;

/// <summary>One row of data/headphones.csv.</summary>
public sealed record HeadphoneRow(string Model, string Kind, double NominalOhm, double Value, SensitivityUnit Unit,
    double CsvDbPerMw, double CsvDbPerV, string Source = "")
{
    public double DbPerV => AcousticMath.ToDbPerV(Value, Unit, NominalOhm);
    public double DbPerMw => Unit == SensitivityUnit.DbPerMw ? Value : AcousticMath.DbPerVToDbPerMw(Value, NominalOhm);
    public bool IsElectrostatic => Kind == "electrostatic";
    public override string ToString() => $"{Model} ({NominalOhm} Ω, {Value} {SensitivityUnits.Name(Unit)})";
}

/// <summary>
/// The project's headphone table (data/headphones.csv), read with CsvHelper (RFC 4180: quoted fields, commas inside
/// quotes). ampsim carries a copy of the file as a resource, so `ampsim soak` plugs the real headphones wherever it runs.
/// </summary>
public static class HeadphoneTable
{
    const string ResourceName = "headphones.csv";
    static IReadOnlyList<HeadphoneRow>? embedded;

    /// <summary>The rows of the copy built into ampsim.</summary>
    public static IReadOnlyList<HeadphoneRow> Embedded => embedded ??= Parse(EmbeddedText());

    static string EmbeddedText()
    {
        using var stream = typeof(HeadphoneTable).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"ampsim was built without its {ResourceName} resource");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

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
                csv.Parse<double>("sensitivity_db_spl_per_vrms"), csv.GetString("source")));
        }
        return rows;
    }
}
