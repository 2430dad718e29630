namespace AmpController.Simulator.Timeline;

public enum EntryKind { Action, Controller, Protection, Recovery, Level }

/// <summary>One line of the demo timeline: when, what kind, and what happened in words.</summary>
public sealed record TimelineEntry(long TMs, EntryKind Kind, string Text);
