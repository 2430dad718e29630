using System.Text;
using AmpController.Core.Storage;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Storage;

[TestClass]
public class Crc32Tests
{
    [TestMethod]
    public void Crc32_matches_the_ieee_check_value()
    {
        // CRC-32/ISO-HDLC catalogue check value for "123456789".
        var data = Encoding.ASCII.GetBytes("123456789");
        Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
    }

    [TestMethod]
    public void Crc32_of_nothing_is_zero_and_offset_is_honoured()
    {
        Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
        var padded = Encoding.ASCII.GetBytes("xx123456789yy");
        Assert.AreEqual(0xCBF43926u, Crc32.Compute(padded, 2, 9));
    }

    [TestMethod]
    public void Crc32_detects_every_single_bit_flip_in_a_record()
    {
        var record = SettingsCodec.EncodeRecord(SettingsSamples.New(), 7);
        int body = record.Length - SettingsCodec.CrcLength;
        uint good = Crc32.Compute(record, 0, body);
        for (int i = 0; i < body; i++)
            for (int bit = 0; bit < 8; bit++)
            {
                record[i] ^= (byte)(1 << bit);
                Assert.AreNotEqual(good, Crc32.Compute(record, 0, body), $"byte {i} bit {bit}");
                record[i] ^= (byte)(1 << bit);
            }
    }
}
