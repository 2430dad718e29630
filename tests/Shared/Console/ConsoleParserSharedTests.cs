// Shared test (host MSTest and on-target NFUnitTest); rules in tests/Shared/Platform/I2cOutcomeTests.cs.
// On the device these run the parser in the interpreter: string handling (ToLower, Substring, number parsing) is the
// runtime's own there, not .NET's (issue #15 item 6).
#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using AmpController.Core.SerialConsole;

namespace AmpController.Tests.Shared.Console
{
    [TestClass]
    public class ConsoleParserSharedTests
    {
        private static ConsoleCommand Parsed(string line)
        {
            ConsoleCommand command = new ConsoleCommand();
            string? error = ConsoleParser.Parse(line, command);
            Assert.IsNull(error, "'" + line + "' was rejected: " + error);
            return command;
        }

        private static string Rejected(string line)
        {
            ConsoleCommand command = new ConsoleCommand();
            string? error = ConsoleParser.Parse(line, command);
            Assert.IsNotNull(error, "'" + line + "' was accepted");
            Assert.AreEqual((int)ConsoleCommandKind.None, (int)command.Kind, "a rejected line leaves no command (S10)");
            return error!;
        }

        [TestMethod]
        public void Commands_ignore_case_and_the_line_terminator()
        {
            Assert.AreEqual((int)ConsoleCommandKind.Status, (int)Parsed("STATUS\r\n").Kind);
            Assert.AreEqual((int)ConsoleCommandKind.Help, (int)Parsed("Help").Kind);
            Assert.AreEqual((int)ConsoleCommandKind.None, (int)Parsed("").Kind);
        }

        [TestMethod]
        public void Limit_takes_a_whole_number_of_dBA()
        {
            ConsoleCommand command = Parsed("limit 90");
            Assert.AreEqual((int)ConsoleCommandKind.Limit, (int)command.Kind);
            Assert.AreEqual(90, command.Number);
        }

        [TestMethod]
        public void S10_non_printable_bytes_and_overlong_lines_are_rejected_with_the_reason()
        {
            Assert.IsTrue(Rejected("status\u0001").IndexOf("printable ASCII") >= 0);
            Assert.IsTrue(Rejected(new string('a', ConsoleParser.MaxLineLength + 1)).IndexOf("too long") >= 0);
            Assert.IsTrue(Rejected("a b c d e f g h").IndexOf("too many words") >= 0);
        }

        [TestMethod]
        public void S10_unknown_words_and_bad_numbers_are_rejected()
        {
            Rejected("louder");
            Rejected("limit ninety");
            Rejected("limit");
            Rejected("status now");
        }
    }
}
