namespace CyberAccord.Log.Tiles;

/// <summary>Which tiles a tree of a given size consists of.</summary>
public static class TileLayout
{
    /// <summary>The number of hashes stored at tile level <paramref name="tileLevel"/> (hashes of height 8·level subtrees).</summary>
    public static long HashesAtLevel(long treeSize, int tileLevel) =>
        tileLevel * TileId.Height >= 63 ? 0 : treeSize >> (tileLevel * TileId.Height);

    /// <summary>The width of the partial tile at <paramref name="tileLevel"/>: floor(s/256^l) mod 256, 0 when there is none.</summary>
    public static int PartialWidth(long treeSize, int tileLevel) => (int)(HashesAtLevel(treeSize, tileLevel) % TileId.FullWidth);

    /// <summary>Every hash tile and entry bundle a tree of <paramref name="treeSize"/> consists of, level by level.</summary>
    public static IEnumerable<TileId> TilesFor(long treeSize, bool includeEntryBundles = true)
    {
        for (var level = 0; HashesAtLevel(treeSize, level) > 0; level++)
        {
            var hashes = HashesAtLevel(treeSize, level);
            var full = hashes / TileId.FullWidth;
            var partial = (int)(hashes % TileId.FullWidth);
            for (long n = 0; n < full; n++)
            {
                if (level == 0 && includeEntryBundles)
                {
                    yield return TileId.Entries(n);
                }

                yield return TileId.Hashes(level, n);
            }

            if (partial > 0)
            {
                if (level == 0 && includeEntryBundles)
                {
                    yield return TileId.Entries(full, partial);
                }

                yield return TileId.Hashes(level, full, partial);
            }
        }
    }

    /// <summary>
    /// The tile at <paramref name="tileLevel"/> that holds hash <paramref name="hashIndex"/> of that level, sized for the tree.
    /// </summary>
    public static TileId TileHolding(long treeSize, int tileLevel, long hashIndex)
    {
        var tileIndex = hashIndex / TileId.FullWidth;
        var hashes = HashesAtLevel(treeSize, tileLevel);
        var width = (int)Math.Min(TileId.FullWidth, hashes - (tileIndex * TileId.FullWidth));
        return TileId.Hashes(tileLevel, tileIndex, width);
    }
}
