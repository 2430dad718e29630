using System.Collections.Generic;
using System.IO;
using System.Linq;
using BoardGen.Checks;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Board;

/// <summary>
/// Each check fails on a copy of the description with one deliberate mistake: the check is real, not a pass-through.
/// Every mutation names the rule it must trip; the unmutated description trips none (BoardChecksTests).
/// </summary>
[TestClass]
public sealed class BoardMutationTests
{
    static List<Finding> Findings(string file, string from, string to) => Findings(file, (from, to));

    static List<Finding> Findings(string file, params (string, string)[] edits) =>
        BoardFiles.Mutated(file, edits).SelectMany(b => AllChecks.Run(b, BoardFiles.Repo)).ToList();

    static void AssertTrips(string rule, List<Finding> findings)
    {
        Assert.IsTrue(findings.Any(f => f.Rule == rule), $"expected a [{rule}] finding, got:\n{string.Join("\n", findings)}");
    }

    [TestMethod]
    public void A_wrong_pin_fails_the_pin_check()
    {
        // the output relay drive and the sense source enable swapped (GPIO4 <-> GPIO23): the electrical rules still
        // pass, only the comparison with BoardPins.cs and hardware/pinmap.md can tell
        var f = Findings("mcu.txt", ("fw=OutputRelay dir=out : U201.IO4", "fw=OutputRelay dir=out : U201.IO23"), ("fw=SenseSourceOn dir=out : U201.IO23", "fw=SenseSourceOn dir=out : U201.IO4"));
        Assert.IsTrue(f.All(x => x.Rule == "pin-mismatch"), string.Join("\n", f));
        Assert.IsTrue(f.Any(x => x.Message.Contains("OutputRelay: BoardPins.cs says GPIO4, the board wires GPIO23")), string.Join("\n", f));
        Assert.IsTrue(f.Any(x => x.Message.Contains("OutputRelay: hardware/pinmap.md says 4, the board wires GPIO23")), string.Join("\n", f));
        Assert.IsTrue(f.Any(x => x.Message.Contains("SenseSourceOn")), string.Join("\n", f));
    }

    [TestMethod]
    public void A_relay_on_a_strapping_pin_fails_the_pin_check()
    {
        // the output relay on GPIO2 (a strap that boots low and carries the right zoom select, which moves to GPIO4):
        // a strap may hold a pulled-down plain output, never a relay driver
        var f = Findings("mcu.txt", ("fw=OutputRelay dir=out : U201.IO4", "fw=OutputRelay dir=out : U201.IO2"), ("fw=SenseZoomRight dir=out : U201.IO2", "fw=SenseZoomRight dir=out : U201.IO4"));
        Assert.IsTrue(f.Any(x => x.Rule == "bad-output-pin" && x.Message.Contains("OutputRelay")), string.Join("\n", f));
        Assert.IsFalse(f.Any(x => x.Rule == "bad-output-pin" && x.Message.Contains("SenseZoomRight")), string.Join("\n", f));
        // the output relay on GPIO14, which outputs PWM while the ESP32 boots (the watchdog feed may sit there: no relay)
        f = Findings("mcu.txt", ("fw=OutputRelay dir=out : U201.IO4", "fw=OutputRelay dir=out : U201.IO14"), ("fw=WatchdogFeed dir=out : U201.IO14", "fw=WatchdogFeed dir=out : U201.IO4"));
        Assert.IsTrue(f.Any(x => x.Rule == "bad-output-pin" && x.Message.Contains("OutputRelay") && x.Message.Contains("toggles while the ESP32 boots")), string.Join("\n", f));
        Assert.IsFalse(f.Any(x => x.Rule == "bad-output-pin" && x.Message.Contains("WatchdogFeed")), string.Join("\n", f));
    }

    /// <summary>The sense zoom selects sit on the straps GPIO 12 and 2 only because a pull-down holds them at the low
    /// level the straps need at reset (ESP32 datasheet §2.4): without it, or on a strap that must not be low, the pin
    /// check fails.</summary>
    [TestMethod]
    public void A_zoom_select_on_a_strap_needs_its_pull_down_and_a_strap_that_boots_low()
    {
        var f = Findings("sense.txt", "net SENSE_ZOOM_L : U1006.IN R1029.1", "net SENSE_ZOOM_L : U1006.IN\nnc R1029.1");
        Assert.IsTrue(f.Any(x => x.Rule == "bad-output-pin" && x.Message.Contains("SenseZoomLeft")), string.Join("\n", f));
        AssertTrips("output-not-pulled-down", f);
        f = Findings("mcu.txt", ("fw=SenseZoomLeft dir=out : U201.IO12", "fw=SenseZoomLeft dir=out : U201.IO15"), ("nc U201.IO15 U201.IO5", "nc U201.IO12 U201.IO5"));
        Assert.IsTrue(f.Any(x => x.Rule == "bad-output-pin" && x.Message.Contains("SenseZoomLeft")), string.Join("\n", f));
    }

    [TestMethod]
    public void A_sense_input_off_ADC1_fails_the_pin_check()
    {
        // the left sense input moved to GPIO15, an ADC2 pin (unusable with Wi-Fi, docs/design.md section 5)
        // (GPIO15 stays marked not connected in mcu.txt: the mutation touches one file, so nc findings come too)
        var f = Findings("loadwatch.txt", "dir=analog : U408.COM1 U201.IO36", "dir=analog : U408.COM1 U201.IO15");
        AssertTrips("analog-not-adc1", f);
    }

    [TestMethod]
    public void A_missing_boot_pull_down_fails_the_pin_and_relay_checks()
    {
        var f = Findings("safety.txt", "net K1_DRIVE : R911.1 R912.1", "net K1_DRIVE : R911.1\nnc R912.1");
        AssertTrips("output-not-pulled-down", f);
        AssertTrips("relay-boot-pull-down", f);
        f = Findings("expander.txt", "net EXP_K3 : U611.P0 R611.1 Q611.G", "net EXP_K3 : U611.P0 Q611.G R611.2");
        AssertTrips("relay-boot-pull-down", f);
    }

    [TestMethod]
    public void Electrical_rule_violations_are_found()
    {
        AssertTrips("pin-unconnected", Findings("gain.txt", "net TAP32_L : R714.2 R715.1 K3.NC1", "net TAP32_L : R714.2 K3.NC1"));
        AssertTrips("single-pin-net", Findings("console.txt", "net Q301_B : R303.2 Q301.B", "net Q301_B : R303.2\nnet Q301_B2 : Q301.B R303.1"));
        AssertTrips("two-outputs", Findings("gain.txt", "net GAIN_OUT_R : U711.OUTB", "net GAIN_OUT_L : U711.OUTB\nnet GAIN_OUT_R :"));
        AssertTrips("power-pin-off-supply", Findings("expander.txt", "net +3V3 : U611.VCC C611.1", "net EXP_K3 : U611.VCC\nnet +3V3 : C611.1"));
        AssertTrips("input-not-driven", Findings("volume-ds1882.txt", "net GND : U1311.GND U1311.A0 U1311.A1", "net ADDR : U1311.A0 U1311.A1\nnet GND : U1311.GND"));
        AssertTrips("no-connect-pin-used", Findings("mcu.txt", "nc U201.SD2 U201.SD3 U201.CMD U201.CLK U201.SD0 U201.SD1 U201.NC", "nc U201.SD2 U201.SD3 U201.CMD U201.CLK U201.SD0 U201.SD1\nnet GND : U201.NC"));
        AssertTrips("no-mpn", Findings("library.txt", "mfr=Yageo mpn=RC0603FR-07{yageo}L", "mfr=Yageo"));
        AssertTrips("read", Findings("ui.txt", "net ENC_B : R1104.2 C1102.1", "net ENC_B : R1104.2 C1102.1 U201.IO99"));
    }

    [TestMethod]
    public void A_strap_that_moves_an_I2C_address_fails_the_I2C_check()
    {
        var f = Findings("volume-ds1882.txt", "net GND : U1311.GND U1311.A0 U1311.A1", "net +3V3 : U1311.A0\nnet GND : U1311.GND U1311.A1");
        AssertTrips("i2c-address", f);
        Assert.IsTrue(f.Any(x => x.Message.Contains("0x29") && x.Message.Contains("0x28")), string.Join("\n", f));
    }

    [TestMethod]
    public void A_sense_value_or_wire_that_differs_from_the_cir_fails_the_cir_check()
    {
        AssertTrips("cir-value", Findings("sense.txt", "part R1012 R0603P1 9.53k spice=RBIASL", "part R1012 R0603P1 9.76k spice=RBIASL"));
        // the left and source pedestal resistors swapped (same value, so only the wiring can tell)
        AssertTrips("cir-topology", Findings("sense.txt", ("9.53k spice=RBIASL", "9.53k spice=RBIASX"), ("9.53k spice=RBIASS", "9.53k spice=RBIASL"), ("9.53k spice=RBIASX", "9.53k spice=RBIASS")));
        AssertTrips("cir-unmapped", Findings("sense.txt", "cir-model RLOADL RLOADR \"the headphone\"", "cir-model RLOADR \"the headphone\""));
    }

    /// <summary>The loadwatch sheet against hardware/load-watch.cir (LoadWatchCheck): a value, a wire, a diode pair the
    /// wrong way round, an element of the .cir nobody accounts for, and U408 handing a pin to the wrong side.</summary>
    [TestMethod]
    public void S7_a_load_watch_value_or_wire_that_differs_from_the_cir_fails_the_load_watch_check()
    {
        // the voltage hold's discharge resistor (its time constant, equation 3 of hardware/README.md "Load watch")
        var f = Findings("loadwatch.txt", "part R534 R0603TF 68k", "part R534 R0603TF 47k");
        Assert.IsTrue(f.Any(x => x.Rule == "lw-value" && x.Message.Contains("R534 = 47k")), string.Join("\n", f));
        // the INA188's gain resistor: 2k gives G = 26 instead of the .cir's 29.74
        AssertTrips("lw-value", Findings("loadwatch.txt", "part R437 R0603TF 1.74k", "part R437 R0603TF 2k"));
        // the |Z| log inputs swapped (voltage and current envelope; same 47k, only the wiring can tell)
        AssertTrips("lw-topology", Findings("loadwatch.txt", ("net LW_ZA1_L : R409.2 U407.I1A", "net LW_ZA1_L : R409.2 U407.I2A"), ("net LW_ZA2_L : R411.2 U407.I2A", "net LW_ZA2_L : R411.2 U407.I1A")));
        // a charging diode pair mounted the other way round
        AssertTrips("lw-topology", Findings("loadwatch.txt", ("net LW_VFB1_L : U402.-INB R430.2 D401.A1", "net LW_VFB1_L : U402.-INB R430.2 D401.K2"), ("net LW_CHV1R_L : D401.K2 R407.1", "net LW_CHV1R_L : D401.A1 R407.1")));
        AssertTrips("lw-unmapped", Findings("loadwatch.txt", "cir-model RLOADL RLOADR \"the headphone\"", "cir-model RLOADL \"the headphone\""));
        // U408's sense and load-watch sides swapped on the left level pin: the sense network would reach GPIO 36 only
        // while the output relay is closed
        var s = Findings("loadwatch.txt", ("net LW_LPIN_L : R426.2 C407.1 D407.K1A2 U408.NO1", "net LW_LPIN_L : R426.2 C407.1 D407.K1A2 U408.NC1"), ("net SENSE_ADC_L : U408.NC1", "net SENSE_ADC_L : U408.NO1"));
        Assert.IsTrue(s.Any(x => x.Rule == "lw-pins" && x.Message.Contains("NC1")), string.Join("\n", s));
    }

    [TestMethod]
    public void S2_S7_a_jack_out_latch_that_is_bypassed_not_cleared_by_the_jack_or_set_by_anything_but_OutputRelay_fails_the_safety_check()
    {
        AssertTrips("jack-latch", Findings("safety.txt", "net JACK_LATCH : U912.Q Q916.G", "net JACK_LATCH : U912.Q\nnet +3V3 : Q916.G"));
        AssertTrips("jack-latch", Findings("safety.txt", "net JACK_IN : R914.2 R913.2 C911.1 Q912.G Q913.G U912.~CLR", "net JACK_IN : R914.2 R913.2 C911.1 Q912.G Q913.G\nnet +3V3 : U912.~CLR"));
        AssertTrips("jack-latch", Findings("safety.txt", "net K1_DRIVE : R911.1 R912.1 U912.CLK", "net K1_DRIVE : R911.1 R912.1\nnet WD_FEED : U912.CLK"));
        AssertTrips("jack-latch", Findings("safety.txt", "U912.VCC U912.D U912.~PRE", "U912.VCC U912.~PRE\nnet GND : U912.D"));
    }

    [TestMethod]
    public void S2_S8_removing_a_hardware_safety_path_fails_the_safety_check()
    {
        AssertTrips("jack-interlock", Findings("safety.txt", "net JACK_IN : R914.2 R913.2 C911.1 Q912.G Q913.G U912.~CLR", "net JACK_IN : R914.2 R913.2 C911.1 Q913.G U912.~CLR\nnet +3V3 : Q912.G"));
        AssertTrips("watchdog", Findings("safety.txt", "net WD_FEED : U911.B R917.1", "net WD_FEED : R917.1\nnet +3V3 : U911.B"));
        AssertTrips("watchdog", Findings("safety.txt", "net ESP_EN : U911.~CLR", "net +3V3 : U911.~CLR"));
        AssertTrips("relay-flyback", Findings("expander.txt", "net K3_COIL_LO : Q611.D D611.A", "net K3_COIL_LO : Q611.D\nnet GND : D611.A"));
        AssertTrips("supervisor-interlock", Findings("volume-pt2258.txt", "U201.IO13 Q1414.G", "U201.IO13\nnet +3V3 : Q1414.G"));
    }

    [TestMethod]
    public void A_relay_called_by_another_part_s_name_or_an_unknown_IC_fails_the_name_check()
    {
        var board = BoardGen.Model.BoardReader.ReadDefault(BoardFiles.BoardDir);
        string doc = Path.Combine(Path.GetTempPath(), $"names-{System.Guid.NewGuid():N}.md");
        File.WriteAllText(doc, "| P0 | 01h | gain relay K1 | -20 dB |\nThe output relay K1 opens. K9 is not on the board. J7 neither. U408 is; U3999 is not.\n");
        try
        {
            var f = NameCheck.Run(board, BoardFiles.Repo, new[] { doc });
            Assert.IsTrue(f.Any(x => x.Rule == "name-role" && x.Message.Contains("K1 is called a gain relay")), string.Join("\n", f));
            Assert.IsTrue(f.Any(x => x.Rule == "name-unknown-relay" && x.Message.Contains("K9")), string.Join("\n", f));
            Assert.IsTrue(f.Any(x => x.Rule == "name-unknown-connector" && x.Message.Contains("J7")), string.Join("\n", f));
            Assert.IsTrue(f.Any(x => x.Rule == "name-unknown-chip" && x.Message.Contains("U3999")), string.Join("\n", f));
            Assert.HasCount(4, f, string.Join("\n", f)); // "The output relay K1" and U408 are right and not reported
        }
        finally { File.Delete(doc); }
    }
}
