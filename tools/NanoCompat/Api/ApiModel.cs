using System.Collections.Generic;
using System.Linq;

namespace NanoCompat.Api;

/// <summary>One assembly of api.txt ("######## ASSEMBLY name [package id version]").</summary>
public sealed class ApiAssembly(string name, string packageId, string version)
{
    public string Name { get; } = name;
    public string PackageId { get; } = packageId;
    public string Version { get; } = version;
    public List<ApiType> Types { get; } = [];
    public bool IsCoreLibrary => Name == "mscorlib";
}

/// <summary>
/// One "type ..." line and its member lines. <see cref="RelativeName"/> is the name inside its namespace; a dotted
/// relative name ("SystemInfo.FloatingPoint") is a nested type.
/// </summary>
public sealed class ApiType
{
    public required string Namespace { get; init; }
    public required string RelativeName { get; init; }
    public required string Kind { get; init; }                 // class, struct, interface, enum, delegate
    public required IReadOnlyList<string> Attributes { get; init; }
    public required IReadOnlyList<string> Modifiers { get; init; }   // public, static, abstract, sealed, readonly ...
    public string? TypeParameters { get; init; }               // "<T1, T2>" or null
    public IReadOnlyList<string> Bases { get; init; } = [];    // fully qualified; for enums the underlying type
    public string? DelegateReturnType { get; init; }
    public string? DelegateParameters { get; init; }           // "(object sender, EventArgs e)"
    public List<ApiMember> Members { get; } = [];
    public List<ApiEnumValue> EnumValues { get; } = [];
    public required int Line { get; init; }

    public string FullName => Namespace.Length == 0 ? RelativeName : Namespace + "." + RelativeName;
    public string SimpleName => RelativeName[(RelativeName.LastIndexOf('.') + 1)..];
    public string? DeclaringRelativeName => RelativeName.Contains('.') ? RelativeName[..RelativeName.LastIndexOf('.')] : null;
    public bool Has(string modifier) => Modifiers.Contains(modifier);
}

/// <summary>
/// One member line: kind (field, ctor, prop, indexer, event, method, op), attributes and the C#-like rest.
/// Two line forms carry extra meaning (api.txt FORMAT): "this" before the first parameter is an extension method, and a
/// line without accessibility ("void IDisposable.Dispose()") is an explicit interface implementation.
/// </summary>
public sealed record ApiMember(string Kind, IReadOnlyList<string> Attributes, IReadOnlyList<string> Modifiers, string Rest, int Line)
{
    public static readonly string[] AccessibilityWords = ["public", "protected", "internal", "private"];

    public bool Has(string modifier) => Modifiers.Contains(modifier);

    public bool IsExtension => Kind == "method" && Rest.IndexOf('(') is var open and >= 0
        && Rest[(open + 1)..].TrimStart().StartsWith("this ", System.StringComparison.Ordinal);

    public bool IsExplicitInterfaceImplementation => !Modifiers.Any(AccessibilityWords.Contains);

    /// <summary>"IDisposable" for "void IDisposable.Dispose()"; null for an ordinary member.</summary>
    public string? ExplicitInterface
    {
        get
        {
            if (!IsExplicitInterfaceImplementation) return null;
            string declarator = Rest;
            ApiParser.ReadTypeName(ref declarator);             // the member's type
            int end = declarator.IndexOfAny(['(', ' ', '[']);
            string name = end < 0 ? declarator : declarator[..end];
            int dot = name.LastIndexOf('.');
            return dot < 0 ? null : name[..dot];
        }
    }
}

/// <summary>One "Name = value" line of an enum, with its attributes (e.g. [Obsolete(error): ...]).</summary>
public sealed record ApiEnumValue(IReadOnlyList<string> Attributes, string Name, string Value);
