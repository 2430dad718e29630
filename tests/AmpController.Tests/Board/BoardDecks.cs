using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using AmpController.Tests.Hardware;
using BoardGen.Generate;
using BoardGen.Model;

namespace AmpController.Tests.Board;

/// <summary>Runs one of the board's ngspice decks, generated from the current description, and returns its
/// "RESULT word... value" lines: the words joined by spaces, the value as a number.</summary>
public static class BoardDecks
{
    public static Dictionary<string, double> Results(string deck)
    {
        var board = BoardReader.ReadDefault(BoardFiles.BoardDir);
        string spiceDir = Path.Combine(BoardFiles.BoardDir, "spice");
        var spec = SpiceDeck.ReadSpecs(spiceDir).Single(s => s.Name == deck);
        var results = new Dictionary<string, double>();
        foreach (string line in NgSpice.Run(SpiceDeck.Write(board, spec, spiceDir)).Split('\n').Where(l => l.StartsWith("RESULT ", StringComparison.Ordinal)))
        {
            var w = line.Trim().Split(' ');
            results[string.Join(' ', w.Skip(1).Take(w.Length - 2))] = double.Parse(w[^1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        }
        return results;
    }
}
