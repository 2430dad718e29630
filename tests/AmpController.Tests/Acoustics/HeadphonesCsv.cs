using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using AmpController.Core.Acoustics;

namespace AmpController.Tests.Acoustics;

/// <summary>One row of data/headphones.csv.</summary>
public sealed record HeadphoneRow(string Model, string Kind, double NominalOhm, double Value, SensitivityUnit Unit,
    double CsvDbPerMw, double CsvDbPerV)
{
    public double DbPerV => AcousticMath.ToDbPerV(Value, Unit, NominalOhm);
    public double DbPerMw => Unit == SensitivityUnit.DbPerMw ? Value : AcousticMath.DbPerVToDbPerMw(Value, NominalOhm);
    public bool IsElectrostatic => Kind == "electrostatic";
    public override string ToString() => $"{Model} ({NominalOhm} Ω, {Value} {(Unit == SensitivityUnit.DbPerV ? "dB/V" : "dB/mW")})";
}

/// <summary>Reads the repository's data/headphones.csv (quoted fields allowed).</summary>
public static class HeadphonesCsv
{
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "AmpController.sln"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("AmpController.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string CsvPath => Path.Combine(RepoRoot, "data", "headphones.csv");

    static IReadOnlyList<HeadphoneRow>? cached;
    public static IReadOnlyList<HeadphoneRow> Rows => cached ??= Parse(File.ReadAllText(CsvPath));

    public static IReadOnlyList<HeadphoneRow> Parse(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = SplitLine(lines[0]);
        int Col(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i : throw new FormatException("missing column " + name);
        int model = Col("model"), kind = Col("kind"), ohm = Col("nominal_impedance_ohm"), value = Col("sensitivity_value"),
            unit = Col("sensitivity_unit"), perMw = Col("sensitivity_db_spl_per_mw"), perV = Col("sensitivity_db_spl_per_vrms");
        var rows = new List<HeadphoneRow>();
        for (int n = 1; n < lines.Length; n++)
        {
            var f = SplitLine(lines[n]);
            rows.Add(new HeadphoneRow(f[model], f[kind], Num(f[ohm]), Num(f[value]), ParseUnit(f[unit]), Num(f[perMw]), Num(f[perV])));
        }
        return rows;
    }

    static double Num(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);

    static SensitivityUnit ParseUnit(string s) => s switch
    {
        "dB/mW" => SensitivityUnit.DbPerMw,
        "dB/V" => SensitivityUnit.DbPerV,
        _ => throw new FormatException("unknown unit " + s),
    };

    static string[] SplitLine(string line)
    {
        var fields = new List<string>();
        var cur = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cur.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cur.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(cur.ToString()); cur.Clear(); }
            else cur.Append(c);
        }
        fields.Add(cur.ToString());
        return fields.ToArray();
    }
}
