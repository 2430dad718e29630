namespace AmpController.Simulator.DeviceCost;

/// <summary>
/// MODELLED cost of one native call below Core's platform interfaces on the device: the ESP32 adapter
/// (firmware/AmpController.Esp32/Adapters) plus the nanoFramework library wrapper, read from their source and priced
/// by the interpreter's heap rules (<see cref="InterpreterHeapModel"/>). Not instrumented (the adapters only build for
/// the device); the first thing to measure on a board (docs/performance.md).
/// </summary>
public static class DeviceAdapterModel
{
    const int Block = InterpreterHeapModel.HeapBlockBytes;

    /// <summary>
    /// Esp32RegisterBus.Transfer: one <c>new SpanByte(...)</c> per buffer (struct with array, start, length →
    /// 4 blocks), the native result I2cTransferResult (2 fields → 3 blocks, passed straight to Outcome, no local),
    /// and the BusResult that I2cOutcome.FromTransfer creates (2 fields → 3 blocks).
    /// </summary>
    public static int I2cTransferBytes(int buffers) => buffers * 4 * Block + 3 * Block + 3 * Block;

    /// <summary>IL of IsValidRequest, Transfer, Device lookup, FromTransfer on the success path (counted from the source).</summary>
    public const int I2cTransferIl = 70;

    /// <summary>Esp32DigitalInput.Read: the native PinValue result (1 field → 2 blocks) and the clone of the _trueLevel field (2 blocks).</summary>
    public const int GpioReadBytes = 4 * Block;
    public const int GpioReadIl = 8;

    /// <summary>Esp32DigitalOutput.Write: PinValue.High/Low creates a PinValue (2 blocks).</summary>
    public const int GpioWriteBytes = 2 * Block;
    public const int GpioWriteIl = 9;

    /// <summary>
    /// Esp32PulseCounter.ReadCount: GpioPulseCounter.Read() returns a GpioPulseCount struct the native code creates with
    /// NewObjectFromIndex (header + Count + RelativeTime, the TimeSpan a nested value: 4 blocks; nf-interpreter
    /// nanoFramework_hardware_esp32_native_System_Device_Gpio_GpioPulseCounter.cpp, NativeRead); .Count is read from the
    /// returned object without a clone.
    /// </summary>
    public const int PulseCountBytes = 4 * Block;
    public const int PulseCountIl = 6;

    /// <summary>Esp32WatchdogFeed.Pulse: two GpioPin.Toggle() calls, no argument, no result: nothing allocated.</summary>
    public const int FeedPulseIl = 6;

    /// <summary>Esp32AdcChannel.ReadRaw: AdcChannel.ReadValue returns an int; nothing allocated.</summary>
    public const int AdcReadBytes = 0;
    public const int AdcReadIl = 4;

    /// <summary>TickClock.NowMs: Environment.TickCount64, a native long.</summary>
    public const int ClockIl = 2;

    /// <summary>A serial console line read by the port adapter is a new string (priced by its length).</summary>
    public const int SerialIl = 20;
}
