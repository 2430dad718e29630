using System;
using System.Collections.Generic;
using System.Globalization;

namespace BoardGen.Model;

/// <summary>Component values with SI suffixes (39k, 4.7k, 3.3u, 10M, 49.9) and the MPN rules of the library.</summary>
public static class Values
{
    static readonly Dictionary<char, double> Suffix = new()
    {
        ['p'] = 1e-12, ['n'] = 1e-9, ['u'] = 1e-6, ['m'] = 1e-3, ['k'] = 1e3, ['K'] = 1e3, ['M'] = 1e6, ['G'] = 1e9,
    };

    /// <summary>39k → 39000; 3.3u → 3.3e-6; 10Meg (SPICE) → 1e7; 1T → 1e12. Null when the text is not a number.</summary>
    public static double? Parse(string text)
    {
        string t = text.Trim();
        if (t.EndsWith("Meg", StringComparison.OrdinalIgnoreCase)) return Num(t[..^3], 1e6);
        if (t.EndsWith("T", StringComparison.Ordinal)) return Num(t[..^1], 1e12);
        if (t.Length > 1 && Suffix.TryGetValue(t[^1], out double m)) return Num(t[..^1], m);
        return Num(t, 1);
    }

    static double? Num(string s, double scale) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v * scale : null;

    /// <summary>Yageo's resistance code: 4.7k → 4K7, 39k → 39K, 100 → 100R, 49.9 → 49R9, 10M → 10M.</summary>
    public static string YageoCode(string value)
    {
        string v = value.Trim();
        char unit = 'R';
        if (v.EndsWith("k", StringComparison.Ordinal) || v.EndsWith("K", StringComparison.Ordinal)) { unit = 'K'; v = v[..^1]; }
        else if (v.EndsWith("M", StringComparison.Ordinal)) { unit = 'M'; v = v[..^1]; }
        int dot = v.IndexOf('.');
        return dot < 0 ? v + unit : v[..dot] + unit + v[(dot + 1)..];
    }

    public static string MpnFor(PartType type, string value)
    {
        if (type.MpnByValue.TryGetValue(value, out var byValue)) return byValue;
        if (!type.Attrs.TryGetValue("mpn", out var template)) return "";
        return template.Replace("{yageo}", YageoCode(value), StringComparison.Ordinal);
    }
}
