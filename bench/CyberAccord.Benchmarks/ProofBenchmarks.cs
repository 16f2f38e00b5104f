using BenchmarkDotNet.Attributes;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Storage.Files;

namespace CyberAccord.Benchmarks;

/// <summary>
/// Inclusion proofs of a 10,000,000-entry tree read from the log's stored-hash file (memory-mapped),
/// as the file backend serves them. Setup builds the file once per run.
/// </summary>
[MemoryDiagnoser]
public class ProofBenchmarks
{
    private const long TreeSize = 10_000_000;

    private string _directory = string.Empty;
    private StoredHashFile _hashes = null!;
    private long[] _indices = [];
    private int _next;
    private byte[] _root = [];
    private byte[][] _proof = [];
    private byte[] _leaf = [];

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "accord-proof-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(_directory);
        _hashes = new StoredHashFile(Path.Combine(_directory, "hashes"));
        var frontier = new MerkleFrontier();
        var buffer = new List<byte>(1 << 22);
        long position = 0;
        var entry = new byte[8];
        for (long i = 0; i < TreeSize; i++)
        {
            BitConverter.TryWriteBytes(entry, i);
            frontier.Append(Rfc6962.HashLeaf(entry), (_, _, hash) => buffer.AddRange(hash));
            if (buffer.Count >= 1 << 22)
            {
                _hashes.Write(position, buffer.ToArray());
                position += buffer.Count / 32;
                buffer.Clear();
            }
        }

        _hashes.Write(position, buffer.ToArray());
        _root = frontier.Root();
        var random = new Random(1);
        _indices = Enumerable.Range(0, 1 << 16).Select(_ => random.NextInt64(TreeSize)).ToArray();
        _leaf = Rfc6962.HashLeaf(BitConverter.GetBytes(_indices[0]));
        _proof = MerkleProofs.InclusionAsync(_hashes, _indices[0], TreeSize, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "inclusion proof, random index, 10M tree")]
    public byte[][] InclusionProof()
    {
        var index = _indices[_next++ & ((1 << 16) - 1)];
        return MerkleProofs.InclusionAsync(_hashes, index, TreeSize, CancellationToken.None).AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "verify inclusion proof, 10M tree")]
    public void VerifyInclusion() => ProofVerifier.VerifyInclusion(_indices[0], TreeSize, _leaf, _proof, _root);

    [GlobalCleanup]
    public void Cleanup()
    {
        _hashes.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
