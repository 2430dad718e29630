using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;

namespace BoardGen.Checks;

/// <summary>What the firmware and hardware/pinmap.md say about pins and I2C addresses, read from the files.</summary>
public static class FirmwareFiles
{
    public static Dictionary<string, int> BoardPins(string repo)
    {
        var pins = new Dictionary<string, int>();
        string text = File.ReadAllText(Path.Combine(repo, "firmware/AmpController.Esp32/BoardPins.cs"));
        foreach (Match m in Regex.Matches(text, @"public const int (\w+) = (\d+);")) pins[m.Groups[1].Value] = int.Parse(m.Groups[2].Value);
        return pins;
    }

    public sealed record PinmapRow(string Constant, string Value, string Function, string Direction);

    /// <summary>Rows of hardware/pinmap.md's table: | `Constant` | value | function | direction, pull | why |.</summary>
    public static Dictionary<string, PinmapRow> Pinmap(string repo)
    {
        var rows = new Dictionary<string, PinmapRow>();
        foreach (string line in File.ReadAllLines(Path.Combine(repo, "hardware/pinmap.md")))
        {
            var m = Regex.Match(line, @"^\|\s*`(\w+)`\s*\|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|\s*([^|]*?)\s*\|");
            if (m.Success) rows[m.Groups[1].Value] = new PinmapRow(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value, m.Groups[4].Value);
        }
        return rows;
    }

    /// <summary>public const int XxxAddress = 0x..; in firmware/AmpController.Core/Devices/ReferenceAddresses.cs.</summary>
    public static Dictionary<string, int> BoardAddresses(string repo)
    {
        var a = new Dictionary<string, int>();
        string text = File.ReadAllText(Path.Combine(repo, "firmware/AmpController.Core/Devices/ReferenceAddresses.cs"));
        foreach (Match m in Regex.Matches(text, @"const int (\w+Address) = 0x([0-9A-Fa-f]+);")) a[m.Groups[1].Value] = System.Convert.ToInt32(m.Groups[2].Value, 16);
        return a;
    }

    /// <summary>A driver's address constant (FirstAddress, BaseAddress...) from firmware/AmpController.Core/Devices/Chip/Chip.cs.</summary>
    public static int DriverConstant(string repo, string chip, string name)
    {
        string text = File.ReadAllText(Path.Combine(repo, "firmware/AmpController.Core/Devices", chip, chip + ".cs"));
        var m = Regex.Match(text, $@"const int {name} = 0x([0-9A-Fa-f]+);");
        return m.Success ? System.Convert.ToInt32(m.Groups[1].Value, 16) : -1;
    }
}
