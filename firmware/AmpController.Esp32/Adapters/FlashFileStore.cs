using System;
using System.IO;
using AmpController.Core.Platform;

namespace AmpController.Esp32.Adapters
{
    /// <summary>
    /// IFileStore over System.IO.File on the internal flash drive (I:\, System.IO.FileSystem). Names are plain file
    /// names (no directories). Every failure returns null/false; nothing throws to Core (S9 relies on it).
    /// </summary>
    public sealed class FlashFileStore : IFileStore
    {
        public const string InternalFlash = "I:\\";
        private const int MaxNameLength = 64;

        private readonly string _root;

        public FlashFileStore() : this(InternalFlash) { }

        public FlashFileStore(string root) { _root = root; }

        public byte[]? ReadAll(string name)
        {
            string? path = PathOf(name);
            if (path == null) return null;
            try
            {
                return File.Exists(path) ? File.ReadAllBytes(path) : null;
            }
            catch (Exception)
            {
                return null;
            }
        }

        public bool WriteAll(string name, byte[] data)
        {
            string? path = PathOf(name);
            if (path == null || data == null) return false;
            try
            {
                File.WriteAllBytes(path, data);
                return true;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private string? PathOf(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxNameLength) return null;
            if (name.IndexOf('\\') >= 0 || name.IndexOf('/') >= 0 || name.IndexOf(':') >= 0) return null;
            return _root + name;
        }
    }
}
