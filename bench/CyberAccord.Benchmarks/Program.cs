using BenchmarkDotNet.Running;
using CyberAccord.Benchmarks;

// dotnet run -c Release --project bench/CyberAccord.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/CyberAccord.Benchmarks -- generate-bundle FILE MEGABYTES
if (args.Length == 3 && args[0] == "generate-bundle")
{
    BundleGenerator.Generate(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) << 20);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(HashingBenchmarks).Assembly).Run(args);
