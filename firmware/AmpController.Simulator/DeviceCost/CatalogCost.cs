using System;
using System.IO;
using System.Linq;
using System.Text;
using AmpController.Core.Acoustics;
using Mono.Cecil;

namespace AmpController.Simulator.DeviceCost;

/// <summary>
/// What the headphone table (Core/Acoustics/HeadphoneCatalog, read by HeadphoneLookup) costs on the device, as
/// modelled (issue 16 item 3; docs/performance.md):
/// - flash: the two string constants in UTF-8 with their terminators (nanoFramework keeps string literals in the
///   assembly), the arrays' initial data (element count × element size, stored as a field RVA blob), and the IL of
///   both classes' methods (host IL size; the metadata processor's compaction and the tables' metadata rows are not
///   counted);
/// - RAM once the table was first used: the four static arrays as nanoCLR allocates them (<see cref="InterpreterHeapModel"/>:
///   a 20-byte header plus the data, whole 12-byte blocks) and one 12-byte block per static field. A string constant
///   costs a 12-byte reference block only while used: nf-interpreter src/CLR/Core/CLR_RT_HeapBlock_String.cpp,
///   CreateInstance(reference, token, assm) points the string object at the assembly's text instead of copying it.
/// A lookup itself allocates its substrings and two distance rows per row compared (console time, never the tick).
/// </summary>
public static class CatalogCost
{
    public sealed record Figures(int Rows, int StringBytes, int ArrayDataBytes, int IlBytes, int RamBytes)
    {
        public int FlashBytes => StringBytes + ArrayDataBytes + IlBytes;
    }

    public static Figures Measure()
    {
        int strings = Utf8(HeadphoneCatalog.Models) + Utf8(HeadphoneCatalog.Sources);
        int data = HeadphoneCatalog.ImpedanceTenthsOhm.Length * 4 + HeadphoneCatalog.SensitivityTenthsDb.Length * 2
            + HeadphoneCatalog.UnitIsDbPerV.Length + HeadphoneCatalog.SourceIndex.Length;
        int ram = InterpreterHeapModel.ArrayBytes(HeadphoneCatalog.ImpedanceTenthsOhm.Length, 4)
            + InterpreterHeapModel.ArrayBytes(HeadphoneCatalog.SensitivityTenthsDb.Length, 2)
            + InterpreterHeapModel.ArrayBytes(HeadphoneCatalog.UnitIsDbPerV.Length, 1)
            + InterpreterHeapModel.ArrayBytes(HeadphoneCatalog.SourceIndex.Length, 1)
            + 4 * InterpreterHeapModel.HeapBlockBytes;
        return new Figures(HeadphoneCatalog.Count, strings, data, IlBytes(), ram);
    }

    static int Utf8(string text) => Encoding.UTF8.GetByteCount(text) + 1;

    static int IlBytes()
    {
        string core = typeof(HeadphoneCatalog).Assembly.Location;
        using var module = ModuleDefinition.ReadModule(core, new ReaderParameters { ReadSymbols = false });
        return new[] { typeof(HeadphoneCatalog), typeof(HeadphoneLookup) }
            .Select(t => module.GetType(t.FullName))
            .SelectMany(t => t!.Methods).Where(m => m.HasBody).Sum(m => m.Body.CodeSize);
    }

    /// <summary>The docs/performance.md paragraph (generated, checked by a test).</summary>
    public static string DocText(Figures f) =>
        $"The headphone table (`HeadphoneCatalog`, {f.Rows} rows, with `HeadphoneLookup`): about {Kb(f.FlashBytes)} of flash " +
        $"({f.StringBytes:N0} B of names and sources, {f.ArrayDataBytes:N0} B of numbers, {f.IlBytes:N0} B of IL; metadata not counted) " +
        $"and {f.RamBytes:N0} B of RAM once first used (the four arrays and their fields; the text stays in flash). " +
        "A lookup (`profile use`, console time) allocates its substrings and edit-distance rows, a few KB of short-lived garbage.";

    static string Kb(int bytes) => (bytes / 1024.0).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " KB";
}
