using System;
using AmpController.Simulator.Board;
using AmpController.Simulator.Devices;
using AmpController.Simulator.I2c;
using AmpController.Simulator.Sense;

namespace AmpController.Simulator.Platform;

/// <summary>
/// Mechanical contacts sampled once per simulated millisecond: a queue of per-millisecond levels (bit 1 = A,
/// bit 0 = B; a single contact uses bit 0) with contact bounce drawn from the seed. Ring buffer, no allocation
/// once built.
/// </summary>
public sealed class SimContacts
{
    private readonly int[] _queue = new int[8192];
    private readonly Random _random;
    private int _head, _count;

    public SimContacts(int restState, int seed)
    {
        RestState = restState;
        Current = restState;
        _random = new Random(seed);
    }

    public int RestState { get; }
    public int Current { get; private set; }
    public bool Idle => _count == 0;

    /// <summary>Moves to <paramref name="state"/> and holds it <paramref name="holdMs"/>; the edge chatters 0–2 times.</summary>
    public void Edge(int state, int holdMs)
    {
        int from = _count > 0 ? _queue[(_head + _count - 1) % _queue.Length] : Current;
        int bounces = _random.Next(3);
        for (int i = 0; i < bounces; i++) { Push(state); Push(from); }
        for (int i = 0; i < holdMs; i++) Push(state);
    }

    /// <summary>Advances one millisecond.</summary>
    public void Advance()
    {
        if (_count == 0) return;
        Current = _queue[_head];
        _head = (_head + 1) % _queue.Length;
        _count--;
    }

    /// <summary>Pending motion is dropped (e.g. the controller rebooted and the user let go).</summary>
    public void Clear()
    {
        _count = 0;
        Current = RestState;
    }

    private void Push(int state)
    {
        if (_count == _queue.Length) return; // a user cannot turn faster than the buffer: extra motion is lost
        _queue[(_head + _count) % _queue.Length] = state;
        _count++;
    }
}
