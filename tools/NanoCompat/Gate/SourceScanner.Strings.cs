using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NanoCompat.Gate;

/// <summary>
/// Text the device would print differently from the PC: number formats the native formatter lacks (NANO013), formats the
/// gate cannot read because they are not compile-time constants (NANO016), and enums turned into text (NANO015), which
/// the 1.x runtime prints as their number (docs/design.md §3a).
/// </summary>
public sealed partial class SourceScanner
{
    [GeneratedRegex("^[DdFfGgNnXx][0-9]{0,2}$")]
    private static partial Regex SupportedFormat();

    [GeneratedRegex(@"(?<!\{)\{\d+(?:,-?\d+)?:([^}]*)\}")]
    private static partial Regex FormatItem();

    const string EnumText = "the 1.x runtime prints an enum as its number, not its name: use nameof, a switch to a literal, or (int)";

    /// <summary>Calls that turn an object argument into text; an enum boxed into one of them prints as a number.</summary>
    static readonly string[] TextSinks = ["Format", "Concat", "Append", "AppendLine", "Insert", "Write", "WriteLine", "Print"];

    public override void VisitInterpolationFormatClause(InterpolationFormatClauseSyntax node)
    {
        CheckFormat(node, node.FormatStringToken.ValueText);
        base.VisitInterpolationFormatClause(node);
    }

    public override void VisitInterpolation(InterpolationSyntax node)
    {
        if (IsEnum(node.Expression)) Report(node, "NANO015", $"enum '{node.Expression}' in an interpolated string ({EnumText})");
        base.VisitInterpolation(node);
    }

    public override void VisitBinaryExpression(BinaryExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.AddExpression) && model.GetTypeInfo(node).Type?.SpecialType == SpecialType.System_String)
            foreach (var operand in new[] { node.Left, node.Right }.Where(IsEnum))
                Report(operand, "NANO015", $"enum '{operand}' concatenated into a string ({EnumText})");
        base.VisitBinaryExpression(node);
    }

    public override void VisitAssignmentExpression(AssignmentExpressionSyntax node)
    {
        if (node.IsKind(SyntaxKind.AddAssignmentExpression) && model.GetTypeInfo(node.Left).Type?.SpecialType == SpecialType.System_String && IsEnum(node.Right))
            Report(node.Right, "NANO015", $"enum '{node.Right}' appended to a string ({EnumText})");
        base.VisitAssignmentExpression(node);
    }

    public override void VisitInvocationExpression(InvocationExpressionSyntax node)
    {
        if (model.GetSymbolInfo(node).Symbol is IMethodSymbol method)
        {
            var arguments = node.ArgumentList.Arguments;
            if (method.Name == "ToString" && node.Expression is MemberAccessExpressionSyntax access && IsEnum(access.Expression))
                Report(node, "NANO015", $"'{node}' on an enum ({EnumText})");
            if (method.Name == "ToString" && method.Parameters.FirstOrDefault()?.Type.SpecialType == SpecialType.System_String && arguments.Count > 0)
                CheckFormatArgument(node, arguments[0].Expression, format => CheckFormat(node, format));
            if (method.Name == "Format" && method.ContainingType?.SpecialType == SpecialType.System_String && arguments.Count > 0)
                CheckFormatArgument(node, arguments[0].Expression, text =>
                {
                    foreach (Match item in FormatItem().Matches(text)) CheckFormat(node, item.Groups[1].Value);
                });
            if (TextSinks.Contains(method.Name))
                foreach (var argument in arguments.Where(a => IsEnum(a.Expression) && model.GetTypeInfo(a.Expression).ConvertedType?.TypeKind != TypeKind.Enum))
                    Report(argument, "NANO015", $"enum '{argument}' passed to {method.Name} as an object ({EnumText})");
        }
        base.VisitInvocationExpression(node);
    }

    /// <summary>A format must be a compile-time constant (literal or const) so the gate can check it against the device's formatter.</summary>
    void CheckFormatArgument(SyntaxNode call, ExpressionSyntax format, System.Action<string> check)
    {
        var constant = model.GetConstantValue(format);
        if (!constant.HasValue)
            Report(format, "NANO016", $"format '{format}' in '{call}' is not a compile-time constant: the gate cannot check it against the device's D, F, G, N, X formats (use a literal or const)");
        else if (constant.Value is string text)
            check(text);
    }

    void CheckFormat(SyntaxNode node, string format)
    {
        if (!SupportedFormat().IsMatch(format))
            Report(node, "NANO013", $"format specifier '{format}' (the device formats only D, F, G, N, X with optional digits)");
    }

    bool IsEnum(ExpressionSyntax expression) => model.GetTypeInfo(expression).Type?.TypeKind == TypeKind.Enum;
}
