namespace CyberAccord.Log.Merkle;

/// <summary>
/// The right edge of a growing RFC 6962 tree: one hash per set bit of the size, each the root of a
/// complete subtree that still waits for its right sibling. Appending a leaf merges equal-height
/// subtrees, so every interior node is hashed exactly once.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly byte[][] _levels = new byte[64][];

    public long Size { get; private set; }

    public MerkleFrontier()
    {
    }

    private MerkleFrontier(long size, byte[][] levels)
    {
        Size = size;
        for (var i = 0; i < levels.Length; i++)
        {
            _levels[i] = levels[i] is null ? null! : (byte[])levels[i].Clone();
        }
    }

    /// <summary>Starts from a tree of <paramref name="size"/> leaves given the roots of its complete subtrees.</summary>
    /// <param name="subtreeAtLevel">Returns the hash of the complete subtree at a level whose bit is set in the size.</param>
    public static MerkleFrontier Resume(long size, Func<int, byte[]> subtreeAtLevel)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var frontier = new MerkleFrontier { Size = size };
        for (var level = 0; level < 63; level++)
        {
            if (((size >> level) & 1) != 0)
            {
                frontier._levels[level] = subtreeAtLevel(level);
            }
        }

        return frontier;
    }

    public MerkleFrontier Clone() => new(Size, _levels);

    /// <summary>Appends a leaf hash.</summary>
    /// <param name="onCompleted">
    /// Called with (level, index, hash) for the leaf and for every subtree it completes, in that order; each hash array is the
    /// caller's to keep.
    /// </param>
    public void Append(ReadOnlySpan<byte> leafHash, Action<int, long, byte[]>? onCompleted = null)
    {
        var hash = leafHash.ToArray();
        var index = Size;
        onCompleted?.Invoke(0, index, hash);
        var level = 0;
        while (((index >> level) & 1) != 0)
        {
            // A fresh array per hash: callers may keep the ones they are handed.
            hash = Rfc6962.HashChildren(_levels[level], hash);
            _levels[level] = null!;
            level++;
            onCompleted?.Invoke(level, index >> level, hash);
        }

        _levels[level] = hash;
        Size++;
    }

    /// <summary>The tree hash of all leaves appended so far.</summary>
    public byte[] Root()
    {
        if (Size == 0)
        {
            return Rfc6962.EmptyRoot.ToArray();
        }

        byte[]? root = null;
        for (var level = 0; level < 64; level++)
        {
            var subtree = _levels[level];
            if (subtree is null)
            {
                continue;
            }

            root = root is null ? (byte[])subtree.Clone() : Rfc6962.HashChildren(subtree, root);
        }

        return root!;
    }
}
