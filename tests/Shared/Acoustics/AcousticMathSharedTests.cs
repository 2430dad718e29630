// Shared test (host MSTest and on-target NFUnitTest); rules in tests/Shared/Platform/I2cOutcomeTests.cs.
// Doubles are compared with IsTrue(Math.Abs(a - b) < tolerance): the device's Assert has no delta overload.
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using AmpController.Core.Acoustics;

namespace AmpController.Tests.Shared.Acoustics
{
    [TestClass]
    public class AcousticMathSharedTests
    {
        private const double Tolerance = 0.01;

        private static void AssertNear(double expected, double actual, string what)
        {
            SharedAssert.Near(expected, actual, Tolerance, what);
        }

        [TestMethod]
        public void Sensitivity_per_mW_to_per_V_matches_design_section_5_on_the_device_maths_library()
        {
            // docs/design.md §5: S_dB/V = S_dB/mW + 10·log10(1000 / Z). HD600: 97 dB/mW at 300 Ω → 97 + 5.229 = 102.229 dB/V.
            AssertNear(102.229, AcousticMath.DbPerMwToDbPerV(97, 300), "HD600");
            // An IEM: about 119 dB/mW at 10 Ω ≈ 139 dB/V (docs/design.md §5, noise paragraph).
            AssertNear(139.0, AcousticMath.DbPerMwToDbPerV(119, 10), "IEM");
        }

        [TestMethod]
        public void Level_and_voltage_convert_back_and_forth()
        {
            // V = 10^((L − S_dB/V) / 20): 94 dB SPL with 102.229 dB/V needs 10^(-8.229/20) ≈ 0.3878 Vrms.
            double volts = AcousticMath.VoltsForLevel(94, 102.229);
            Assert.IsTrue(Math.Abs(0.3878 - volts) < 0.0005, "volts " + volts.ToString("F4"));
            AssertNear(94, AcousticMath.LevelForVolts(volts, 102.229), "round trip");
        }
    }
}
