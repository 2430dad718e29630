using System;
using System.IO;
using BoardGen.Model;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Board;

/// <summary>The repository's board description, and copies of it with one line changed (mutation tests).</summary>
public static class BoardFiles
{
    public static string Repo => global::NanoCompat.RepositoryRoot.Require(AppContext.BaseDirectory);

    public static string BoardDir => Path.Combine(Repo, "hardware", "board");

    /// <summary>Every variant, read from a copy of hardware/board in which each edit's From (which must occur in
    /// sheets/<paramref name="file"/>, library.txt or board.txt) is replaced by its To.</summary>
    public static System.Collections.Generic.List<BoardGen.Model.Board> Mutated(string file, params (string From, string To)[] edits)
    {
        string dir = Path.Combine(Path.GetTempPath(), $"board-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Copy(BoardDir, dir);
        string path = File.Exists(Path.Combine(dir, file)) ? Path.Combine(dir, file) : Path.Combine(dir, "sheets", file);
        string text = File.ReadAllText(path);
        foreach (var (from, to) in edits)
        {
            Assert.Contains(from, text, $"mutation target not found in {file}: {from}");
            text = text.Replace(from, to);
        }
        File.WriteAllText(path, text);
        try { return BoardReader.ReadVariants(dir); }
        finally { Directory.Delete(dir, true); }
    }

    static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (string d in Directory.GetDirectories(from))
            if (Path.GetFileName(d) != "generated") Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }
}
