using System;
using System.IO.Ports;
using AmpController.Core.Platform;
using AmpController.Core.SerialConsole;
using nanoFramework.Hardware.Esp32;

namespace AmpController.Esp32.Adapters
{
    /// <summary>
    /// The console UART: COM2 (the ESP32's UART1 in nanoFramework's numbering COMn = UART n−1; COM1 is the debugger link)
    /// on header J302, 115200 baud 8N1, no handshake (docs/console.md, hardware/pinmap.md). A pass-through to
    /// System.IO.Ports.SerialPort 1.1.139: Core's SerialTerminal keeps ISerialPort's rules (read only what BytesToRead
    /// holds, write whole arrays) and catches what the port throws. DataReceived is not subscribed: the firmware posts a
    /// managed serial event only when a handler is registered (uart_event_task_sys in nf-interpreter
    /// targets/ESP32/_nanoCLR/System.IO.Ports/sys_io_ser_native_System_IO_Ports_SerialPort.cpp), so no event reaches
    /// the interpreter's dispatcher; the loop polls instead.
    /// </summary>
    public sealed class Esp32SerialPort : ISerialPort
    {
        public const string PortName = "COM2";
        public const int BaudRate = 115200;

        private readonly SerialPort _port;

        private Esp32SerialPort(SerialPort port)
        {
            _port = port;
        }

        /// <summary>
        /// Routes COM2 to BoardPins.ConsoleRx/ConsoleTx (before the port is made, as nanoFramework's samples do) and opens
        /// it; null when that fails, with the reason on <paramref name="debug"/>: the amplifier then runs without a
        /// console rather than crashing at start-up (a crash here would count towards the S8 boot loop).
        /// </summary>
        public static Esp32SerialPort? Open(IConsoleOutput debug)
        {
            try
            {
                Configuration.SetPinFunction(BoardPins.ConsoleRx, DeviceFunction.COM2_RX);
                Configuration.SetPinFunction(BoardPins.ConsoleTx, DeviceFunction.COM2_TX);
                var port = new SerialPort(PortName, BaudRate, Parity.None, 8, StopBits.One);
                port.Handshake = Handshake.None;
                port.Open();
                return new Esp32SerialPort(port);
            }
            catch (Exception e)
            {
                debug.WriteLine("console: " + PortName + " could not be opened (" + e.Message + "); no serial console");
                return null;
            }
        }

        public int BytesToRead
        {
            get { return _port.BytesToRead; }
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            return _port.Read(buffer, offset, count);
        }

        public void Write(byte[] data)
        {
            _port.Write(data, 0, data.Length);
        }
    }
}
