namespace BoardGen.Checks;

/// <summary>One problem found in the description: the rule it breaks and what exactly is wrong.</summary>
public sealed record Finding(string Rule, string Message)
{
    public override string ToString() => $"[{Rule}] {Message}";
}
