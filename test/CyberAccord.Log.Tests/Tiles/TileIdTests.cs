using CyberAccord.Log.Tiles;

namespace CyberAccord.Log.Tests.Tiles;

public sealed class TileIdTests
{
    private static readonly System.Text.Json.JsonElement Vectors = TestData.Json("tlog/extracted/tiles-vectors.json");

    private static System.Text.Json.JsonElement EncodingExamples =>
        Vectors.GetProperty("c2spTlogTiles").GetProperty("pathEncodingExamples");

    private static System.Text.Json.JsonElement GoSumdbCases => Vectors.GetProperty("goSumdbTilePaths").GetProperty("cases");

    private static string Encoded(System.Text.Json.JsonElement example) => example.GetProperty("encoded").GetString()!;

    private static string GoPath(System.Text.Json.JsonElement testCase) => testCase.GetProperty("path").GetString()!;

    public static TheoryData<string> EncodingExampleNames() => NamedVectors.Names(EncodingExamples, Encoded);

    public static TheoryData<string> GoSumdbCaseNames() => NamedVectors.Names(GoSumdbCases, GoPath);

    [Theory]
    [MemberData(nameof(EncodingExampleNames))]
    public void Index_encoding_matches_the_spec_example(string encoded)
    {
        var index = NamedVectors.Find(EncodingExamples, Encoded, encoded).GetProperty("index").GetInt64();
        Assert.Equal(encoded, TileId.EncodeIndex(index));
        Assert.True(TileId.TryParse("tile/0/" + encoded, out var parsed));
        Assert.Equal(index, parsed.Index);
    }

    /// <summary>Go's sumdb paths carry a height element that tlog-tiles fixes at 8 and drops; without it the cases still hold.</summary>
    [Theory]
    [MemberData(nameof(GoSumdbCaseNames))]
    public void Go_sumdb_tile_path_case_holds_once_the_height_element_is_dropped(string goPath)
    {
        var parts = goPath.Split('/').ToList();
        parts.RemoveAt(1);
        var path = string.Join('/', parts).Replace("tile/data/", "tile/entries/", StringComparison.Ordinal);
        var expected = NamedVectors.Find(GoSumdbCases, GoPath, goPath).GetProperty("tile").GetString()!;
        var ok = TileId.TryParse(path, out var tile);
        if (expected == "{}")
        {
            Assert.False(ok, path);
            return;
        }

        Assert.True(ok, path);
        var fields = expected.Trim('{', '}').Split(", ");
        Assert.Equal(long.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture), tile.Index);
        Assert.Equal(fields[1] == "-1", tile.IsEntryBundle);
        var width = path.Contains(".p/", StringComparison.Ordinal)
            ? int.Parse(fields[3], System.Globalization.CultureInfo.InvariantCulture)
            : TileId.FullWidth;
        Assert.Equal(width, tile.Width);
    }

    [Theory]
    [InlineData("tile/0/000", 0, 0L, 256)]
    [InlineData("tile/entries/x001/x234/067.p/8", -1, 1234067L, 8)]
    [InlineData("tile/3/x002/005.p/255", 3, 2005L, 255)]
    public void Paths_round_trip(string path, int level, long index, int width)
    {
        Assert.True(TileId.TryParse(path, out var tile));
        Assert.Equal((level, index, width), (tile.Level, tile.Index, tile.Width));
        Assert.Equal(path, tile.Path);
    }

    [Theory]
    [InlineData("tile/0/1")]
    [InlineData("tile/64/000")]
    [InlineData("tile/0/000.p/0")]
    [InlineData("tile/0/000.p/256")]
    [InlineData("tile/0/000.p/08")]
    [InlineData("tile/0/x000")]
    [InlineData("tiles/0/000")]
    [InlineData("tile/00/000")]
    public void Malformed_paths_are_refused(string path) => Assert.False(TileId.TryParse(path, out _));

    [Fact]
    public void Tree_size_70000_has_the_tiles_the_spec_lists()
    {
        var tiles = TileLayout.TilesFor(70_000, includeEntryBundles: false).ToList();
        Assert.Equal(273, tiles.Count(t => t.Level == 0 && !t.IsPartial));
        Assert.Equal(112, tiles.Single(t => t.Level == 0 && t.IsPartial).Width);
        Assert.Equal(1, tiles.Count(t => t.Level == 1 && !t.IsPartial));
        Assert.Equal(17, tiles.Single(t => t.Level == 1 && t.IsPartial).Width);
        Assert.Equal(1, tiles.Single(t => t.Level == 2).Width);
        Assert.Equal(3, tiles.Select(t => t.Level).Distinct().Count());
    }

    [Fact]
    public void Tree_size_256_has_one_full_tile_and_a_level_one_partial()
    {
        var tiles = TileLayout.TilesFor(256, includeEntryBundles: false).ToList();
        Assert.Equal([TileId.Hashes(0, 0), TileId.Hashes(1, 0, 1)], tiles);
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(255L)]
    [InlineData(256L)]
    [InlineData(257L)]
    [InlineData(65_535L)]
    [InlineData(65_536L)]
    [InlineData(70_000L)]
    [InlineData(1_234_567_890L)]
    public void Partial_width_follows_the_spec_rule(long size)
    {
        for (var level = 0; level < 5; level++)
        {
            Assert.Equal((int)(size / (long)Math.Pow(256, level) % 256), TileLayout.PartialWidth(size, level));
        }
    }
}
