using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using BoardGen.Generate;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Board;

/// <summary>
/// The committed files in hardware/board/generated are what the description generates now (a builder can use them
/// without the generator), and each rendered drawing carries the SHA-256 of the source it was rendered from. After
/// changing hardware/board, run hardware/regenerate.sh and commit the result.
/// </summary>
[TestClass]
public sealed class GeneratedFilesTests
{
    static string Generated => Path.Combine(BoardFiles.BoardDir, "generated");

    [TestMethod]
    public void Generated_files_are_up_to_date()
    {
        var expected = Outputs.All(BoardFiles.Repo);
        foreach (var (path, text) in expected)
        {
            string file = Path.Combine(Generated, path);
            Assert.IsTrue(File.Exists(file), $"{path} is missing: run hardware/regenerate.sh");
            Assert.AreEqual(text, File.ReadAllText(file).Replace("\r\n", "\n").Replace("\n", Newline(text)), $"{path} is out of date: run hardware/regenerate.sh");
        }
        var stale = Directory.GetFiles(Generated, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Generated, f).Replace('\\', '/'))
            .Where(f => !f.EndsWith(".svg") && !expected.ContainsKey(f)).ToList();
        Assert.IsEmpty(stale, "files the description no longer generates: " + string.Join(", ", stale));
        Assert.IsGreaterThanOrEqualTo(4, expected.Keys.Count(k => k.StartsWith("drawings/")));
        Assert.IsGreaterThanOrEqualTo(2, expected.Keys.Count(k => k.EndsWith(".net")));
    }

    static string Newline(string text) => text.Contains("\r\n") ? "\r\n" : "\n";

    [TestMethod]
    public void Every_drawing_is_rendered_from_its_current_source()
    {
        var sources = Directory.GetFiles(Path.Combine(Generated, "drawings")).Where(f => f.EndsWith(".dot") || f.EndsWith(".json")).ToList();
        Assert.IsGreaterThanOrEqualTo(4, sources.Count);
        foreach (string source in sources)
        {
            string svg = Path.ChangeExtension(source, ".svg");
            Assert.IsTrue(File.Exists(svg), $"{Path.GetFileName(svg)} is missing: run hardware/regenerate.sh");
            string hash = System.Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(source))).ToLowerInvariant();
            var stamp = Regex.Match(File.ReadAllText(svg), @"<!-- rendered from (\S+) sha256:([0-9a-f]{64}) -->\s*$");
            Assert.IsTrue(stamp.Success, $"{Path.GetFileName(svg)} has no render stamp");
            Assert.AreEqual(Path.GetFileName(source), stamp.Groups[1].Value);
            Assert.AreEqual(hash, stamp.Groups[2].Value, $"{Path.GetFileName(svg)} was rendered from an older {Path.GetFileName(source)}: run hardware/regenerate.sh");
            StringAssert.Contains(File.ReadAllText(svg), "<svg");
        }
    }
}
