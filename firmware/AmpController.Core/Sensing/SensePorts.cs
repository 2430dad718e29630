using AmpController.Core.Platform;

namespace AmpController.Core.Sensing
{
    /// <summary>
    /// What the sensor drives and reads on the sense front end (hardware/README.md, Pins): the three ADC1 inputs (source,
    /// tip = left, ring = right), the test-source enable, and per channel the low-range switch (closed = R_lo in) and the
    /// zoom switch (closed = ×5 gain).
    /// </summary>
    public sealed class SensePorts
    {
        public readonly IAdcChannel Source;
        public readonly IAdcChannel Left;
        public readonly IAdcChannel Right;
        public readonly IDigitalOutput SourceOn;
        public readonly IDigitalOutput[] LowRange;
        public readonly IDigitalOutput[] Zoom;

        public SensePorts(IAdcChannel source, IAdcChannel left, IAdcChannel right, IDigitalOutput sourceOn,
            IDigitalOutput lowRangeLeft, IDigitalOutput lowRangeRight, IDigitalOutput zoomLeft, IDigitalOutput zoomRight)
        {
            Source = source;
            Left = left;
            Right = right;
            SourceOn = sourceOn;
            LowRange = new IDigitalOutput[] { lowRangeLeft, lowRangeRight };
            Zoom = new IDigitalOutput[] { zoomLeft, zoomRight };
        }
    }
}
