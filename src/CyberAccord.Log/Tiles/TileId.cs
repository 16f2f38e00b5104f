using System.Globalization;
using System.Text;

namespace CyberAccord.Log.Tiles;

/// <summary>
/// A C2SP tlog-tiles resource: a hash tile <c>tile/&lt;L&gt;/&lt;N&gt;[.p/&lt;W&gt;]</c> or, with
/// <see cref="IsEntryBundle"/>, an entry bundle <c>tile/entries/&lt;N&gt;[.p/&lt;W&gt;]</c>.
/// </summary>
public readonly record struct TileId
{
    public const int Height = 8;
    public const int FullWidth = 1 << Height;

    /// <summary>The level for entry bundles, which sit beside level 0.</summary>
    public const int EntriesLevel = -1;

    public TileId(int level, long index, int width)
    {
        if (level is < EntriesLevel or > 63)
        {
            throw new ArgumentOutOfRangeException(nameof(level), $"tile level {level} is outside 0..63");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (width is < 1 or > FullWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"tile width {width} is outside 1..256");
        }

        Level = level;
        Index = index;
        Width = width;
    }

    public int Level { get; }

    public long Index { get; }

    public int Width { get; }

    public bool IsEntryBundle => Level == EntriesLevel;

    public bool IsPartial => Width < FullWidth;

    public static TileId Hashes(int level, long index, int width = FullWidth) => new(level, index, width);

    public static TileId Entries(long index, int width = FullWidth) => new(EntriesLevel, index, width);

    public TileId AsFull() => new(Level, Index, FullWidth);

    /// <summary>The path relative to the log's prefix, as the spec writes it.</summary>
    public string Path
    {
        get
        {
            var builder = new StringBuilder("tile/", 40);
            builder.Append(IsEntryBundle ? "entries" : Level.ToString(CultureInfo.InvariantCulture)).Append('/');
            AppendIndex(builder, Index);
            if (IsPartial)
            {
                builder.Append(".p/").Append(Width.ToString(CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }

    public override string ToString() => Path;

    /// <summary>Writes N in 3-digit groups, every group but the last prefixed with 'x': 1234067 is x001/x234/067.</summary>
    public static string EncodeIndex(long index)
    {
        var builder = new StringBuilder(24);
        AppendIndex(builder, index);
        return builder.ToString();
    }

    private static void AppendIndex(StringBuilder builder, long index)
    {
        Span<long> groups = stackalloc long[8];
        var count = 0;
        do
        {
            groups[count++] = index % 1000;
            index /= 1000;
        }
        while (index > 0);

        for (var i = count - 1; i > 0; i--)
        {
            builder.Append('x').Append(groups[i].ToString("000", CultureInfo.InvariantCulture)).Append('/');
        }

        builder.Append(groups[0].ToString("000", CultureInfo.InvariantCulture));
    }

    /// <summary>Parses a path such as <c>tile/0/x001/234.p/5</c> or <c>tile/entries/000</c>.</summary>
    public static bool TryParse(string path, out TileId tile)
    {
        tile = default;
        ArgumentNullException.ThrowIfNull(path);
        var parts = path.Split('/');
        if (parts.Length < 3 || parts[0] != "tile")
        {
            return false;
        }

        int level;
        if (parts[1] == "entries")
        {
            level = EntriesLevel;
        }
        else if (!TryParseDecimal(parts[1], 0, 63, out level))
        {
            return false;
        }

        var width = FullWidth;
        var last = parts.Length - 1;
        if (parts.Length >= 4 && parts[^2].EndsWith(".p", StringComparison.Ordinal))
        {
            if (!TryParseDecimal(parts[^1], 1, FullWidth - 1, out width))
            {
                return false;
            }

            parts[^2] = parts[^2][..^2];
            last = parts.Length - 2;
        }

        long index = 0;
        for (var i = 2; i <= last; i++)
        {
            var group = parts[i];
            var isLast = i == last;
            if (!isLast)
            {
                if (group.Length != 4 || group[0] != 'x')
                {
                    return false;
                }

                group = group[1..];
            }

            if (group.Length != 3 || !group.All(char.IsAsciiDigit))
            {
                return false;
            }

            index = checked((index * 1000) + int.Parse(group, NumberStyles.None, CultureInfo.InvariantCulture));
        }

        tile = new TileId(level, index, width);
        return true;
    }

    private static bool TryParseDecimal(string text, int min, int max, out int value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 3 || !text.All(char.IsAsciiDigit) || (text.Length > 1 && text[0] == '0'))
        {
            return false;
        }

        value = int.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        return value >= min && value <= max;
    }
}
