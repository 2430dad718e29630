using AmpController.Core.Devices;
using AmpController.Core.Platform;
using AmpController.Core.Sensing;

namespace AmpController.Core.Service
{
    /// <summary>
    /// The hardware a service procedure may drive while the controller is parked (IServiceGate), and what it reports
    /// on. The ESP32 app and the simulator fill it from the same board they build the controller from.
    /// </summary>
    public sealed class ServicePorts
    {
        public IClock Clock;
        public IRegisterBus Bus;
        public IVolumeChip Volume;
        /// <summary>7-bit address of the volume chip; true when it is the write-only PT2258.</summary>
        public int VolumeAddress;
        public bool VolumeWriteOnly;
        public Tca9534 Expander;
        public int ExpanderAddress;
        public IDigitalOutput OutputRelay;
        /// <summary>Logical level: true = a plug is in the jack.</summary>
        public IDigitalInput JackSwitch;
        public ImpedanceSensor Sensor;
        public SensePorts Sense;
        public SenseCalibrationStore CalibrationStore;
        /// <summary>PT2258 board: the volume chip's supply supervisor (true = supply good); null on the DS1882 board.</summary>
        public IDigitalInput? VolumeSupplyGood;
        public IHeapProbe? Heap;
        public LoopTiming? Timing;
        /// <summary>What selftest says for tick time when <see cref="Timing"/> has no figures.</summary>
        public string TimingNote = "not measured on this platform";

        public ServicePorts(IClock clock, IRegisterBus bus, IVolumeChip volume, int volumeAddress, bool volumeWriteOnly,
            Tca9534 expander, int expanderAddress, IDigitalOutput outputRelay, IDigitalInput jackSwitch,
            ImpedanceSensor sensor, SensePorts sense, SenseCalibrationStore calibrationStore)
        {
            Clock = clock;
            Bus = bus;
            Volume = volume;
            VolumeAddress = volumeAddress;
            VolumeWriteOnly = volumeWriteOnly;
            Expander = expander;
            ExpanderAddress = expanderAddress;
            OutputRelay = outputRelay;
            JackSwitch = jackSwitch;
            Sensor = sensor;
            Sense = sense;
            CalibrationStore = calibrationStore;
        }
    }
}
