using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoCompat.Gate;

/// <summary>
/// Generic types that appear without being written: a lambda or method group given its natural type
/// (<c>var f = () =&gt; 1;</c> is a <c>Func&lt;int&gt;</c>), or a value whose type is a constructed generic. mscorlib
/// declares Action&lt;T&gt;, Func&lt;…&gt; and EventHandler&lt;T&gt;, so the compiler accepts them, but the 1.x runtime
/// cannot instantiate any generic type (third_party/nanoframework/README.md, "Generics and missing language support").
/// Written generic names are NANO001 (VisitGenericName); this is NANO014.
/// </summary>
public sealed partial class SourceScanner
{
    public override void Visit(SyntaxNode? node)
    {
        if (node is ExpressionSyntax expression and not GenericNameSyntax && !(expression is IdentifierNameSyntax { IsVar: true }))
            ImplicitGeneric(expression);
        base.Visit(node);
    }

    void ImplicitGeneric(ExpressionSyntax expression)
    {
        var info = model.GetTypeInfo(expression);
        var type = Constructed(info.ConvertedType) ?? Constructed(info.Type);
        if (type is null) return;
        // One report per value: a parenthesised or cast expression of the same type is reported where it starts.
        if (expression.Parent is ExpressionSyntax parent && parent is not InvocationExpressionSyntax
            && SymbolEqualityComparer.Default.Equals(Constructed(model.GetTypeInfo(parent).ConvertedType) ?? Constructed(model.GetTypeInfo(parent).Type), type))
            return;
        string what = type.TypeKind == TypeKind.Delegate ? "generic delegate" : "generic type";
        string how = expression is LambdaExpressionSyntax or AnonymousMethodExpressionSyntax ? "lambda" : "expression";
        Report(expression, "NANO014", $"{what} '{type.ToDisplayString()}' from {how} '{Shorten(expression)}' ({NoGenerics}: declare a non-generic delegate type and give the {how} that type)");
    }

    static INamedTypeSymbol? Constructed(ITypeSymbol? type) =>
        type is INamedTypeSymbol { IsGenericType: true, IsUnboundGenericType: false } named && named.TypeArguments.Length > 0 && named.TypeKind != TypeKind.Error
            ? named : null;

    static string Shorten(ExpressionSyntax expression)
    {
        string text = expression.ToString().ReplaceLineEndings(" ");
        return text.Length <= 60 ? text : text[..57] + "...";
    }
}
