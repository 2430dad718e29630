// Shared test helper (host MSTest and on-target NFUnitTest); rules in tests/Shared/Platform/I2cOutcomeTests.cs.
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;

namespace AmpController.Tests.Shared
{
    /// <summary>Doubles within a tolerance: the device's Assert has no delta overload.</summary>
    public static class SharedAssert
    {
        public static void Near(double expected, double actual, double tolerance, string what)
        {
            Assert.IsTrue(Math.Abs(expected - actual) < tolerance, what + ": expected " + expected.ToString("F4") + ", got " + actual.ToString("F4"));
        }
    }
}
