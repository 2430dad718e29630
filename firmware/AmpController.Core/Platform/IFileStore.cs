namespace AmpController.Core.Platform
{
    /// <summary>Whole-file storage (internal flash on the device). Failures return null/false, never throw.</summary>
    public interface IFileStore
    {
        byte[]? ReadAll(string name);
        bool WriteAll(string name, byte[] data);
    }
}
