using System.Buffers;
using System.Security.Cryptography;

namespace CyberAccord.Log.Merkle;

/// <summary>
/// The RFC 6962 / RFC 9162 Merkle tree hash with SHA-256: leaves are hashed with a 0x00 prefix,
/// interior nodes with 0x01, so that a leaf can never be passed off as a node (second preimage).
/// </summary>
public static class Rfc6962
{
    public const int HashSize = 32;

    private static readonly byte[] s_emptyRoot = SHA256.HashData(ReadOnlySpan<byte>.Empty);

    /// <summary>The root of the empty tree: SHA-256 of the empty string.</summary>
    public static ReadOnlySpan<byte> EmptyRoot => s_emptyRoot;

    public static byte[] HashLeaf(ReadOnlySpan<byte> entry)
    {
        var hash = new byte[HashSize];
        HashLeaf(entry, hash);
        return hash;
    }

    public static void HashLeaf(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        // One contiguous buffer hashes faster than an incremental hash for the small entries that dominate.
        if (entry.Length < 1024)
        {
            Span<byte> buffer = stackalloc byte[entry.Length + 1];
            buffer[0] = 0x00;
            entry.CopyTo(buffer[1..]);
            SHA256.HashData(buffer, destination);
            return;
        }

        var rented = ArrayPool<byte>.Shared.Rent(entry.Length + 1);
        try
        {
            rented[0] = 0x00;
            entry.CopyTo(rented.AsSpan(1));
            SHA256.HashData(rented.AsSpan(0, entry.Length + 1), destination);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    public static byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[HashSize];
        HashChildren(left, right, hash);
        return hash;
    }

    /// <summary>SHA-256(0x01 ‖ left ‖ right). The destination may overlap either input.</summary>
    public static void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[1 + left.Length + right.Length];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + left.Length)..]);
        SHA256.HashData(buffer, destination);
    }

    /// <summary>
    /// The root of a complete subtree given its 2^k bottom hashes, concatenated (32 bytes each): the
    /// hash of one stored level from the level 8·t hashes a tile holds.
    /// </summary>
    public static byte[] CompleteSubtreeRoot(ReadOnlySpan<byte> hashes)
    {
        var count = hashes.Length / HashSize;
        if (count == 0 || hashes.Length % HashSize != 0 || (count & (count - 1)) != 0)
        {
            throw new ArgumentException(
                $"a complete subtree needs a power-of-two number of 32-byte hashes, not {hashes.Length} bytes", nameof(hashes));
        }

        var level = hashes.ToArray();
        for (; count > 1; count /= 2)
        {
            for (var i = 0; i < count / 2; i++)
            {
                HashChildren(
                    level.AsSpan(2 * i * HashSize, HashSize),
                    level.AsSpan(((2 * i) + 1) * HashSize, HashSize),
                    level.AsSpan(i * HashSize, HashSize));
            }
        }

        return level[..HashSize];
    }

    /// <summary>The Merkle tree hash of a complete or incomplete list of leaf hashes (RFC 6962 §2.1).</summary>
    public static byte[] RootFromLeafHashes(IReadOnlyList<byte[]> leafHashes)
    {
        var frontier = new MerkleFrontier();
        foreach (var leaf in leafHashes)
        {
            frontier.Append(leaf);
        }

        return frontier.Root();
    }
}
