namespace AmpController.Core.Sensing
{
    /// <summary>
    /// Non-blocking impedance measurement of both channels, advanced from the control tick.
    /// Start() must only be called while the output relay is open (the test source must never meet the amplifier output).
    /// </summary>
    public interface IImpedanceSensor
    {
        void Start(long nowMs);

        /// <summary>Advances the measurement; true once Result holds the finished measurement.</summary>
        bool Poll(long nowMs);

        SenseResult Result { get; }

        /// <summary>Aborts (e.g. on removal) and leaves the test source off.</summary>
        void Stop();
    }
}
