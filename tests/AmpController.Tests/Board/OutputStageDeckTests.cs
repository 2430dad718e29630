using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Board;

/// <summary>
/// The gain and output sheets in ngspice (deck output-stage): the three gains of docs/design.md §2 come from the gain
/// relays as the firmware sets them (Core/Devices/Tca9534: 00, 01, 11), K4 alone changes nothing (a relay that drops
/// out never raises the gain, S1/S3), and the output impedance at the jack is about 0.1 Ω, 10 Ω with K5.
/// </summary>
[TestClass]
public sealed class OutputStageDeckTests
{
    [TestMethod]
    public void S3_the_gain_relays_give_minus_20_0_and_plus_12_dB_and_a_dropped_relay_only_lowers_the_gain()
    {
        var r = BoardDecks.Results("output-stage");
        // into 32 ohm behind two 50 mohm contacts (-0.03 dB)
        Assert.AreEqual(-20.0, r["gain_db_k3_off_k4_off"], 0.1);
        Assert.AreEqual(0.0, r["gain_db_k3_on_k4_off"], 0.1);
        Assert.AreEqual(12.0, r["gain_db_k3_on_k4_on"], 0.1);
        Assert.AreEqual(r["gain_db_k3_off_k4_off"], r["gain_db_k3_off_k4_on"], 1e-6, "K4 acts only through K3");
        Assert.AreEqual(0.0, r["gain_db_ring_k3_on_k4_off"], 0.02, "right channel, 600 ohm");
    }

    [TestMethod]
    public void The_output_impedance_at_the_jack_is_the_relay_contacts_and_10_ohm_with_K5()
    {
        var r = BoardDecks.Results("output-stage");
        Assert.AreEqual(0.1, r["zout_ohm"], 0.01, "K5's and K1's contacts (50 mohm each in the model, 100 mohm max)");
        Assert.AreEqual(10.05, r["zout_series_ohm"], 0.05);
    }
}
