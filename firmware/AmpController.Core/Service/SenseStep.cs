using AmpController.Core.Sensing;

namespace AmpController.Core.Service
{
    /// <summary>
    /// One impedance measurement spread over loop periods (the estimator reads at most 16 ADC values a tick and needs
    /// about 80 ms): Begin, then Poll once a period until it returns true. Gives up after <see cref="GiveUpMs"/>.
    /// </summary>
    public sealed class SenseStep
    {
        /// <summary>The estimator finishes within 8 windows of 20 ms plus the quiet wait and the zeros (hardware/README.md).</summary>
        public const int GiveUpMs = 1000;

        private readonly ServicePorts _ports;
        private long _startMs;
        private bool _running;

        public SenseStep(ServicePorts ports)
        {
            _ports = ports;
        }

        /// <summary>True when the last measurement did not finish in time (the result is then meaningless).</summary>
        public bool TimedOut { get; private set; }

        public void Begin()
        {
            _startMs = _ports.Clock.NowMs;
            _ports.Sensor.Start(_startMs);
            _running = true;
            TimedOut = false;
        }

        /// <summary>Advances the measurement; true once it finished or gave up.</summary>
        public bool Poll()
        {
            if (!_running) return true;
            long now = _ports.Clock.NowMs;
            if (_ports.Sensor.Poll(now))
            {
                _running = false;
                return true;
            }
            if (now - _startMs < GiveUpMs) return false;
            _ports.Sensor.Stop();
            _running = false;
            TimedOut = true;
            return true;
        }

        public void Abort()
        {
            if (_running) _ports.Sensor.Stop();
            _running = false;
        }
    }
}
