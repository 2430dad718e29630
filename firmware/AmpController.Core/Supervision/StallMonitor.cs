using AmpController.Core.Platform;

namespace AmpController.Core.Supervision
{
    /// <summary>Reboots the device (ESP32: nanoFramework.Runtime.Native.Power.RebootDevice()).</summary>
    public interface IDeviceReboot
    {
        void Reboot();
    }

    /// <summary>
    /// S8 watchdog monitor. The platform calls <see cref="Check"/> every SoftwareWatchdog.PeriodMs from a context that
    /// keeps running when the control loop stalls (ESP32: a System.Threading.Timer; simulator: the board model).
    /// On a stall it opens the output relay pin directly (no I2C needed), counts the reboot for the boot-loop
    /// guard and reboots. The ESP32's own task watchdog stays enabled as the backstop if even this cannot run.
    /// </summary>
    public sealed class StallMonitor
    {
        private readonly SoftwareWatchdog _watchdog;
        private readonly BootLoopGuard _guard;
        private readonly IDigitalOutput _outputRelay;
        private readonly IDeviceReboot _reboot;
        private bool _rebooting;

        public StallMonitor(SoftwareWatchdog watchdog, BootLoopGuard guard, IDigitalOutput outputRelay, IDeviceReboot reboot)
        {
            _watchdog = watchdog;
            _guard = guard;
            _outputRelay = outputRelay;
            _reboot = reboot;
        }

        /// <summary>True when it found the loop stalled and rebooted (once).</summary>
        public bool Check()
        {
            if (_rebooting || !_watchdog.Check()) return false;
            _rebooting = true;
            _outputRelay.Write(false);
            _guard.RecordUnexpectedReboot();
            _reboot.Reboot();
            return true;
        }
    }
}
