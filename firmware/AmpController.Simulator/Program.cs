using System;
using AmpController.Simulator.Cli;

return CommandTable.Dispatch(args, Console.In, Console.Out, Console.Error);
