namespace NanoCompat.Gate;

/// <summary>One reason the firmware would not build or run on the device. Printed as "file:line:column: code: message".</summary>
public sealed record Problem(string File, int Line, int Column, string Code, string Message)
{
    public override string ToString() => $"{File}:{Line}:{Column}: {Code}: {Message}";
}
