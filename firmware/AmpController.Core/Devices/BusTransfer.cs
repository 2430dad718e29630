using AmpController.Core.Platform;

namespace AmpController.Core.Devices
{
    /// <summary>
    /// The one success test every driver applies to a BusResult (docs/design.md §6: results are checked, never assumed):
    /// only a full transfer of at least the requested bytes counts. A partial transfer is a failure.
    /// </summary>
    internal static class BusTransfer
    {
        public static bool Complete(BusResult result, int expectedBytes)
        {
            // result.IsComplete, not result.Status/BytesTransferred: field reads of a struct parameter clone it on the device.
            return result.IsComplete(expectedBytes);
        }
    }
}
