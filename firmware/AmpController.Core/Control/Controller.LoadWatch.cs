using AmpController.Core.LoadWatch;
using AmpController.Core.Sensing;

namespace AmpController.Core.Control
{
    /// <summary>
    /// S7, the load that changes while the jack switch stays closed (an adapter left in the jack, an extension or a
    /// detachable cable; issue 19): while the relay is closed and the level ramps or plays, the load watch compares the
    /// load's |Z| with the one measured at insertion. Any change cuts the output and measures again as a new insertion
    /// (S2: it comes back at the safe level; the decision, the user's level and mute and any acknowledgment are gone).
    /// </summary>
    public sealed partial class Controller
    {
        private SenseResult? _measured;
        private int _watchedInsertion = -1;
        private int _loadChanges;
        private LoadWatchVerdict _lastLoadChange = LoadWatchVerdict.Same;

        /// <summary>How often the load watch found a different load and a new measurement started.</summary>
        public int LoadChangeCount { get { return _loadChanges; } }

        /// <summary>What the load watch saw the last time it fired (Same if never).</summary>
        public LoadWatchVerdict LastLoadChange { get { return _lastLoadChange; } }

        /// <summary>Called with the result the policy decided on, so the watch starts from what was measured.</summary>
        private void NoteMeasured(SenseResult result)
        {
            _measured = result;
        }

        private ControllerPhase WatchLoad(long now)
        {
            ILoadWatch? watch = _ports.LoadWatch;
            if (watch == null || !_output.RelayClosed) return _phase;
            if (State != ControllerState.RampUp && State != ControllerState.Playing) return _phase;
            if (_watchedInsertion != _insertionCount)
            {
                _watchedInsertion = _insertionCount;
                SenseResult? m = _measured;
                watch.Begin(m != null ? m.LeftOhm : double.NaN, m != null ? m.RightOhm : double.NaN);
            }
            watch.SetProfileConfirmed(_offerState == ProfileOfferState.Confirmed);
            LoadWatchVerdict verdict = watch.Update(now);
            if (verdict == LoadWatchVerdict.Same) return _phase;
            _loadChanges++;
            _lastLoadChange = verdict;
            return ControllerPhase.Measuring; // relay open first, then mute, then the sense relay: a fresh insertion
        }
    }
}
