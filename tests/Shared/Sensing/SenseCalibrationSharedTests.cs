// Shared test (host MSTest and on-target NFUnitTest); rules in tests/Shared/Platform/I2cOutcomeTests.cs.
// The two-resistor calibration maths in double precision on the device's Math library (issue #15 item 6).
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using AmpController.Core.Sensing;

namespace AmpController.Tests.Shared.Sensing
{
    [TestClass]
    public class SenseCalibrationSharedTests
    {
        [TestMethod]
        public void Two_known_resistors_give_back_the_gain_and_series_resistance_that_made_the_readings()
        {
            // A channel 2 % hot with a 103 Ω series resistor, read with 20 Ω and 330 Ω calibration plugs.
            double gain = 1.02, series = 103.0;
            double ratio1 = SenseMath.RatioFromOhm(20.0, gain, series);
            double ratio2 = SenseMath.RatioFromOhm(330.0, gain, series);
            double solvedGain, solvedSeries;
            Assert.IsTrue(SenseCalibration.Solve(20.0, ratio1, 330.0, ratio2, out solvedGain, out solvedSeries));
            SharedAssert.Near(gain, solvedGain, 1e-9, "gain");
            SharedAssert.Near(series, solvedSeries, 1e-6, "series ohm");
        }

        [TestMethod]
        public void Readings_no_model_can_give_are_refused()
        {
            double gain, series;
            Assert.IsFalse(SenseCalibration.Solve(20.0, 0.5, 20.0, 0.5, out gain, out series), "the same resistor twice");
            Assert.IsFalse(SenseCalibration.Solve(20.0, 0.0, 330.0, 0.7, out gain, out series), "a zero reading");
            Assert.IsFalse(SenseCalibration.Solve(20.0, 0.9, 330.0, 0.1, out gain, out series), "the smaller load reading higher");
        }

        [TestMethod]
        public void Constants_outside_the_plausible_window_fall_back_to_the_defaults()
        {
            SenseCalibration wild = SenseCalibration.Defaults();
            wild.LeftGain = SenseCalibration.MaxGain + 0.1;
            SenseCalibration used = SenseCalibration.Validated(wild);
            Assert.IsTrue(used.FellBackToDefaults);
            SharedAssert.Near(1.0, used.LeftGain, 1e-12, "default gain");
            Assert.IsFalse(SenseCalibration.Validated(SenseCalibration.Defaults()).FellBackToDefaults);
        }
    }
}
