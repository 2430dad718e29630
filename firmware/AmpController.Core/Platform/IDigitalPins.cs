namespace AmpController.Core.Platform
{
    /// <summary>A digital input read by polling from the control tick (no interrupt logic).</summary>
    public interface IDigitalInput
    {
        bool Read();
    }

    /// <summary>A digital output such as the output-relay drive pin.</summary>
    public interface IDigitalOutput
    {
        void Write(bool high);
    }
}
