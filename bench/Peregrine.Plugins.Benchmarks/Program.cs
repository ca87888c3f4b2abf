using BenchmarkDotNet.Running;
using Peregrine.Plugins.Benchmarks;

// Micro-benchmarks of the plugin host:
//   dotnet run -c Release --project bench/Peregrine.Plugins.Benchmarks -- --filter '*'
// The C baseline (a bare next_batch loop in C) next to the same loop through the host:
//   dotnet run -c Release --project bench/Peregrine.Plugins.Benchmarks -- native-loop [events]
// (it also prints the C extraction baseline).
if (args.Length > 0 && args[0] == "native-loop")
{
    return NativeLoopComparison.Run(args.Length > 1 ? long.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200_000_000);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
