using BenchmarkDotNet.Running;
using CyberAccord.Benchmarks;

// dotnet run -c Release --project bench/CyberAccord.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/CyberAccord.Benchmarks -- generate-bundle FILE MEGABYTES
// dotnet run -c Release --project bench/CyberAccord.Benchmarks -- taxii-ingest --dir DIR --collection cn-us --as US --objects N
// dotnet run -c Release --project bench/CyberAccord.Benchmarks -- log-bench --dir DIR --entries N
if (args.Length == 3 && args[0] == "generate-bundle")
{
    BundleGenerator.Generate(args[1], long.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) << 20);
    return 0;
}

if (args.Length > 0 && args[0] is "taxii-ingest" or "log-bench")
{
    using var stop = new CancellationTokenSource();
    Console.CancelKeyPress += (_, e) =>
    {
        e.Cancel = true;
        stop.Cancel();
    };
    return args[0] == "taxii-ingest"
        ? await TaxiiIngest.RunAsync(args[1..], stop.Token).ConfigureAwait(false)
        : await LogBench.RunAsync(args[1..], stop.Token).ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(HashingBenchmarks).Assembly).Run(args);
return 0;
