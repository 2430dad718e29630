namespace AmpController.Simulator.Runtime;

/// <summary>
/// The nanoFramework-on-ESP32 runtime facts the device profile is built from (docs/design.md §3a), each from the
/// nf-interpreter sources:
/// - FreeRTOS runs at 100 Hz: CONFIG_FREERTOS_HZ=100 (targets/ESP32/_IDF/sdkconfig.default.esp32). Thread.Sleep, a
///   Timer's period and the dispatch of queued events end on a 10 ms tick, and the interpreter thread may be busy
///   for one more tick (another managed thread, a GC): <see cref="LateWakeProbability"/> is that jitter, modelled.
/// - A managed Timer that fell behind fires once, then on its period grid (src/CLR/Core/CLR_RT_HeapBlock_Timer.cpp,
///   Reschedule: "to avoid an avalanche effect" the next expiry is moved to the next grid point in the future).
/// - An I2C transfer is one native call that waits in i2c_master_cmd_begin(bus, cmd, 1000 / portTICK_PERIOD_MS)
///   (targets/ESP32/_nanoCLR/System.Device.I2c/sys_dev_i2c_native_System_Device_I2c_I2cDevice.cpp): a device that never
///   answers, or a bus held low, blocks the whole interpreter for <see cref="I2cTimeoutMs"/>, then the result is
///   ESP_ERR_TIMEOUT = ClockStretchTimeout with 0 bytes (ESP_FAIL, a NACK, comes back at once).
/// - The ESP-IDF task watchdog is off (CONFIG_ESP_TASK_WDT is not set in the same sdkconfig): a hang is caught only by
///   the board's hardware watchdog (Board/HardwareSafetyTiming).
/// - GPIO interrupts are queued as managed events and handled by the interpreter thread, so a ValueChanged handler runs
///   on the same 10 ms grid (targets/ESP32/_nanoCLR/System.Device.Gpio/cpu_gpio.cpp posts them); the firmware uses no
///   GPIO events: the encoder is on the pulse counter and the jack switch is polled every tick.
/// </summary>
public static class DeviceTiming
{
    public const int FreeRtosTickMs = 10;

    /// <summary>Chance that a wake-up lands one FreeRTOS tick late (modelled; measure on a board first).</summary>
    public const double LateWakeProbability = 0.1;

    public const int I2cTimeoutMs = 1000;

    /// <summary>The first FreeRTOS tick at or after <paramref name="dueMs"/>.</summary>
    public static long NextTick(long dueMs) =>
        dueMs <= 0 ? 0 : (dueMs + FreeRtosTickMs - 1) / FreeRtosTickMs * FreeRtosTickMs;

    /// <summary>A periodic Timer's next expiry after it fired late (CLR_RT_HeapBlock_Timer::Reschedule).</summary>
    public static long NextTimerExpiry(long lastExpiryMs, long periodMs, long nowMs)
    {
        long expire = lastExpiryMs + periodMs;
        if (expire < nowMs) expire = nowMs - ((nowMs - expire) % periodMs) + periodMs;
        return expire;
    }
}
