using AmpController.Core.Sensing;

namespace AmpController.Simulator.Board;

/// <summary>
/// TEMPORARY stand-in until the sensing issue's SimSenseCircuit and Core sensor land: classifies the true load
/// directly (design.md §5 class bounds) after a fixed 60 ms, with no circuit or ADC model. Replaced, not extended.
/// </summary>
internal sealed class StandInSensor : IImpedanceSensor
{
    private const int MeasureMs = 60;
    private readonly SenseResult _result = new();
    private long _startedAt = -1;
    private int _spikes;

    public HeadphoneLoad? Load { get; set; }
    public SenseResult Result => _result;

    public void InjectSpikes(int count) => _spikes += count;

    public void ClearSpikes() => _spikes = 0;

    public void Start(long nowMs) => _startedAt = nowMs;

    public bool Poll(long nowMs)
    {
        if (_startedAt < 0 || nowMs - _startedAt < MeasureMs) return false;
        _startedAt = -1;
        var load = Load;
        _result.LeftOhm = _result.RightOhm = double.NaN;
        if (load == null) { Set(LoadClass.Open, LoadClass.Open, LoadClass.Open); return true; }
        if (_spikes > 0) { _spikes--; Set(LoadClass.Uncertain, LoadClass.Uncertain, LoadClass.Uncertain); return true; }
        LoadClass l = Classify(load.LeftOhm), r = Classify(load.RightOhm);
        LoadClass all = load.HalfInserted ? LoadClass.Uncertain
            : l == r ? l
            : (l == LoadClass.Short) != (r == LoadClass.Short) ? LoadClass.Mono : LoadClass.Uncertain;
        if (l == LoadClass.Headphone) _result.LeftOhm = load.LeftOhm;
        if (r == LoadClass.Headphone) _result.RightOhm = load.RightOhm;
        Set(l, r, all);
        return true;
    }

    public void Stop() => _startedAt = -1;

    private void Set(LoadClass l, LoadClass r, LoadClass all)
    {
        _result.LeftClass = l;
        _result.RightClass = r;
        _result.Class = all;
    }

    private static LoadClass Classify(double ohm) =>
        ohm < 2 ? LoadClass.Short : ohm > 100_000 ? LoadClass.Open : ohm > 5_000 ? LoadClass.Line : LoadClass.Headphone;
}
