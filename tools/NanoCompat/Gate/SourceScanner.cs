using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoCompat.Gate;

/// <summary>
/// What the C# compiler still accepts against the device's references but the nanoFramework 1.x runtime lacks
/// (third_party/nanoframework/README.md, "Generics and missing language support"), plus the format specifiers the
/// native formatter does not know. Problem codes start with NANO.
/// </summary>
public sealed partial class SourceScanner(SemanticModel model, List<Problem> problems, string displayPath) : CSharpSyntaxWalker
{
    void Report(SyntaxNode node, string code, string message) => Report(node.GetLocation(), code, message);

    void Report(Location location, string code, string message)
    {
        var span = location.GetLineSpan();
        problems.Add(new Problem(displayPath, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, code, message));
    }

    const string NoGenerics = "the nanoFramework 1.x runtime has no generics";

    public override void VisitClassDeclaration(ClassDeclarationSyntax node) { GenericDeclaration(node, "class"); base.VisitClassDeclaration(node); }
    public override void VisitStructDeclaration(StructDeclarationSyntax node) { GenericDeclaration(node, "struct"); base.VisitStructDeclaration(node); }

    public override void VisitInterfaceDeclaration(InterfaceDeclarationSyntax node)
    {
        GenericDeclaration(node, "interface");
        foreach (var method in node.Members.OfType<MethodDeclarationSyntax>().Where(m => m.Body is not null || m.ExpressionBody is not null))
            Report(method.Identifier.GetLocation(), "NANO006", $"default interface method '{method.Identifier.Text}' (not supported by the 1.x runtime)");
        base.VisitInterfaceDeclaration(node);
    }

    public override void VisitRecordDeclaration(RecordDeclarationSyntax node)
    {
        Report(node.Identifier.GetLocation(), "NANO002", $"record '{node.Identifier.Text}' (records are not supported: use a class or struct)");
        base.VisitRecordDeclaration(node);
    }

    void GenericDeclaration(TypeDeclarationSyntax node, string kind)
    {
        if (node.TypeParameterList is not null)
            Report(node.Identifier.GetLocation(), "NANO001", $"generic {kind} '{node.Identifier.Text}{node.TypeParameterList}' ({NoGenerics})");
    }

    public override void VisitDelegateDeclaration(DelegateDeclarationSyntax node)
    {
        if (node.TypeParameterList is not null)
            Report(node.Identifier.GetLocation(), "NANO001", $"generic delegate '{node.Identifier.Text}{node.TypeParameterList}' ({NoGenerics})");
        base.VisitDelegateDeclaration(node);
    }

    public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        if (node.TypeParameterList is not null)
            Report(node.Identifier.GetLocation(), "NANO001", $"generic method '{node.Identifier.Text}{node.TypeParameterList}' ({NoGenerics})");
        Async(node.Modifiers);
        base.VisitMethodDeclaration(node);
    }

    public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        if (node.TypeParameterList is not null)
            Report(node.Identifier.GetLocation(), "NANO001", $"generic local function '{node.Identifier.Text}{node.TypeParameterList}' ({NoGenerics})");
        Async(node.Modifiers);
        base.VisitLocalFunctionStatement(node);
    }

    public override void VisitGenericName(GenericNameSyntax node)
    {
        Report(node, "NANO001", $"generic type or method '{node}' ({NoGenerics})");
        base.VisitGenericName(node);
    }

    public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node) { Async(node.Modifiers); base.VisitParenthesizedLambdaExpression(node); }
    public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node) { Async(node.Modifiers); base.VisitSimpleLambdaExpression(node); }
    public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node) { Async(node.Modifiers); base.VisitAnonymousMethodExpression(node); }

    void Async(SyntaxTokenList modifiers)
    {
        foreach (var token in modifiers.Where(t => t.IsKind(SyntaxKind.AsyncKeyword)))
            Report(token.GetLocation(), "NANO003", "async/await (no Task and no async support on nanoFramework 1.x)");
    }

    public override void VisitAwaitExpression(AwaitExpressionSyntax node)
    {
        Report(node, "NANO003", "async/await (no Task and no async support on nanoFramework 1.x)");
        base.VisitAwaitExpression(node);
    }

    public override void VisitPredefinedType(PredefinedTypeSyntax node)
    {
        if (node.Keyword.IsKind(SyntaxKind.DecimalKeyword)) Report(node, "NANO004", "decimal (not in nanoFramework's mscorlib: use double or scaled integers)");
        base.VisitPredefinedType(node);
    }

    public override void VisitLiteralExpression(LiteralExpressionSyntax node)
    {
        if (node.Token.Value is decimal) Report(node, "NANO004", $"decimal literal '{node}' (not in nanoFramework's mscorlib)");
        base.VisitLiteralExpression(node);
    }

    public override void VisitIdentifierName(IdentifierNameSyntax node)
    {
        if (node.Identifier.Text == "dynamic" && model.GetSymbolInfo(node).Symbol is IDynamicTypeSymbol)
            Report(node, "NANO005", "dynamic (no dynamic binding on nanoFramework)");
        base.VisitIdentifierName(node);
    }

    public override void VisitArrayRankSpecifier(ArrayRankSpecifierSyntax node)
    {
        if (node.Rank > 1) Report(node, "NANO007", $"multidimensional array '{node.Parent}' (not supported: use a jagged array [][])");
        base.VisitArrayRankSpecifier(node);
    }

    public override void VisitCollectionExpression(CollectionExpressionSyntax node)
    {
        Report(node, "NANO008", "collection expression '[...]' (use 'new T[] { ... }')");
        base.VisitCollectionExpression(node);
    }

    public override void VisitStackAllocArrayCreationExpression(StackAllocArrayCreationExpressionSyntax node)
    {
        Report(node, "NANO009", "stackalloc (needs Span<T>, absent on nanoFramework 1.x: use a preallocated array)");
        base.VisitStackAllocArrayCreationExpression(node);
    }

    public override void VisitImplicitStackAllocArrayCreationExpression(ImplicitStackAllocArrayCreationExpressionSyntax node)
    {
        Report(node, "NANO009", "stackalloc (needs Span<T>, absent on nanoFramework 1.x: use a preallocated array)");
        base.VisitImplicitStackAllocArrayCreationExpression(node);
    }

    public override void VisitTupleType(TupleTypeSyntax node)
    {
        Report(node, "NANO010", $"tuple '{node}' (ValueTuple is generic: not on nanoFramework 1.x)");
        base.VisitTupleType(node);
    }

    public override void VisitTupleExpression(TupleExpressionSyntax node)
    {
        Report(node, "NANO010", $"tuple '{node}' (ValueTuple is generic: not on nanoFramework 1.x)");
        base.VisitTupleExpression(node);
    }

    public override void VisitNullableType(NullableTypeSyntax node)
    {
        if (model.GetTypeInfo(node.ElementType).Type is { IsValueType: true } valueType)
            Report(node, "NANO011", $"nullable value type '{valueType}?' (Nullable<T> is generic: not on nanoFramework 1.x)");
        base.VisitNullableType(node);
    }

    public override void VisitYieldStatement(YieldStatementSyntax node)
    {
        Report(node, "NANO012", "iterator 'yield' (the generated enumerator implements IEnumerator<T>: not on nanoFramework 1.x)");
        base.VisitYieldStatement(node);
    }
}
