using System;

namespace AmpController.Simulator.Platform;

/// <summary>
/// The EC11 rotary encoder's two contacts in microsecond steps: turns queue Gray-code states (rest 11; clockwise =
/// louder 01 → 00 → 10 → 11, Core/Input/QuadratureDecoder) at a given speed, and each edge chatters 0–2 times
/// (contact bounce, drawn from the seed; the board's 0.1 ms RC does not remove it, hardware/board/sheets/ui.txt). Every
/// change reaches the <see cref="SimPulseCounter"/> at once, as the PCNT sees the pins. Ring buffer, no allocation.
/// </summary>
public sealed class SimEncoder(SimPulseCounter counter, int seed)
{
    public const int RestState = 3;

    /// <summary>Default speed of a scenario's turn: 2 ms a state, 125 detents/s.</summary>
    public const int DefaultDetentsPerSecond = 125;

    private readonly int[] _state = new int[1 << 16];
    private readonly int[] _holdUs = new int[1 << 16];
    private readonly Random _random = new(seed);
    private int _head, _count, _remainingUs;
    private bool _headEntered;

    public int State { get; private set; } = RestState;
    public bool Idle => _count == 0;
    public SimPulseCounter Counter => counter;

    public void Turn(int detents, int detentsPerSecond = DefaultDetentsPerSecond)
    {
        if (detentsPerSecond < 1) throw new ArgumentOutOfRangeException(nameof(detentsPerSecond));
        int holdUs = Math.Max(4, 1_000_000 / (detentsPerSecond * 4));
        int bounceUs = Math.Max(1, holdUs / 8);
        ReadOnlySpan<int> louder = [1, 0, 2, 3], quieter = [2, 0, 1, 3];
        ReadOnlySpan<int> cycle = detents > 0 ? louder : quieter;
        for (int n = 0; n < Math.Abs(detents); n++)
            foreach (int s in cycle) Edge(s, holdUs, bounceUs);
    }

    /// <summary>Plays out <paramref name="us"/> microseconds of queued motion.</summary>
    public void Advance(int us)
    {
        while (us > 0 && _count > 0)
        {
            if (!_headEntered)
            {
                int next = _state[_head];
                if (next != State) counter.Edge(State, next);
                State = next;
                _remainingUs = _holdUs[_head];
                _headEntered = true;
            }
            int used = Math.Min(us, _remainingUs);
            us -= used;
            _remainingUs -= used;
            if (_remainingUs > 0) continue;
            _head = (_head + 1) % _state.Length;
            _count--;
            _headEntered = false;
        }
    }

    /// <summary>Pending motion is dropped and the knob rests (the controller rebooted and the user let go).</summary>
    public void Clear()
    {
        _count = 0;
        _headEntered = false;
        State = RestState;
    }

    private void Edge(int state, int holdUs, int bounceUs)
    {
        int from = _count > 0 ? _state[(_head + _count - 1) % _state.Length] : State;
        int bounces = _random.Next(3);
        for (int i = 0; i < bounces; i++) { Push(state, bounceUs); Push(from, bounceUs); }
        Push(state, holdUs);
    }

    private void Push(int state, int holdUs)
    {
        if (_count == _state.Length) return; // a user cannot turn faster than the buffer: extra motion is lost
        int tail = (_head + _count) % _state.Length;
        _state[tail] = state;
        _holdUs[tail] = holdUs;
        _count++;
    }
}
