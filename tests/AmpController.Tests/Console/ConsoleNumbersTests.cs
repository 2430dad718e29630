using AmpController.Core.SerialConsole;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.SerialConsole;

[TestClass]
public class ConsoleNumbersTests
{
    [TestMethod]
    [DataRow("0", 0)]
    [DataRow("97", 970)]
    [DataRow("12.8", 128)]
    [DataRow("300.0", 3000)]
    [DataRow("00032", 320)]
    public void S10_tenths_parse_plain_decimals(string text, int tenths)
    {
        Assert.IsTrue(ConsoleNumbers.TryParseTenths(text, out int value));
        Assert.AreEqual(tenths, value);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow(".")]
    [DataRow(".5")]
    [DataRow("5.")]
    [DataRow("1.25")]
    [DataRow("1.2.3")]
    [DataRow("-1")]
    [DataRow("+1")]
    [DataRow("NaN")]
    [DataRow("Infinity")]
    [DataRow("1e3")]
    [DataRow("123456")]
    [DataRow("1,5")]
    public void S10_tenths_reject_anything_else(string text)
    {
        Assert.IsFalse(ConsoleNumbers.TryParseTenths(text, out _));
    }

    [TestMethod]
    [DataRow("+3", 3)]
    [DataRow("-60", -60)]
    [DataRow("+007", 7)]
    public void S10_signed_steps_need_a_sign(string text, int steps)
    {
        Assert.IsTrue(ConsoleNumbers.TryParseSigned(text, out int value));
        Assert.AreEqual(steps, value);
        Assert.IsFalse(ConsoleNumbers.TryParseSigned(text.Substring(1), out _));
    }

    [TestMethod]
    public void Tenths_format_with_one_decimal()
    {
        Assert.AreEqual("97.0", ConsoleNumbers.FormatTenths(970));
        Assert.AreEqual("12.8", ConsoleNumbers.FormatTenths(128));
        Assert.AreEqual("0.4", ConsoleNumbers.FormatTenths(4));
    }
}
