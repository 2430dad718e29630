using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Tests.Hardware;

/// <summary>
/// Runs hardware/sense-frontend.cir in ngspice batch mode with a generated .control block (the file's own block is
/// replaced). Component values of a simulated board are applied with `alter` under the netlist's instance names.
/// </summary>
public static class NgSpice
{
    static readonly string[] Stages = { "S", "L", "R" };
    static readonly string[] Channels = { "L", "R" };
    public const double OpenOhm = 1e12;

    public static string NetlistPath
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            {
                string p = Path.Combine(dir.FullName, "hardware", "sense-frontend.cir");
                if (File.Exists(p)) return p;
            }
            throw new FileNotFoundException("hardware/sense-frontend.cir not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The netlist without its .control block, followed by <paramref name="control"/>.</summary>
    public static string WithControl(string control) => WithControl(NetlistPath, control);

    /// <summary>The netlist at <paramref name="netlistPath"/> without its .control block, followed by <paramref name="control"/>.</summary>
    public static string WithControl(string netlistPath, string control)
    {
        var sb = new StringBuilder();
        bool inControl = false;
        foreach (string line in File.ReadAllLines(netlistPath))
        {
            string t = line.Trim().ToLowerInvariant();
            if (t == ".control") { inControl = true; continue; }
            if (t == ".endc") { inControl = false; continue; }
            if (t == ".end") continue;
            if (!inControl) sb.AppendLine(line);
        }
        sb.AppendLine(".control").AppendLine("set noaskquit").Append(control).AppendLine(".endc").AppendLine(".end");
        return sb.ToString();
    }

    /// <summary>Runs ngspice -b on the netlist and returns stdout; throws with stderr when ngspice fails or is missing.</summary>
    public static string Run(string netlist)
    {
        string file = Path.Combine(Path.GetTempPath(), $"sense-{Environment.ProcessId}-{Guid.NewGuid():N}.cir");
        File.WriteAllText(file, netlist);
        try
        {
            var psi = new ProcessStartInfo("ngspice", $"-b \"{file}\"")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            Process p;
            try { p = Process.Start(psi)!; }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new InvalidOperationException("ngspice is not installed (tests/run.sh installs it from Debian): " + e.Message);
            }
            var stderr = p.StandardError.ReadToEndAsync();
            string stdout = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            // ngspice -b exits 1 whenever the netlist itself has no analysis line, so errors are read from stderr.
            foreach (string line in stderr.Result.Split('\n'))
                if (line.StartsWith("Error", StringComparison.Ordinal) || line.Contains("fatal", StringComparison.OrdinalIgnoreCase))
                    throw new InvalidOperationException("ngspice: " + line.Trim());
            return stdout;
        }
        finally { File.Delete(file); }
    }

    static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>`alter` lines that give the netlist the component values of <paramref name="p"/>.</summary>
    public static void AlterBoard(StringBuilder c, SimSenseParts p)
    {
        c.AppendLine($"alter VSUP dc = {F(p.SupplyVolts)}").AppendLine($"alter VREFSET dc = {F(p.ReferenceVolts)}");
        c.AppendLine($"alter RA = {F(p.Ra)}").AppendLine($"alter RB = {F(p.Rb)}").AppendLine($"alter R2 = {F(p.R2)}");
        c.AppendLine($"alter C1 = {F(p.C1)}").AppendLine($"alter C2 = {F(p.C2)}");
        c.AppendLine($"alter VOSB dc = {F(p.BufferOffsetVolts)}");
        for (int ch = 0; ch < 2; ch++)
        {
            string n = Channels[ch];
            c.AppendLine($"alter RLO{n} = {F(p.Rlo[ch])}").AppendLine($"alter RHI{n} = {F(p.Rhi[ch])}");
            c.AppendLine($"alter RK2F{n} = {F(p.ContactOhm[ch] / 2)}").AppendLine($"alter RK1NC{n} = {F(p.ContactOhm[ch] / 2)}");
            c.AppendLine($"alter RGZ{n} = {F(p.Rgz[ch])}");
        }
        for (int s = 0; s < 3; s++)
        {
            string n = Stages[s];
            c.AppendLine($"alter RIN{n} = {F(p.Rin[s])}").AppendLine($"alter RBL{n} = {F(p.Rbleed[s])}");
            c.AppendLine($"alter CIN{n} = {F(p.Cin[s])}").AppendLine($"alter VOS{n} dc = {F(p.OffsetVolts[s])}");
            c.AppendLine($"alter RF{n} = {F(p.Rf[s])}").AppendLine($"alter RG{n} = {F(p.Rg[s])}");
            c.AppendLine($"alter RO{n} = {F(p.Ro[s])}").AppendLine($"alter RBIAS{n} = {F(p.Rbias[s])}");
            c.AppendLine($"alter CO{n} = {F(p.Co[s])}").AppendLine($"alter RADC{n} = {F(p.Radc[s])}");
        }
    }

    /// <summary>Source on/off (the GPIO at the supply or 0 V), per-channel range switch (closed = low range), zoom switch
    /// and loads for the next analysis.</summary>
    public static void AlterState(StringBuilder c, SimSenseParts p, bool sourceOn, bool lowLeft, bool lowRight, double leftOhm, double rightOhm,
        bool zoomLeft = false, bool zoomRight = false)
    {
        c.AppendLine($"alter VGPIO dc = {F(sourceOn ? p.SupplyVolts : 0)}");
        c.AppendLine($"alter RSWZL = {F(zoomLeft ? p.ZoomSwitchOhm[0] : OpenOhm)}").AppendLine($"alter RSWZR = {F(zoomRight ? p.ZoomSwitchOhm[1] : OpenOhm)}");
        c.AppendLine($"alter RSWL = {F(lowLeft ? p.SwitchOhm[0] : OpenOhm)}").AppendLine($"alter RSWR = {F(lowRight ? p.SwitchOhm[1] : OpenOhm)}");
        c.AppendLine($"alter RLOADL = {F(Spice(leftOhm))}").AppendLine($"alter RLOADR = {F(Spice(rightOhm))}");
    }

    public static double Spice(double ohm) => double.IsPositiveInfinity(ohm) ? OpenOhm : Math.Max(ohm, 1e-6);

    /// <summary>Echoes one parseable row: ROW tag adcS adcL adcR jackL jackR.</summary>
    public static void EchoRow(StringBuilder c, string tag)
    {
        c.AppendLine($"echo \"ROW {tag} $&v(adcs) $&v(adcl) $&v(adcr) $&v(jl) $&v(jr)\"");
        c.AppendLine("destroy all"); // every op keeps a plot; without this the run slows down quadratically
    }

    /// <summary>Rows by tag: [adcS, adcL, adcR, jackL, jackR].</summary>
    public static Dictionary<string, double[]> Rows(string stdout)
    {
        var rows = new Dictionary<string, double[]>();
        foreach (string line in stdout.Split('\n'))
        {
            if (!line.StartsWith("ROW ", StringComparison.Ordinal)) continue;
            var f = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var v = new double[f.Length - 2];
            for (int i = 0; i < v.Length; i++) v[i] = double.Parse(f[i + 2], NumberStyles.Float, CultureInfo.InvariantCulture);
            rows[f[1]] = v;
        }
        return rows;
    }
}
