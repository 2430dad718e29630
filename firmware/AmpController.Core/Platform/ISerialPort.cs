namespace AmpController.Core.Platform
{
    /// <summary>
    /// A UART as nanoFramework's System.IO.Ports.SerialPort (1.1.139) offers it, reduced to what the console uses. The
    /// device wrapper passes each call straight through; the rules below are what keeps the control loop from waiting,
    /// and Core's SerialTerminal keeps them (tested on the host with a port that fails the test when one is broken):
    /// - <see cref="Read"/> is only called with count ≤ <see cref="BytesToRead"/>: the native read returns at once when
    ///   the ring buffer already holds count bytes and otherwise waits for more until ReadTimeout (nf-interpreter
    ///   targets/ESP32/_nanoCLR/System.IO.Ports/sys_io_ser_native_System_IO_Ports_SerialPort.cpp, Read___I4__SZARRAY_U1__I4__I4);
    /// - <see cref="Write"/> is only called with the whole array (offset 0, count = data.Length): the same file's
    ///   Write___VOID__SZARRAY_U1__I4__I4 sizes the transfer from the array's length, not from count.
    /// Any member may throw (port closed, native error); the caller catches.
    /// </summary>
    public interface ISerialPort
    {
        /// <summary>Bytes waiting in the receive ring buffer (never waits).</summary>
        int BytesToRead { get; }

        /// <summary>Copies up to <paramref name="count"/> waiting bytes into <paramref name="buffer"/>; returns how many.</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends every byte of <paramref name="data"/>.</summary>
        void Write(byte[] data);
    }
}
