namespace AmpController.Core.SerialConsole
{
    /// <summary>
    /// What `version` prints. The package list is the ESP32 app's firmware/AmpController.Esp32/packages.config (a host test
    /// keeps the two equal); the image window is third_party/nanoframework/README.md's: the nanoFramework firmware image
    /// flashed with nanoff --fwversion must carry the native parts these packages were built for (docs/flashing.md).
    /// </summary>
    public static class FirmwareVersion
    {
        /// <summary>This firmware. "-dev": it has not run on a board yet (docs/bring-up.md).</summary>
        public const string Number = "0.1.0-dev";

        public const string Packages =
            "nanoFramework.CoreLibrary 1.17.11, nanoFramework.Hardware.Esp32 1.6.40, nanoFramework.Runtime.Events 1.11.37, "
            + "nanoFramework.Runtime.Native 1.7.11, nanoFramework.System.Collections 1.5.75, nanoFramework.System.Device.Adc 1.1.24, "
            + "nanoFramework.System.Device.Gpio 1.1.62, nanoFramework.System.Device.I2c 1.1.29, "
            + "nanoFramework.System.Diagnostics.Stopwatch 1.2.862, nanoFramework.System.IO.FileSystem 1.1.93, "
            + "nanoFramework.System.IO.Ports 1.1.139, nanoFramework.System.IO.Streams 1.1.96, nanoFramework.System.Math 1.5.116, "
            + "nanoFramework.System.Text 1.3.42";

        public const string ImageWindow = "firmware image 1.16.0.x to 1.17.0.x (nf-interpreter builds of 2026-05-29 to 2026-07-10)";

        /// <summary>The reply to `version`.</summary>
        public static string Describe(string runtime)
        {
            return "AmpController firmware " + Number + "\nruntime: " + runtime + "\nbuilt against: " + Packages
                + "\nneeds: " + ImageWindow;
        }
    }
}
