using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Mono.Cecil;
using Mono.Cecil.Cil;
using Mono.Cecil.Rocks;

namespace AmpController.Simulator.DeviceCost;

/// <summary>
/// Rewrites a copy of AmpController.Core.dll (Mono.Cecil) so that running it counts what the device's interpreter
/// would do: every basic block adds its IL instruction count; every allocation the interpreter makes is priced by
/// <see cref="InterpreterHeapModel"/> (newobj, newarr, box, struct locals at entry, struct values loaded, strings from
/// the runtime library); calls through Core's platform interfaces go through <see cref="DeviceCostProbe"/> forwarders
/// (the native calls); the device's entry points bracket the counting. The normal build is never touched.
/// </summary>
public static class CoreInstrumenter
{
    /// <summary>Platform interface method → forwarder in <see cref="DeviceCostProbe"/>.</summary>
    static readonly Dictionary<string, string> Forwarders = new()
    {
        ["AmpController.Core.Platform.IRegisterBus::Write"] = nameof(DeviceCostProbe.BusWrite),
        ["AmpController.Core.Platform.IRegisterBus::Read"] = nameof(DeviceCostProbe.BusRead),
        ["AmpController.Core.Platform.IRegisterBus::WriteRead"] = nameof(DeviceCostProbe.BusWriteRead),
        ["AmpController.Core.Platform.IRegisterBus::Recover"] = nameof(DeviceCostProbe.BusRecover),
        ["AmpController.Core.Platform.IAdcChannel::ReadRaw"] = nameof(DeviceCostProbe.AdcRead),
        ["AmpController.Core.Platform.IDigitalInput::Read"] = nameof(DeviceCostProbe.PinRead),
        ["AmpController.Core.Platform.IDigitalOutput::Write"] = nameof(DeviceCostProbe.PinWrite),
        ["AmpController.Core.Input.IPulseCounter::ReadCount"] = nameof(DeviceCostProbe.PulseCount),
        ["AmpController.Core.Platform.IWatchdogFeed::Pulse"] = nameof(DeviceCostProbe.FeedPulse),
        ["AmpController.Core.Platform.IClock::get_NowMs"] = nameof(DeviceCostProbe.ClockNow),
        ["AmpController.Core.Platform.IFileStore::ReadAll"] = nameof(DeviceCostProbe.FlashRead),
        ["AmpController.Core.Platform.IFileStore::WriteAll"] = nameof(DeviceCostProbe.FlashWrite),
        ["AmpController.Core.SerialConsole.IConsoleLineSource::TryReadLine"] = nameof(DeviceCostProbe.SerialReadLine),
        ["AmpController.Core.SerialConsole.IConsoleOutput::WriteLine"] = nameof(DeviceCostProbe.SerialWriteLine),
    };

    /// <summary>The instrumented image, the method names (by IL-attribution id) and the allocation sites (by id).</summary>
    public sealed record Result(byte[] Image, string[] Methods, string[] Sites);

    public static Result Instrument(byte[] coreImage)
    {
        using var input = new MemoryStream(coreImage);
        using var module = ModuleDefinition.ReadModule(input, new ReaderParameters { ReadSymbols = false, InMemory = true });
        var probe = new ProbeReferences(module, typeof(DeviceCostProbe).Assembly.GetName());
        var heap = new InterpreterHeapModel(module);
        var missing = Forwarders.Keys.Where(k => FindMethod(module, k) == null).ToList();
        if (missing.Count > 0) throw new InvalidOperationException("Core no longer has " + string.Join(", ", missing) + ": update CoreInstrumenter.Forwarders");
        for (int r = 0; r < DeviceCostProbe.Roots.Length; r++)
            if (FindMethod(module, DeviceCostProbe.Roots[r]) == null) throw new InvalidOperationException("Core has no entry point " + DeviceCostProbe.Roots[r]);
        var methods = module.GetTypes().SelectMany(t => t.Methods).Where(m => m.HasBody).ToList();
        var sites = new List<string>(DeviceCostProbe.AdapterSites);
        for (int id = 0; id < methods.Count; id++)
            new MethodRewriter(methods[id], id, sites, probe, heap, Array.IndexOf(DeviceCostProbe.Roots, Key(methods[id]))).Rewrite();
        using var output = new MemoryStream();
        module.Write(output);
        return new Result(output.ToArray(), methods.Select(Name).ToArray(), sites.ToArray());
    }

    static string Key(MethodReference m) => m.DeclaringType.FullName + "::" + m.Name;

    static string Name(MethodReference m) => m.DeclaringType.FullName.Replace("AmpController.Core.", "") + "." + m.Name;

    static MethodDefinition? FindMethod(ModuleDefinition module, string key)
    {
        int sep = key.IndexOf("::", StringComparison.Ordinal);
        return module.GetType(key[..sep])?.Methods.FirstOrDefault(m => m.Name == key[(sep + 2)..]);
    }

    /// <summary>References from the Core copy to the probe in ampsim (the same load context resolves both ways).</summary>
    sealed class ProbeReferences
    {
        readonly ModuleDefinition module;
        readonly TypeReference probeType;
        readonly Dictionary<string, MethodReference> byName = new();

        public ProbeReferences(ModuleDefinition module, System.Reflection.AssemblyName simulator)
        {
            this.module = module;
            var scope = new AssemblyNameReference(simulator.Name, simulator.Version);
            module.AssemblyReferences.Add(scope);
            probeType = new TypeReference(typeof(DeviceCostProbe).Namespace, nameof(DeviceCostProbe), module, scope);
        }

        public MethodReference Get(string name)
        {
            if (byName.TryGetValue(name, out var cached)) return cached;
            var info = typeof(DeviceCostProbe).GetMethod(name) ?? throw new InvalidOperationException("no probe " + name);
            var reference = new MethodReference(name, Map(info.ReturnType), probeType) { HasThis = false };
            foreach (var p in info.GetParameters()) reference.Parameters.Add(new ParameterDefinition(Map(p.ParameterType)));
            return byName[name] = reference;
        }

        TypeReference Map(Type type)
        {
            if (type == typeof(void)) return module.TypeSystem.Void;
            if (type == typeof(int)) return module.TypeSystem.Int32;
            if (type == typeof(long)) return module.TypeSystem.Int64;
            if (type == typeof(bool)) return module.TypeSystem.Boolean;
            if (type == typeof(string)) return module.TypeSystem.String;
            if (type == typeof(byte[])) return new ArrayType(module.TypeSystem.Byte);
            return module.GetType(type.FullName) ?? throw new InvalidOperationException("probe parameter type not in Core: " + type);
        }
    }

    sealed class MethodRewriter(MethodDefinition method, int methodId, List<string> sites, ProbeReferences probe, InterpreterHeapModel heap, int root)
    {
        readonly MethodBody body = method.Body;
        ILProcessor il = null!;

        public void Rewrite()
        {
            body.SimplifyMacros();
            il = body.GetILProcessor();
            var original = body.Instructions.ToList();
            var blocks = BlockSizes(original);
            foreach (var ins in original) Probe(ins);
            foreach (var (leader, size) in blocks) SwapIn(leader, Ldc(size), Ldc(methodId), il.Create(OpCodes.Call, probe.Get(nameof(DeviceCostProbe.Block))));
            var entry = new List<Instruction>();
            if (root >= 0) entry.AddRange([Ldc(root), il.Create(OpCodes.Call, probe.Get(nameof(DeviceCostProbe.Enter)))]);
            foreach (var local in body.Variables.Where(v => heap.IsHeapStruct(v.VariableType)))
                entry.AddRange(AllocProbe(heap.ObjectBytes(local.VariableType), AllocationKind.StructLocal, null));
            var first = body.Instructions[0];
            foreach (var e in entry) il.InsertBefore(first, e);
            body.OptimizeMacros();
        }

        /// <summary>Basic blocks: leader instruction → number of original instructions up to the next leader.</summary>
        List<(Instruction Leader, int Size)> BlockSizes(List<Instruction> original)
        {
            var leaders = new HashSet<Instruction> { original[0] };
            foreach (var ins in original)
            {
                if (ins.Operand is Instruction target) leaders.Add(target);
                if (ins.Operand is Instruction[] targets) leaders.UnionWith(targets);
                if (ins.OpCode.FlowControl is FlowControl.Branch or FlowControl.Cond_Branch or FlowControl.Return or FlowControl.Throw && ins.Next != null)
                    leaders.Add(ins.Next);
            }
            foreach (var h in body.ExceptionHandlers)
                foreach (var i in new[] { h.TryStart, h.TryEnd, h.HandlerStart, h.HandlerEnd, h.FilterStart })
                    if (i != null) leaders.Add(i);
            var result = new List<(Instruction, int)>();
            foreach (var ins in original)
            {
                if (leaders.Contains(ins)) result.Add((ins, 0));
                result[^1] = (result[^1].Item1, result[^1].Item2 + 1);
            }
            return result;
        }

        void Probe(Instruction ins)
        {
            var before = new List<Instruction>();
            Instruction? after = null;
            switch (ins.OpCode.Code)
            {
                case Code.Newobj:
                {
                    var ctor = (MethodReference)ins.Operand;
                    var type = ctor.DeclaringType;
                    bool core = heap.IsCore(type);
                    var definition = core ? type.Resolve() : null;
                    if (!core) before.Add(il.Create(OpCodes.Call, probe.Get(nameof(DeviceCostProbe.RuntimeCall))));
                    if (InterpreterHeapModel.IsDelegate(definition) || type.Name.StartsWith("Func`", StringComparison.Ordinal) || type.Name.StartsWith("Action", StringComparison.Ordinal))
                        before.AddRange(AllocProbe(InterpreterHeapModel.DelegateBytes, AllocationKind.Object, ins));
                    else if (core || !type.IsValueType)
                        before.AddRange(AllocProbe(heap.ObjectBytes(type), core && definition!.IsValueType ? AllocationKind.StructNew : AllocationKind.Object, ins));
                    break;
                }
                case Code.Newarr:
                {
                    var (elementBytes, elementObjectBytes) = heap.ArrayElement((TypeReference)ins.Operand);
                    before.AddRange([il.Create(OpCodes.Dup), Ldc(elementBytes), Ldc(elementObjectBytes), Ldc(Site(ins, AllocationKind.Array)),
                        il.Create(OpCodes.Call, probe.Get(nameof(DeviceCostProbe.NewArray)))]);
                    break;
                }
                case Code.Box:
                {
                    var type = (TypeReference)ins.Operand;
                    before.AddRange(AllocProbe(heap.IsHeapStruct(type) ? heap.ObjectBytes(type) : InterpreterHeapModel.BoxedPrimitiveBytes, AllocationKind.Box, ins));
                    break;
                }
                case Code.Call or Code.Callvirt:
                {
                    var callee = (MethodReference)ins.Operand;
                    if (Forwarders.TryGetValue(Key(callee), out string? forwarder))
                    {
                        ins.OpCode = OpCodes.Call;
                        ins.Operand = probe.Get(forwarder);
                        return;
                    }
                    if (heap.IsCore(callee.DeclaringType)) break;
                    before.Add(il.Create(OpCodes.Call, probe.Get(nameof(DeviceCostProbe.RuntimeCall))));
                    if (callee.ReturnType.MetadataType == MetadataType.String)
                        after = Ldc(Site(ins, AllocationKind.String, callee.Name));
                    break;
                }
                case Code.Ret when root >= 0:
                    before.Add(il.Create(OpCodes.Call, probe.Get(nameof(DeviceCostProbe.Exit))));
                    break;
                default:
                    if (LoadedStruct(ins) is { } loaded) before.AddRange(AllocProbe(heap.ObjectBytes(loaded), AllocationKind.StructCopy, ins));
                    break;
            }
            var anchor = ins;
            while (anchor.Previous is { OpCode.OpCodeType: OpCodeType.Prefix } prefix) anchor = prefix;
            var moved = before.Count > 0 ? SwapIn(anchor, before.ToArray()) : anchor;
            if (after != null)
            {
                var real = moved;
                while (real.OpCode.OpCodeType == OpCodeType.Prefix) real = real.Next;
                var call = il.Create(OpCodes.Call, probe.Get(nameof(DeviceCostProbe.StringResult)));
                il.InsertAfter(real, call);
                il.InsertBefore(call, after);
            }
        }

        /// <summary>The struct type whose value this instruction loads (the interpreter clones it), or null.</summary>
        TypeReference? LoadedStruct(Instruction ins)
        {
            TypeReference? type = ins.OpCode.Code switch
            {
                Code.Ldloc => ((VariableDefinition)ins.Operand).VariableType,
                Code.Ldarg => ins.Operand == body.ThisParameter ? null : ((ParameterDefinition)ins.Operand).ParameterType,
                Code.Ldfld or Code.Ldsfld => ((FieldReference)ins.Operand).FieldType,
                Code.Ldobj or Code.Ldelem_Any => (TypeReference)ins.Operand,
                _ => null,
            };
            return type != null && heap.IsHeapStruct(type) ? type : null;
        }

        IEnumerable<Instruction> AllocProbe(int bytes, AllocationKind kind, Instruction? at) =>
            [Ldc(bytes), Ldc((int)kind), Ldc(Site(at, kind)), il.Create(OpCodes.Call, probe.Get(nameof(DeviceCostProbe.Alloc)))];

        /// <summary>A new allocation site id: the method, the original IL offset (before instrumentation) and what is allocated.</summary>
        int Site(Instruction? at, AllocationKind kind, string? detail = null)
        {
            string where = at == null ? "entry (struct locals)" : $"IL_{at.Offset:x4} {at.OpCode.Name}";
            sites.Add($"{Name(method)} {where} {kind}{(detail == null ? "" : " " + detail)}");
            return sites.Count - 1;
        }

        Instruction Ldc(int value) => il.Create(OpCodes.Ldc_I4, value);

        /// <summary>
        /// Puts <paramref name="probeCode"/> in front of <paramref name="target"/> so that every branch, switch and
        /// exception-region boundary that pointed at the target now starts at the probe: the target object takes the
        /// probe's first instruction and the original moves behind the probe. Returns the moved original.
        /// </summary>
        Instruction SwapIn(Instruction target, params Instruction[] probeCode)
        {
            var moved = il.Create(OpCodes.Nop);
            moved.OpCode = target.OpCode;
            moved.Operand = target.Operand;
            target.OpCode = probeCode[0].OpCode;
            target.Operand = probeCode[0].Operand;
            var last = target;
            for (int i = 1; i < probeCode.Length; i++) { il.InsertAfter(last, probeCode[i]); last = probeCode[i]; }
            il.InsertAfter(last, moved);
            return moved;
        }
    }
}
