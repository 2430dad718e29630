using System;
using System.IO;
using System.Text.Json;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;
using AmpController.Simulator.Platform;

namespace AmpController.Simulator.Trace;

/// <summary>
/// Writes the trace as JSON Lines, the fields of docs/design.md §7:
/// {"tMs", "state", "relayClosed", "gainDb", "attenuationDb", "capDb", "splDbA", "fault", "profile", "offer"}.
/// Values come from <see cref="BoardSnapshot"/>, i.e. the simulated chips' registers and relay.
/// </summary>
public sealed class TraceWriter : IDisposable
{
    static readonly byte[] NewLine = [(byte)'\n'];
    readonly Stream _stream;
    readonly Utf8JsonWriter _json;

    public TraceWriter(Stream stream)
    {
        _stream = stream;
        _json = new Utf8JsonWriter(stream, new JsonWriterOptions { SkipValidation = false });
    }

    public static TraceWriter Create(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16));

    public void Write(BoardSnapshot s)
    {
        _json.WriteStartObject();
        _json.WriteNumber("tMs", s.TMs);
        _json.WriteString("state", s.State);
        _json.WriteBoolean("relayClosed", s.RelayClosed);
        _json.WriteNumber("gainDb", Round(s.GainDb));
        _json.WriteNumber("attenuationDb", Round(s.AttenuationDb));
        if (s.CapDb is int cap) _json.WriteNumber("capDb", cap); else _json.WriteNull("capDb");
        if (s.SplDbA is double spl && s.RelayClosed) _json.WriteNumber("splDbA", Round(spl)); else _json.WriteNull("splDbA");
        if (s.Fault is string fault) _json.WriteString("fault", fault); else _json.WriteNull("fault");
        // S12, S13 (docs/design.md §7, issue 16): the tier in force and the weekly sound dose in percent.
        _json.WriteString("tier", s.Tier);
        _json.WriteNumber("dosePercent", Math.Round(s.DosePercent, 3));
        // Extra fields (issue 19, S12): the confirmed profile and the one offered.
        if (s.Profile is string profile) _json.WriteString("profile", profile); else _json.WriteNull("profile");
        if (s.Offer is string offer) _json.WriteString("offer", offer); else _json.WriteNull("offer");
        _json.WriteBoolean("ackWarning", s.AckWarning); // issue 16: the warning at the cap stands
        _json.WriteEndObject();
        _json.Flush();
        _json.Reset();
        _stream.Write(NewLine);
    }

    /// <summary>Hundredths of a dB: far below the 1 dB chip steps, and keeps the lines readable.</summary>
    static double Round(double value) => Math.Round(value, 2);

    public void Flush() => _stream.Flush();

    public void Dispose()
    {
        _json.Dispose();
        _stream.Dispose();
    }
}
