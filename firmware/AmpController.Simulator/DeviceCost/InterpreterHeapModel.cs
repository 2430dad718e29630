using System;
using System.Collections.Generic;
using System.Linq;
using Mono.Cecil;

namespace AmpController.Simulator.DeviceCost;

/// <summary>
/// Heap sizes as the nanoFramework interpreter (nanoCLR) allocates them, from nanoframework/nf-interpreter:
/// - every heap cell is a CLR_RT_HeapBlock of 12 bytes on the 32-bit targets (src/CLR/Diagnostics/Profiler.cpp asserts
///   <c>sizeof(CLR_RT_HeapBlock) == 12</c>);
/// - an object (class or struct) is one header block plus one block per instance field, base classes included
///   (src/CLR/Core/Interpreter.cpp, CEE_SIZEOF: <c>(HB_Object_Fields_Offset + m_totalFields) * sizeof(CLR_RT_HeapBlock)</c>);
/// - a field or local of a struct type is an object of its own, allocated with its owner or when the method is
///   entered (src/CLR/Core/Execution.cpp, InitializeReference: <c>NewObject</c> for DATATYPE_VALUETYPE that is not an
///   enum; InitializeLocals mirrors it); enums and primitives sit inside the block;
/// - loading a struct value (ldloc, ldarg, ldfld, ldsfld, ldelem, ldobj) clones it (src/CLR/Core/Interpreter.cpp,
///   Execute_LoadAndPromote: <c>CloneObject</c> when the value IsAValueType);
/// - arrays: a CLR_RT_HeapBlock_Array header (20 bytes: block + element count, type, size, flags) and the elements
///   at their data size (byte 1 … double 8) or one block each for references, rounded up to whole blocks;
/// - strings: a block plus the UTF-8 text and its terminator, rounded up to whole blocks (modelled; ASCII assumed).
/// </summary>
public sealed class InterpreterHeapModel(ModuleDefinition core)
{
    public const int HeapBlockBytes = 12;
    public const int ArrayHeaderBytes = 20;
    /// <summary>A boxed primitive or enum: header block plus the value block.</summary>
    public const int BoxedPrimitiveBytes = 2 * HeapBlockBytes;
    /// <summary>CLR_RT_HeapBlock_Delegate: header, target object, method index (modelled as three blocks).</summary>
    public const int DelegateBytes = 3 * HeapBlockBytes;
    /// <summary>A runtime-library class whose nanoFramework field count is not in <see cref="ExternalFieldCounts"/> (modelled).</summary>
    public const int UnknownExternalFields = 4;

    /// <summary>
    /// Instance fields of library classes Core creates: ESTIMATES (not read from the nanoFramework sources); they only
    /// size allocations that are present anyway (docs/performance.md, "Which figures are modelled").
    /// </summary>
    static readonly Dictionary<string, int> ExternalFieldCounts = new()
    {
        ["System.Object"] = 0,
        ["System.Collections.ArrayList"] = 3,
        ["System.Collections.Hashtable"] = 6,
        ["System.Text.StringBuilder"] = 5,
        ["System.Exception"] = 4,
        ["System.ArgumentException"] = 5,
        ["System.ArgumentOutOfRangeException"] = 5,
        ["System.InvalidOperationException"] = 4,
    };

    readonly Dictionary<string, int> objectBytes = new();

    public static int RoundUp(int bytes) => (bytes + HeapBlockBytes - 1) / HeapBlockBytes * HeapBlockBytes;

    public static int StringBytes(int length) => RoundUp(HeapBlockBytes + length + 1);

    public static int ArrayBytes(int length, int elementBytes) => RoundUp(ArrayHeaderBytes + Math.Max(length, 0) * elementBytes);

    public bool IsCore(TypeReference type) => type.Scope == core || (type.Scope is ModuleDefinition m && m == core)
        || (type.Scope is AssemblyNameReference a && a.Name == core.Assembly.Name.Name);

    /// <summary>A Core-defined struct that is not an enum: the values the interpreter keeps on the heap.</summary>
    public bool IsHeapStruct(TypeReference type)
    {
        if (type is ByReferenceType or PointerType or ArrayType or GenericParameter || !IsCore(type)) return false;
        var definition = type.Resolve();
        return definition is { IsValueType: true, IsEnum: false };
    }

    /// <summary>Compiler-made fixed buffers for string.Concat of many parts: the device build makes a string[] there.</summary>
    public static bool IsInlineArray(TypeDefinition? type) =>
        type != null && type.CustomAttributes.Any(a => a.AttributeType.Name == "InlineArrayAttribute");

    /// <summary>Bytes of one object of <paramref name="type"/>, with the struct objects its fields own.</summary>
    public int ObjectBytes(TypeReference type)
    {
        string key = type.FullName;
        if (objectBytes.TryGetValue(key, out int cached)) return cached;
        int bytes;
        if (!IsCore(type))
        {
            bytes = (1 + (ExternalFieldCounts.TryGetValue(key, out int n) ? n : UnknownExternalFields)) * HeapBlockBytes;
        }
        else
        {
            var definition = type.Resolve();
            if (IsInlineArray(definition))
            {
                int length = (int)definition.CustomAttributes.First(a => a.AttributeType.Name == "InlineArrayAttribute").ConstructorArguments[0].Value;
                bytes = ArrayBytes(length, HeapBlockBytes);
            }
            else
            {
                int fields = 0, owned = 0;
                for (var t = definition; t != null; t = t.BaseType != null && IsCore(t.BaseType) ? t.BaseType.Resolve() : null)
                {
                    foreach (var field in t.Fields.Where(f => !f.IsStatic))
                    {
                        fields++;
                        if (IsHeapStruct(field.FieldType)) owned += ObjectBytes(field.FieldType);
                    }
                    if (t.BaseType != null && !IsCore(t.BaseType))
                        fields += ExternalFieldCounts.TryGetValue(t.BaseType.FullName, out int inherited) ? inherited : 0;
                }
                bytes = (1 + fields) * HeapBlockBytes + owned;
            }
        }
        objectBytes[key] = bytes;
        return bytes;
    }

    public static bool IsDelegate(TypeDefinition? type) => type?.BaseType?.FullName is "System.MulticastDelegate" or "System.Delegate";

    /// <summary>Data bytes of one array element and, for struct elements, the object each element owns.</summary>
    public (int ElementBytes, int ElementObjectBytes) ArrayElement(TypeReference element)
    {
        switch (element.MetadataType)
        {
            case MetadataType.Boolean: case MetadataType.Byte: case MetadataType.SByte: return (1, 0);
            case MetadataType.Char: case MetadataType.Int16: case MetadataType.UInt16: return (2, 0);
            case MetadataType.Int32: case MetadataType.UInt32: case MetadataType.Single: return (4, 0);
            case MetadataType.Int64: case MetadataType.UInt64: case MetadataType.Double: return (8, 0);
        }
        if (IsCore(element) && element.Resolve() is { IsEnum: true } e)
            return (e.Fields.First(f => f.Name == "value__").FieldType.MetadataType is MetadataType.Int64 or MetadataType.UInt64 ? 8 : 4, 0);
        return (HeapBlockBytes, IsHeapStruct(element) ? ObjectBytes(element) : 0);
    }
}
