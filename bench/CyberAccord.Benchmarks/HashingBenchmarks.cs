using BenchmarkDotNet.Attributes;
using CyberAccord.Log.Merkle;

namespace CyberAccord.Benchmarks;

[MemoryDiagnoser]
public class HashingBenchmarks
{
    private readonly byte[] _entry = new byte[1024];
    private readonly byte[] _left = new byte[32];
    private readonly byte[] _right = new byte[32];
    private readonly byte[] _output = new byte[32];

    [GlobalSetup]
    public void Setup() => Random.Shared.NextBytes(_entry);

    [Benchmark(Description = "leaf hash, 1 KiB entry")]
    public void LeafHash() => Rfc6962.HashLeaf(_entry, _output);

    [Benchmark(Description = "node hash")]
    public void NodeHash() => Rfc6962.HashChildren(_left, _right, _output);
}
