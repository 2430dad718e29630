using System;
using System.Globalization;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Sense;

/// <summary>
/// What is plugged into the jack, as the sense circuit sees it: DC resistance per channel to the sleeve
/// (+∞ = nothing connected) and whether the contacts are solid or intermittent (a half-inserted or dirty plug).
/// </summary>
public sealed record SimSenseLoad(double LeftOhm, double RightOhm, bool Intermittent = false)
{
    public static readonly SimSenseLoad Open = new(double.PositiveInfinity, double.PositiveInfinity);
    public static readonly SimSenseLoad Short = new(0, 0);

    public static SimSenseLoad Stereo(double ohm) => new(ohm, ohm);

    /// <summary>A mono (TS) plug: the tip drives the headphone, the jack's ring contact touches the plug's sleeve.</summary>
    public static SimSenseLoad Mono(double ohm) => new(ohm, 0);

    /// <summary>
    /// Parses the `ampsim sense --load` syntax (docs/design.md §7): OHM, L_OHM,R_OHM, open, short, mono:OHM. Each side of
    /// a pair may also be "open" or "short". Throws FormatException with a one-line reason.
    /// </summary>
    public static SimSenseLoad Parse(string text)
    {
        string s = (text ?? "").Trim().ToLowerInvariant();
        if (s.Length == 0) throw new FormatException("LOAD is empty; expected OHM, L_OHM,R_OHM, open, short or mono:OHM");
        if (s == "open") return Open;
        if (s == "short") return Short;
        if (s.StartsWith("mono:", StringComparison.Ordinal)) return Mono(ParseOhm(s[5..], allowWords: false));
        var parts = s.Split(',');
        if (parts.Length == 1) return Stereo(ParseOhm(parts[0], allowWords: false));
        if (parts.Length == 2) return new SimSenseLoad(ParseOhm(parts[0], true), ParseOhm(parts[1], true));
        throw new FormatException($"'{text}' has {parts.Length} values; expected OHM or L_OHM,R_OHM");
    }

    static double ParseOhm(string text, bool allowWords)
    {
        string t = text.Trim();
        if (allowWords && t == "open") return double.PositiveInfinity;
        if (allowWords && t == "short") return 0;
        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || double.IsNaN(v) || double.IsInfinity(v))
            throw new FormatException($"'{text}' is not a resistance in ohms");
        if (v < 0) throw new FormatException($"'{text}' is negative; a resistance is 0 or more ohms");
        if (v > 1e9) throw new FormatException($"'{text}' is above 1 GΩ; use 'open' for nothing connected");
        return v;
    }
}
