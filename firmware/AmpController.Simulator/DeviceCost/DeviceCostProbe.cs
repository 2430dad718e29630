using AmpController.Core.Input;
using AmpController.Core.Platform;
using AmpController.Core.SerialConsole;

namespace AmpController.Simulator.DeviceCost;

/// <summary>
/// Called by the instrumented copy of Core (<see cref="CoreInstrumenter"/>) inside the cost model's load context, never
/// by the normal build. Counts only while a device entry point runs (<see cref="Enter"/>/<see cref="Exit"/>), so the
/// simulator's own use of Core (trace, observer) is left out. The forwarders stand for the native calls under Core's
/// platform interfaces and add the adapter's modelled cost (<see cref="DeviceAdapterModel"/>).
/// </summary>
public static class DeviceCostProbe
{
    /// <summary>Entry points: what the ESP32 app calls (Program.cs): the loop body and the stall timer (no input timer:
    /// the encoder is on the pulse counter, read in the tick).</summary>
    public static readonly string[] Roots =
    [
        "AmpController.Core.Control.Controller::Tick",
        "AmpController.Core.SerialConsole.ConsoleSession::Poll",
        "AmpController.Core.Supervision.StallMonitor::Check",
    ];

    /// <summary>Roots 0 and 1 run in the control loop (Program.RunControlLoop); the others on timers.</summary>
    public const int LoopRoots = 2;

    public static readonly TickCost[] ByRoot = [new(), new(), new()];

    /// <summary>Allocation sites the probe itself prices (adapter models); the instrumenter's sites follow.</summary>
    public static readonly string[] AdapterSites =
        ["ESP32 adapter: I2C transfer", "ESP32 adapter: GPIO read", "ESP32 adapter: GPIO write", "ESP32 adapter: flash read", "ESP32 adapter: serial line"];
    const int I2cSite = 0, GpioReadSite = 1, GpioWriteSite = 2, FlashSite = 3, SerialSite = 4;

    /// <summary>IL per instrumented method and bytes per allocation site in the current tick (all entry points), by id.</summary>
    public static long[] MethodIl = [];
    public static long[] SiteBytes = [];

    public static void Configure(int methods, int sites)
    {
        MethodIl = new long[methods];
        SiteBytes = new long[sites];
    }

    static int depth;
    /// <summary>Per-method and per-site detail is kept for the loop's entry points only (the hot-spot lists are per loop tick).</summary>
    static bool detail;
    static TickCost current = ByRoot[0];

    public static void Reset()
    {
        depth = 0;
        foreach (var cost in ByRoot) cost.Clear();
        System.Array.Clear(MethodIl);
        System.Array.Clear(SiteBytes);
    }

    public static void Enter(int entry)
    {
        if (depth++ == 0) { current = ByRoot[entry]; current.Calls++; detail = entry < LoopRoots; }
    }

    public static void Exit()
    {
        if (depth > 0) depth--;
    }

    public static void Block(int instructions, int method)
    {
        if (depth == 0) return;
        current.Il += instructions;
        if (detail) MethodIl[method] += instructions;
    }

    public static void Alloc(int bytes, int kind, int site)
    {
        if (depth == 0) return;
        current.Bytes += bytes;
        current.Allocations++;
        current.BytesByKind[kind] += bytes;
        if (detail) SiteBytes[site] += bytes;
    }

    public static void NewArray(int length, int elementBytes, int elementObjectBytes, int site)
    {
        if (depth == 0) return;
        Alloc(InterpreterHeapModel.ArrayBytes(length, elementBytes), (int)AllocationKind.Array, site);
        for (int i = 0; i < length && elementObjectBytes > 0; i++) Alloc(elementObjectBytes, (int)AllocationKind.StructNew, site);
    }

    public static string? StringResult(string? text, int site)
    {
        if (depth > 0 && text != null) Alloc(InterpreterHeapModel.StringBytes(text.Length), (int)AllocationKind.String, site);
        return text;
    }

    public static void RuntimeCall()
    {
        if (depth > 0) current.RuntimeCalls++;
    }

    // Native calls. The simulator's implementation runs with counting paused: it is the hardware, not the device's code.

    static int Pause() { int saved = depth; depth = 0; return saved; }

    static void I2c(int bytes, int buffers)
    {
        if (depth == 0) return;
        current.I2cTransfers++;
        current.I2cBytes += bytes;
        current.Il += DeviceAdapterModel.I2cTransferIl;
        Alloc(DeviceAdapterModel.I2cTransferBytes(buffers), (int)AllocationKind.Adapter, I2cSite);
    }

    public static BusResult BusWrite(IRegisterBus bus, int address, byte[] data, int count)
    {
        I2c(count, 1);
        int saved = Pause();
        try { return bus.Write(address, data, count); } finally { depth = saved; }
    }

    public static BusResult BusRead(IRegisterBus bus, int address, byte[] into, int count)
    {
        I2c(count, 1);
        int saved = Pause();
        try { return bus.Read(address, into, count); } finally { depth = saved; }
    }

    public static BusResult BusWriteRead(IRegisterBus bus, int address, byte[] data, int writeCount, byte[] into, int readCount)
    {
        I2c(writeCount + readCount, 2);
        int saved = Pause();
        try { return bus.WriteRead(address, data, writeCount, into, readCount); } finally { depth = saved; }
    }

    public static bool BusRecover(IRegisterBus bus)
    {
        if (depth > 0) current.GpioWrites += 20;   // Esp32RegisterBus.Recover: up to 9 clock pulses plus a STOP, as GPIO
        int saved = Pause();
        try { return bus.Recover(); } finally { depth = saved; }
    }

    public static int AdcRead(IAdcChannel channel)
    {
        if (depth > 0) { current.AdcReads++; current.Il += DeviceAdapterModel.AdcReadIl; }
        int saved = Pause();
        try { return channel.ReadRaw(); } finally { depth = saved; }
    }

    public static bool PinRead(IDigitalInput pin)
    {
        if (depth > 0) { current.GpioReads++; current.Il += DeviceAdapterModel.GpioReadIl; Alloc(DeviceAdapterModel.GpioReadBytes, (int)AllocationKind.Adapter, GpioReadSite); }
        int saved = Pause();
        try { return pin.Read(); } finally { depth = saved; }
    }

    public static long PulseCount(IPulseCounter counter)
    {
        if (depth > 0) { current.GpioReads++; current.Il += DeviceAdapterModel.PulseCountIl; Alloc(DeviceAdapterModel.PulseCountBytes, (int)AllocationKind.Adapter, GpioReadSite); }
        int saved = Pause();
        try { return counter.ReadCount(); } finally { depth = saved; }
    }

    public static void FeedPulse(IWatchdogFeed feed)
    {
        if (depth > 0) { current.GpioWrites += 2; current.Il += DeviceAdapterModel.FeedPulseIl; }
        int saved = Pause();
        try { feed.Pulse(); } finally { depth = saved; }
    }

    public static void PinWrite(IDigitalOutput pin, bool high)
    {
        if (depth > 0) { current.GpioWrites++; current.Il += DeviceAdapterModel.GpioWriteIl; Alloc(DeviceAdapterModel.GpioWriteBytes, (int)AllocationKind.Adapter, GpioWriteSite); }
        int saved = Pause();
        try { pin.Write(high); } finally { depth = saved; }
    }

    public static long ClockNow(IClock clock)
    {
        if (depth > 0) { current.ClockReads++; current.Il += DeviceAdapterModel.ClockIl; }
        int saved = Pause();
        try { return clock.NowMs; } finally { depth = saved; }
    }

    public static byte[]? FlashRead(IFileStore store, string name)
    {
        if (depth > 0) current.FlashOps++;
        int saved = Pause();
        byte[]? data;
        try { data = store.ReadAll(name); } finally { depth = saved; }
        if (data != null) Alloc(InterpreterHeapModel.ArrayBytes(data.Length, 1), (int)AllocationKind.Adapter, FlashSite);
        return data;
    }

    public static bool FlashWrite(IFileStore store, string name, byte[] data)
    {
        if (depth > 0) current.FlashOps++;
        int saved = Pause();
        try { return store.WriteAll(name, data); } finally { depth = saved; }
    }

    public static string? SerialReadLine(IConsoleLineSource source)
    {
        int saved = Pause();
        string? line;
        try { line = source.TryReadLine(); } finally { depth = saved; }
        if (depth > 0)
        {
            current.SerialOps++;
            current.Il += DeviceAdapterModel.SerialIl;
            if (line != null) Alloc(InterpreterHeapModel.StringBytes(line.Length), (int)AllocationKind.Adapter, SerialSite);
        }
        return line;
    }

    public static void SerialWriteLine(IConsoleOutput output, string text)
    {
        if (depth > 0) { current.SerialOps++; current.Il += DeviceAdapterModel.SerialIl; }
        int saved = Pause();
        try { output.WriteLine(text); } finally { depth = saved; }
    }
}
