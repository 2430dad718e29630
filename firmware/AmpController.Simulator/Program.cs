using System;
using AmpController.Simulator.Cli;

return AmpSimCli.Dispatch(args, Console.In, Console.Out, Console.Error);
