using CyberAccord.Log.Merkle;

namespace CyberAccord.Log.Tests.Merkle;

/// <summary>Stored hashes of a tree built in memory, for comparing proofs with reference values.</summary>
internal sealed class MemoryStoredHashes : IStoredHashReader
{
    private readonly List<byte[]> _hashes = [];
    private readonly MerkleFrontier _frontier = new();

    public static MemoryStoredHashes Of(IEnumerable<byte[]> leafInputs)
    {
        var stored = new MemoryStoredHashes();
        foreach (var input in leafInputs)
        {
            stored.AppendLeafHash(Rfc6962.HashLeaf(input));
        }

        return stored;
    }

    public long Size => _frontier.Size;

    public byte[] Root => _frontier.Root();

    public void AppendLeafHash(byte[] leafHash) => _frontier.Append(leafHash, (_, _, hash) => _hashes.Add(hash));

    public ValueTask ReadHashesAsync(ReadOnlyMemory<long> positions, Memory<byte> destination, CancellationToken cancellationToken)
    {
        for (var i = 0; i < positions.Length; i++)
        {
            _hashes[(int)positions.Span[i]].CopyTo(destination.Span[(i * 32)..]);
        }

        return ValueTask.CompletedTask;
    }
}
