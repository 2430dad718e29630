namespace AmpController.Simulator.DeviceCost;

/// <summary>What the device's interpreter does in one control tick, as the cost model counts it.</summary>
public sealed class TickCost
{
    /// <summary>IL instructions of Core executed (host build of the same source).</summary>
    /// <summary>Calls of the entry point that collected this cost.</summary>
    public long Calls;
    public long Il;
    /// <summary>Managed-heap bytes allocated, by the nanoFramework interpreter's rules (<see cref="InterpreterHeapModel"/>).</summary>
    public long Bytes;
    public long Allocations;
    public long I2cTransfers;
    public long I2cBytes;
    public long AdcReads;
    public long GpioReads;
    public long GpioWrites;
    public long ClockReads;
    public long FlashOps;
    public long SerialOps;
    /// <summary>Other calls from Core into the runtime library (string, Math, ArrayList ...): native or library code on the device.</summary>
    public long RuntimeCalls;
    /// <summary>Bytes per allocation kind (<see cref="AllocationKind"/>), for the hot-spot list.</summary>
    public readonly long[] BytesByKind = new long[(int)AllocationKind.Count];

    public long NativeCalls => I2cTransfers + AdcReads + GpioReads + GpioWrites + ClockReads + FlashOps + SerialOps;

    public void Clear()
    {
        Calls = Il = Bytes = Allocations = I2cTransfers = I2cBytes = AdcReads = GpioReads = GpioWrites = ClockReads = FlashOps = SerialOps = RuntimeCalls = 0;
        System.Array.Clear(BytesByKind);
    }

    public void Add(TickCost other)
    {
        Calls += other.Calls; Il += other.Il; Bytes += other.Bytes; Allocations += other.Allocations;
        I2cTransfers += other.I2cTransfers; I2cBytes += other.I2cBytes; AdcReads += other.AdcReads;
        GpioReads += other.GpioReads; GpioWrites += other.GpioWrites; ClockReads += other.ClockReads;
        FlashOps += other.FlashOps; SerialOps += other.SerialOps; RuntimeCalls += other.RuntimeCalls;
        for (int i = 0; i < BytesByKind.Length; i++) BytesByKind[i] += other.BytesByKind[i];
    }

    public TickCost Copy()
    {
        var copy = new TickCost();
        copy.Add(this);
        return copy;
    }
}

/// <summary>Where device heap bytes come from (docs/performance.md explains each).</summary>
public enum AllocationKind
{
    /// <summary>newobj of a class (fields as 12-byte heap blocks).</summary>
    Object,
    /// <summary>newobj of a struct: the interpreter puts value types on the heap.</summary>
    StructNew,
    /// <summary>A struct value loaded (ldloc/ldarg/ldfld/ldsfld/ldelem/ldobj): the interpreter clones it.</summary>
    StructCopy,
    /// <summary>Struct locals, allocated when the method is entered.</summary>
    StructLocal,
    Box,
    Array,
    /// <summary>Strings returned by the runtime library (concatenation, ToString, Format ...).</summary>
    String,
    /// <summary>Allocations inside the ESP32 adapters and the nanoFramework libraries per native call (modelled).</summary>
    Adapter,
    Count,
}
