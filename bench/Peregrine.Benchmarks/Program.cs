using BenchmarkDotNet.Running;

// Entry point for every micro-benchmark suite: `dotnet run -c Release --project bench/Peregrine.Benchmarks -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
