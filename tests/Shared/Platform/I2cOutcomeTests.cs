// Shared test: compiled by the host MSTest project AND by the on-target project (tests/AmpController.Device.Tests,
// nanoFramework.TestFramework). Rules for files in tests/Shared (both frameworks must accept them):
// - the using switch below; nothing else differs;
// - test methods are instance methods that use no instance state (the device launcher invokes them with a null
//   instance), and a public class with [TestClass];
// - only Assert members both have: AreEqual/AreNotEqual on primitives and strings, IsTrue, IsFalse, IsNull, IsNotNull.
//   No delta overload on the device: compare doubles with Assert.IsTrue(Math.Abs(a - b) < eps);
// - the nanoFramework 1.x subset (the nano-compat gate compiles this folder for the device).
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using AmpController.Core.Platform;

namespace AmpController.Tests.Shared.Platform
{
    [TestClass]
    public class I2cOutcomeTests
    {
        [TestMethod]
        public void Full_transfer_of_exactly_the_requested_bytes_is_ok()
        {
            BusResult r = I2cOutcome.FromTransfer(1, 3, 3);
            Assert.IsTrue(r.Ok);
            Assert.AreEqual(3, r.BytesTransferred);
        }

        [TestMethod]
        public void S5_full_status_with_fewer_bytes_is_a_partial_transfer_not_success()
        {
            BusResult r = I2cOutcome.FromTransfer(1, 2, 3);
            Assert.IsFalse(r.Ok);
            Assert.AreEqual((int)BusStatus.PartialTransfer, (int)r.Status);
        }

        [TestMethod]
        public void S5_full_status_with_more_bytes_than_requested_is_not_trusted()
        {
            Assert.AreEqual((int)BusStatus.UnknownError, (int)I2cOutcome.FromTransfer(1, 4, 3).Status);
        }

        [TestMethod]
        public void S5_every_failure_status_of_the_driver_maps_to_a_failure()
        {
            int[] codes = new int[] { 0, 2, 3, 4, 5, -1, 99 };
            int[] expected = new int[] { 0, 2, 3, 4, 0, 0, 0 };
            for (int i = 0; i < codes.Length; i++)
            {
                BusResult r = I2cOutcome.FromTransfer(codes[i], 3, 3);
                Assert.IsFalse(r.Ok, "status code " + codes[i].ToString());
                Assert.AreEqual(expected[i], (int)r.Status, "status code " + codes[i].ToString());
            }
        }

        [TestMethod]
        public void Write_then_read_counts_both_directions()
        {
            // The native driver reports WriteSize + ReadSize on success: 1 command byte written, 2 read.
            Assert.IsTrue(I2cOutcome.FromTransfer(1, 3, 1 + 2).Ok);
            Assert.IsFalse(I2cOutcome.FromTransfer(1, 2, 1 + 2).Ok);
        }

        [TestMethod]
        public void Requests_outside_7_bit_addresses_or_the_buffer_are_refused()
        {
            byte[] buffer = new byte[2];
            Assert.IsTrue(I2cOutcome.IsValidRequest(0x28, buffer, 2));
            Assert.IsFalse(I2cOutcome.IsValidRequest(0x28, buffer, 3));
            Assert.IsFalse(I2cOutcome.IsValidRequest(0x28, buffer, 0));
            Assert.IsFalse(I2cOutcome.IsValidRequest(0x28, null, 1));
            Assert.IsFalse(I2cOutcome.IsValidRequest(0x07, buffer, 1));
            Assert.IsFalse(I2cOutcome.IsValidRequest(0x78, buffer, 1));
            Assert.IsFalse(I2cOutcome.NotSent().Ok);
        }
    }
}
