using AmpController.Core.Control;
using AmpController.Core.SerialConsole;

namespace AmpController.Core.Service
{
    /// <summary>
    /// The console's service side over the running controller (IConsoleService), shared by the ESP32 app and
    /// `ampsim console`: the state after a command is shown once the controller has settled, and selftest and calibrate
    /// run with the controller parked (IServiceGate). Neither procedure confirms a profile or touches the limit (S12).
    /// </summary>
    public sealed class ConsoleService : IConsoleService, IServiceGate
    {
        private readonly Controller _controller;
        private readonly ServicePorts _ports;
        private readonly string _runtime;

        public ConsoleService(Controller controller, ServicePorts ports, string runtimeVersion)
        {
            _controller = controller;
            _ports = ports;
            _runtime = runtimeVersion;
        }

        public bool Settled { get { return _controller.Settled; } }
        public string RuntimeVersion { get { return _runtime; } }

        public IConsoleProcedure? StartSelfTest(out string refusal)
        {
            if (!TryPark(out refusal)) return null;
            return new SelfTestProcedure(_ports, this);
        }

        public IConsoleProcedure? StartCalibration(out string refusal)
        {
            if (!TryPark(out refusal)) return null;
            return new CalibrationProcedure(_ports, this);
        }

        /// <summary>A headphone in the jack refuses both procedures: they switch relays and drive the test source into
        /// the jack, which is for an empty jack or a calibration plug only.</summary>
        public bool TryPark(out string refusal)
        {
            refusal = "";
            if (_controller.Parked)
            {
                refusal = "a service procedure is already running";
                return false;
            }
            if (_ports.JackSwitch.Read())
            {
                refusal = "unplug the headphone first: selftest and calibrate need the jack empty (calibrate asks for its plugs)";
                return false;
            }
            _controller.Park();
            return true;
        }

        public bool Parked { get { return _controller.Parked; } }

        public void Release()
        {
            _controller.Unpark();
        }
    }
}
