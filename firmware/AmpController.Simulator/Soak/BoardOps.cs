using AmpController.Simulator.Board;

namespace AmpController.Simulator.Soak;

/// <summary>What the user and the world do to the board in a property run or a soak, after DelayTicks control ticks.</summary>
public abstract record BoardOp(int DelayTicks);

/// <summary>A plug pushed in (after pulling the one in the jack, if any). What: headphone, mono, line, short, open.</summary>
public sealed record InsertOp(int DelayTicks, HeadphoneLoad Load, string What) : BoardOp(DelayTicks);

/// <summary>A half-inserted plug pushed home.</summary>
public sealed record CompleteOp(int DelayTicks) : BoardOp(DelayTicks);

public sealed record RemoveOp(int DelayTicks) : BoardOp(DelayTicks);

/// <summary>
/// The load changes behind an adapter or extension cable while the plug stays in: no jack event (rule S7's load watch).
/// </summary>
public sealed record SwapOp(int DelayTicks, HeadphoneLoad Load, string What) : BoardOp(DelayTicks);

public sealed record TurnOp(int DelayTicks, int Detents) : BoardOp(DelayTicks);

/// <summary>A short press of the knob (mute toggle).</summary>
public sealed record MuteOp(int DelayTicks) : BoardOp(DelayTicks);

/// <summary>The knob held for HoldMs: from 1500 ms the long press of S12.</summary>
public sealed record PressOp(int DelayTicks, int HoldMs) : BoardOp(DelayTicks);

public sealed record FaultOp(int DelayTicks, FaultSpec Fault) : BoardOp(DelayTicks);

/// <summary>`safemode off` typed on the console after a crash loop put the board in safe mode (S8).</summary>
public sealed record LeaveSafeModeOp(int DelayTicks) : BoardOp(DelayTicks);
