using AmpController.Core.Acoustics;
using AmpController.Core.Sensing;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace AmpController.Tests.Acoustics;

[TestClass]
public class SafetyPolicyS7Tests
{
    static readonly LoadClass[] Unconfirmed = { LoadClass.Mono, LoadClass.Line, LoadClass.Uncertain };

    [TestMethod]
    [DataRow(LoadClass.Open)]
    [DataRow(LoadClass.Short)]
    public void S7_open_and_short_stay_muted_even_with_a_known_sensitivity(LoadClass c)
    {
        var input = PolicyInput.ForHeadphone(300);
        input.SetKnownSensitivity(97, SensitivityUnit.DbPerV);
        input.Profiles = new[] { new HeadphoneProfile("HD600", 300, 97, SensitivityUnit.DbPerV) };
        input.Class = c;
        var d = SafetyPolicy.Decide(input);
        Assert.IsTrue(d.Muted);
        Assert.AreEqual(AttenuatorProfile.MuteDb, d.CapDb);
        Assert.AreEqual(AttenuatorProfile.MuteDb, d.SafeStartDb);
        Assert.AreEqual(0, d.GainStep);
        Assert.IsTrue(d.HasReason(c == LoadClass.Open ? ReasonCodes.LoadOpen : ReasonCodes.LoadShort));
    }

    [TestMethod]
    [DataRow(LoadClass.Line, ReasonCodes.LoadLine)]
    [DataRow(LoadClass.Uncertain, ReasonCodes.LoadUncertain)]
    public void S7_line_inputs_and_uncertain_results_stay_muted_with_the_reason_reported(LoadClass c, string reason)
    {
        var input = PolicyInput.ForSense(new SenseResult { LeftOhm = 300, RightOhm = 300, Class = c });
        input.SetKnownSensitivity(90, SensitivityUnit.DbPerV);
        input.Profiles = new[] { new HeadphoneProfile("HD600", 300, 97, SensitivityUnit.DbPerV) };
        var d = SafetyPolicy.Decide(input);
        Assert.IsTrue(d.Muted);
        Assert.AreEqual(AttenuatorProfile.MuteDb, d.CapDb);
        Assert.AreEqual(AttenuatorProfile.MuteDb, d.SafeStartDb);
        Assert.AreEqual(0, d.GainStep);
        Assert.IsNull(d.Offer);
        Assert.IsTrue(d.HasReason(reason));
    }

    [TestMethod]
    public void S7_a_mono_plug_takes_lowest_gain_and_global_worst_case()
    {
        foreach (var c in new[] { LoadClass.Mono })
        {
            var input = PolicyInput.ForSense(new SenseResult { LeftOhm = 300, RightOhm = double.NaN, Class = c });
            input.Profiles = new[] { new HeadphoneProfile("HD600", 300, 97, SensitivityUnit.DbPerV) };
            var d = SafetyPolicy.Decide(input);
            Assert.AreEqual(0, d.GainStep, c.ToString());
            Assert.AreEqual(SensitivitySource.Unconfirmed, d.Source);
            Assert.IsFalse(d.SensitivityKnown);
            Assert.AreEqual(WorstCaseSensitivity.GlobalMaxDbPerV, d.AssumedSensitivityDbPerV, 1e-9);
            Assert.IsTrue(d.HasReason(ReasonCodes.SenseUnconfirmed));
            Assert.IsTrue(d.HasReason(ReasonCodes.GainLowestUnconfirmed));
        }
    }

    [TestMethod]
    public void S7_uncertain_never_yields_higher_cap_or_gain_than_confirmed_property()
    {
        var gen = Gen.Select(Gen.Double[1.0, 100_000.0], Gen.Double[50.0, 175.0], Gen.Int[0, 3], Gen.Double[55.0, 105.0],
            Gen.Int[0, 2], (ohm, sens, how, limit, cls) => (ohm, sens, how, limit, cls));
        gen.Sample(t =>
        {
            PolicyInput Make(LoadClass c)
            {
                var input = PolicyInput.ForHeadphone(t.ohm);
                input.Class = c;
                input.LimitDbA = t.limit;
                if (t.how == 1) input.SetKnownSensitivity(t.sens, SensitivityUnit.DbPerV);
                if (t.how == 2) input.SetKnownSensitivity(t.sens, SensitivityUnit.DbPerMw);
                if (t.how == 3) input.Profiles = new[] { new HeadphoneProfile("p", t.ohm, t.sens, SensitivityUnit.DbPerV) };
                return input;
            }
            var confirmed = SafetyPolicy.Decide(Make(LoadClass.Headphone));
            var unsure = SafetyPolicy.Decide(Make(Unconfirmed[t.cls]));
            if (Unconfirmed[t.cls] != LoadClass.Mono)
            {
                Assert.IsTrue(unsure.Muted, "S7: line and uncertain never play");
                return;
            }
            Assert.IsTrue(unsure.GainDb <= confirmed.GainDb, "gain");
            Assert.IsTrue(unsure.MaxTotalGainDb <= confirmed.MaxTotalGainDb, $"cap {unsure.MaxTotalGainDb} > {confirmed.MaxTotalGainDb}");
            Assert.IsTrue(unsure.AssumedSensitivityDbPerV >= confirmed.AssumedSensitivityDbPerV);
            Assert.IsTrue(unsure.SafeStartDb + unsure.GainDb <= confirmed.SafeStartDb + confirmed.GainDb
                || unsure.SafeStartDb == AttenuatorProfile.MuteDb, "safe start");
        }, iter: 2000);
    }
}
