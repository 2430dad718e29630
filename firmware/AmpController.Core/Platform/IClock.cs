namespace AmpController.Core.Platform
{
    /// <summary>Monotonic time in milliseconds. Injected everywhere so tests and the simulator control time.</summary>
    public interface IClock
    {
        long NowMs { get; }
    }
}
