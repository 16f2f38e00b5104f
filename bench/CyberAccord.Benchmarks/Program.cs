using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/CyberAccord.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(CyberAccord.Benchmarks.HashingBenchmarks).Assembly).Run(args);
