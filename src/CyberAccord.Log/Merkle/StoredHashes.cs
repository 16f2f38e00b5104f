namespace CyberAccord.Log.Merkle;

/// <summary>
/// Index arithmetic for the flat array of every complete-subtree hash of a log, in the order they
/// become known as leaves are appended: a leaf hash, then the hashes of the subtrees it completes.
/// This is the layout of Go's sumdb <c>tlog</c> package; it lets a server read any proof hash with
/// one positioned read instead of re-hashing inside tiles.
/// </summary>
public static class StoredHashes
{
    /// <summary>The position of the hash of the subtree at <paramref name="level"/>, <paramref name="index"/>.</summary>
    public static long Index(int level, long index)
    {
        // Level L's n'th hash is stored right after level L+1's (2n+1)'th hash; walk down to level 0.
        for (var l = level; l > 0; l--)
        {
            index = (2 * index) + 1;
        }

        // Level 0's n'th hash is stored at n + n/2 + n/4 + ... .
        long position = 0;
        for (; index > 0; index >>= 1)
        {
            position += index;
        }

        return position + level;
    }

    /// <summary>How many hashes are stored for a tree of <paramref name="treeSize"/> leaves.</summary>
    public static long Count(long treeSize)
    {
        if (treeSize == 0)
        {
            return 0;
        }

        var count = Index(0, treeSize - 1) + 1;
        for (var i = (ulong)(treeSize - 1); (i & 1) != 0; i >>= 1)
        {
            count++;
        }

        return count;
    }

    /// <summary>The inverse of <see cref="Index"/>: which (level, index) a stored position holds.</summary>
    public static (int Level, long Index) Split(long position)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(position);

        // Index(0, n) < 2n, so the leaf committed just before the position lies in [position/2, position/2 + log2(position)].
        var n = position / 2;
        var atLeaf = Index(0, n);
        while (true)
        {
            // Leaf n+1 adds itself and one hash for each subtree it completes.
            var next = atLeaf + 1 + System.Numerics.BitOperations.TrailingZeroCount((ulong)(n + 1));
            if (next > position)
            {
                break;
            }

            n++;
            atLeaf = next;
        }

        var level = (int)(position - atLeaf);
        return (level, n >> level);
    }
}
