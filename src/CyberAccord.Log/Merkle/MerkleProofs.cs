using System.Numerics;

namespace CyberAccord.Log.Merkle;

/// <summary>
/// Builds RFC 6962 inclusion and consistency proofs, and tree hashes, from stored complete-subtree
/// hashes. The recursion follows RFC 9162 §2.1.3.1 and §2.1.4.1; every hash it needs is read in one
/// batch, then the proof is assembled without further I/O.
/// </summary>
public static class MerkleProofs
{
    public static async ValueTask<byte[][]> InclusionAsync(IStoredHashReader reader, long index, long treeSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (index < 0 || treeSize <= 0 || index >= treeSize)
        {
            throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is not in a tree of size {treeSize}");
        }

        var positions = new List<long>(64);
        LeafProofPositions(0, treeSize, index, positions);
        var hashes = await ReadAsync(reader, positions, cancellationToken).ConfigureAwait(false);
        var proof = new List<byte[]>(64);
        var cursor = 0;
        LeafProof(0, treeSize, index, hashes, ref cursor, proof);
        return [.. proof];
    }

    public static async ValueTask<byte[][]> ConsistencyAsync(IStoredHashReader reader, long oldSize, long newSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (oldSize < 0 || oldSize > newSize)
        {
            throw new ArgumentOutOfRangeException(nameof(oldSize), $"cannot prove size {oldSize} consistent with size {newSize}");
        }

        if (oldSize == 0 || oldSize == newSize)
        {
            return [];
        }

        var positions = new List<long>(64);
        TreeProofPositions(0, newSize, oldSize, positions);
        var hashes = await ReadAsync(reader, positions, cancellationToken).ConfigureAwait(false);
        var proof = new List<byte[]>(64);
        var cursor = 0;
        TreeProof(0, newSize, oldSize, hashes, ref cursor, proof);
        return [.. proof];
    }

    public static async ValueTask<byte[]> TreeHashAsync(IStoredHashReader reader, long treeSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        if (treeSize == 0)
        {
            return Rfc6962.EmptyRoot.ToArray();
        }

        var positions = new List<long>(64);
        SubtreePositions(0, treeSize, positions);
        var hashes = await ReadAsync(reader, positions, cancellationToken).ConfigureAwait(false);
        var cursor = 0;
        return SubtreeHash(0, treeSize, hashes, ref cursor);
    }

    private static async ValueTask<byte[]> ReadAsync(IStoredHashReader reader, List<long> positions, CancellationToken cancellationToken)
    {
        var buffer = new byte[positions.Count * Rfc6962.HashSize];
        if (positions.Count > 0)
        {
            await reader.ReadHashesAsync(positions.ToArray(), buffer, cancellationToken).ConfigureAwait(false);
        }

        return buffer;
    }

    /// <summary>The largest power of two strictly below <paramref name="n"/> (n ≥ 2).</summary>
    private static long SplitPoint(long n) => 1L << (63 - BitOperations.LeadingZeroCount((ulong)(n - 1)));

    private static void LeafProofPositions(long lo, long hi, long n, List<long> need)
    {
        if (lo + 1 == hi)
        {
            return;
        }

        var k = SplitPoint(hi - lo);
        if (n < lo + k)
        {
            LeafProofPositions(lo, lo + k, n, need);
            SubtreePositions(lo + k, hi, need);
        }
        else
        {
            SubtreePositions(lo, lo + k, need);
            LeafProofPositions(lo + k, hi, n, need);
        }
    }

    private static void LeafProof(long lo, long hi, long n, byte[] hashes, ref int cursor, List<byte[]> proof)
    {
        if (lo + 1 == hi)
        {
            return;
        }

        var k = SplitPoint(hi - lo);
        byte[] sibling;
        if (n < lo + k)
        {
            LeafProof(lo, lo + k, n, hashes, ref cursor, proof);
            sibling = SubtreeHash(lo + k, hi, hashes, ref cursor);
        }
        else
        {
            sibling = SubtreeHash(lo, lo + k, hashes, ref cursor);
            LeafProof(lo + k, hi, n, hashes, ref cursor, proof);
        }

        proof.Add(sibling);
    }

    private static void TreeProofPositions(long lo, long hi, long n, List<long> need)
    {
        if (n == hi)
        {
            if (lo != 0)
            {
                SubtreePositions(lo, hi, need);
            }

            return;
        }

        var k = SplitPoint(hi - lo);
        if (n <= lo + k)
        {
            TreeProofPositions(lo, lo + k, n, need);
            SubtreePositions(lo + k, hi, need);
        }
        else
        {
            SubtreePositions(lo, lo + k, need);
            TreeProofPositions(lo + k, hi, n, need);
        }
    }

    private static void TreeProof(long lo, long hi, long n, byte[] hashes, ref int cursor, List<byte[]> proof)
    {
        if (n == hi)
        {
            if (lo != 0)
            {
                proof.Add(SubtreeHash(lo, hi, hashes, ref cursor));
            }

            return;
        }

        var k = SplitPoint(hi - lo);
        byte[] sibling;
        if (n <= lo + k)
        {
            TreeProof(lo, lo + k, n, hashes, ref cursor, proof);
            sibling = SubtreeHash(lo + k, hi, hashes, ref cursor);
        }
        else
        {
            sibling = SubtreeHash(lo, lo + k, hashes, ref cursor);
            TreeProof(lo + k, hi, n, hashes, ref cursor, proof);
        }

        proof.Add(sibling);
    }

    /// <summary>The stored hashes whose fold is MTH(D[lo:hi]): maximal aligned complete subtrees, left to right.</summary>
    private static void SubtreePositions(long lo, long hi, List<long> need)
    {
        while (lo < hi)
        {
            var level = LargestAlignedLevel(lo, hi);
            need.Add(StoredHashes.Index(level, lo >> level));
            lo += 1L << level;
        }
    }

    private static byte[] SubtreeHash(long lo, long hi, byte[] hashes, ref int cursor)
    {
        var count = 0;
        for (var at = lo; at < hi; at += 1L << LargestAlignedLevel(at, hi))
        {
            count++;
        }

        var first = cursor;
        cursor += count;
        var hash = hashes.AsSpan((first + count - 1) * Rfc6962.HashSize, Rfc6962.HashSize).ToArray();
        for (var i = count - 2; i >= 0; i--)
        {
            Rfc6962.HashChildren(hashes.AsSpan((first + i) * Rfc6962.HashSize, Rfc6962.HashSize), hash, hash);
        }

        return hash;
    }

    /// <summary>The level of the largest power-of-two subtree that fits in [lo, hi); lo is always aligned to it here.</summary>
    private static int LargestAlignedLevel(long lo, long hi) => 63 - BitOperations.LeadingZeroCount((ulong)(hi - lo));
}
