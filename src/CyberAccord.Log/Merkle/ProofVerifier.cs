using System.Numerics;
using System.Security.Cryptography;

namespace CyberAccord.Log.Merkle;

/// <summary>
/// Checks RFC 9162 inclusion and consistency proofs (§2.1.3.2, §2.1.4.2), with the strictness of
/// transparency-dev/merkle: hashes must be 32 bytes, proofs exactly as long as the sizes imply,
/// and a consistency proof from the empty tree is refused as meaningless.
/// </summary>
public static class ProofVerifier
{
    public static void VerifyInclusion(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof,
        ReadOnlySpan<byte> root)
    {
        var computed = RootFromInclusionProof(index, treeSize, leafHash, proof);
        if (!CryptographicOperations.FixedTimeEquals(computed, root))
        {
            throw new ProofException($"inclusion proof for index {index} in tree size {treeSize} leads to root "
                + $"{Convert.ToBase64String(computed)}, not {Convert.ToBase64String(root)}");
        }
    }

    public static bool TryVerifyInclusion(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof,
        ReadOnlySpan<byte> root, out string? error)
    {
        try
        {
            VerifyInclusion(index, treeSize, leafHash, proof, root);
            error = null;
            return true;
        }
        catch (ProofException e)
        {
            error = e.Message;
            return false;
        }
    }

    public static byte[] RootFromInclusionProof(long index, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> proof)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (index < 0 || treeSize < 0)
        {
            throw new ProofException("index and tree size must not be negative");
        }

        if (index >= treeSize)
        {
            throw new ProofException($"index {index} is beyond tree size {treeSize}");
        }

        if (leafHash.Length != Rfc6962.HashSize)
        {
            throw new ProofException($"leaf hash is {leafHash.Length} bytes, not {Rfc6962.HashSize}");
        }

        RequireHashSizes(proof);
        var (inner, border) = Decompose((ulong)index, (ulong)treeSize);
        if (proof.Count != inner + border)
        {
            throw new ProofException($"inclusion proof has {proof.Count} hashes, expected {inner + border}");
        }

        var hash = leafHash.ToArray();
        ChainInner(hash, proof, 0, inner, (ulong)index);
        ChainBorderRight(hash, proof, inner, border);
        return hash;
    }

    public static void VerifyConsistency(long oldSize, long newSize, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> oldRoot,
        ReadOnlySpan<byte> newRoot)
    {
        ArgumentNullException.ThrowIfNull(proof);
        if (oldSize < 0 || newSize < oldSize)
        {
            throw new ProofException($"new size {newSize} is smaller than old size {oldSize}");
        }

        RequireHashSizes(proof);
        if (oldSize == 0)
        {
            throw new ProofException("a consistency proof from the empty tree is meaningless");
        }

        if (oldSize == newSize)
        {
            if (proof.Count > 0)
            {
                throw new ProofException("sizes are equal but the proof is not empty");
            }

            RequireMatch(oldRoot, newRoot, "old root", "new root");
            return;
        }

        if (oldRoot.Length != Rfc6962.HashSize || newRoot.Length != Rfc6962.HashSize)
        {
            throw new ProofException($"roots must be {Rfc6962.HashSize} bytes; got {oldRoot.Length} and {newRoot.Length}");
        }

        if (proof.Count == 0)
        {
            throw new ProofException("empty consistency proof");
        }

        var (inner, border) = Decompose((ulong)oldSize - 1, (ulong)newSize);
        var shift = BitOperations.TrailingZeroCount((ulong)oldSize);
        inner -= shift;

        // The proof starts with the root of the subtree of size 2^shift, unless the old tree is exactly that subtree.
        byte[] seed;
        int start;
        if (oldSize == 1L << shift)
        {
            seed = oldRoot.ToArray();
            start = 0;
        }
        else
        {
            seed = proof[0];
            start = 1;
        }

        if (proof.Count != start + inner + border)
        {
            throw new ProofException($"consistency proof has {proof.Count} hashes, expected {start + inner + border}");
        }

        var mask = ((ulong)oldSize - 1) >> shift;
        var hash1 = (byte[])seed.Clone();
        ChainInnerRight(hash1, proof, start, inner, mask);
        ChainBorderRight(hash1, proof, start + inner, border);
        RequireMatch(hash1, oldRoot, "computed old root", "old root");

        var hash2 = (byte[])seed.Clone();
        ChainInner(hash2, proof, start, inner, mask);
        ChainBorderRight(hash2, proof, start + inner, border);
        RequireMatch(hash2, newRoot, "computed new root", "new root");
    }

    public static bool TryVerifyConsistency(long oldSize, long newSize, IReadOnlyList<byte[]> proof, ReadOnlySpan<byte> oldRoot,
        ReadOnlySpan<byte> newRoot, out string? error)
    {
        try
        {
            VerifyConsistency(oldSize, newSize, proof, oldRoot, newRoot);
            error = null;
            return true;
        }
        catch (ProofException e)
        {
            error = e.Message;
            return false;
        }
    }

    private static void RequireHashSizes(IReadOnlyList<byte[]> proof)
    {
        for (var i = 0; i < proof.Count; i++)
        {
            if (proof[i] is null || proof[i].Length != Rfc6962.HashSize)
            {
                throw new ProofException($"proof hash {i} is {proof[i]?.Length ?? 0} bytes, not {Rfc6962.HashSize}");
            }
        }
    }

    private static void RequireMatch(ReadOnlySpan<byte> computed, ReadOnlySpan<byte> expected, string computedName, string expectedName)
    {
        if (!CryptographicOperations.FixedTimeEquals(computed, expected))
        {
            throw new ProofException(
                $"{computedName} {Convert.ToBase64String(computed)} does not match {expectedName} {Convert.ToBase64String(expected)}");
        }
    }

    private static (int Inner, int Border) Decompose(ulong index, ulong size)
    {
        var inner = 64 - BitOperations.LeadingZeroCount(index ^ (size - 1));
        var border = BitOperations.PopCount(index >> inner);
        return (inner, border);
    }

    private static void ChainInner(byte[] seed, IReadOnlyList<byte[]> proof, int start, int count, ulong index)
    {
        for (var i = 0; i < count; i++)
        {
            if (((index >> i) & 1) == 0)
            {
                Rfc6962.HashChildren(seed, proof[start + i], seed);
            }
            else
            {
                Rfc6962.HashChildren(proof[start + i], seed, seed);
            }
        }
    }

    private static void ChainInnerRight(byte[] seed, IReadOnlyList<byte[]> proof, int start, int count, ulong index)
    {
        for (var i = 0; i < count; i++)
        {
            if (((index >> i) & 1) == 1)
            {
                Rfc6962.HashChildren(proof[start + i], seed, seed);
            }
        }
    }

    private static void ChainBorderRight(byte[] seed, IReadOnlyList<byte[]> proof, int start, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Rfc6962.HashChildren(proof[start + i], seed, seed);
        }
    }
}
