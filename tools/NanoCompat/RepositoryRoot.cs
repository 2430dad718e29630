using System;
using System.IO;

namespace NanoCompat;

/// <summary>The one way the tools and tests find the repository: the folder holding the host solution filter.</summary>
public static class RepositoryRoot
{
    public const string Marker = "AmpController.Host.slnf";

    public static string? Find(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, Marker))) return dir.FullName;
        return null;
    }

    /// <summary>The repository above the running tests or tool; throws when there is none (a copied binary).</summary>
    public static string Require(string start) =>
        Find(start) ?? throw new InvalidOperationException($"repository root ({Marker}) not found above {start}");
}
