using System;
using AmpController.Simulator.Cli;

return CommandTable.Dispatch(args, Console.Out, Console.Error);
