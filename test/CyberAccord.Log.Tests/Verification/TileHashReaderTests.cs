using CyberAccord.Log.Merkle;
using CyberAccord.Log.Tests.Storage;
using CyberAccord.Log.Verification;

namespace CyberAccord.Log.Tests.Verification;

public sealed class TileHashReaderTests
{
    [Fact]
    public async Task Proofs_computed_from_public_tiles_equal_the_servers_proofs()
    {
        using var dir = new TempDir();
        var root = dir.Sub("log");
        await using var log = await LogFixture.OpenWithTestKeyAsync(root);
        await log.AppendAsync(LogFixture.Entries(Enumerable.Range(0, 70_000).Select(i => $"e{i}")), CancellationToken.None);
        var checkpoint = await log.IntegrateAsync(null, CancellationToken.None);
        var tiles = new TileHashReader(new DirectoryTileSource(root), checkpoint.Size, cachedTiles: 8);
        var random = new Random(3);
        for (var i = 0; i < 300; i++)
        {
            var size = i % 3 == 0 ? checkpoint.Size : random.NextInt64(1, checkpoint.Size + 1);
            var index = random.NextInt64(size);
            Assert.Equal(await log.ProveInclusionAsync(index, size, CancellationToken.None),
                await MerkleProofs.InclusionAsync(tiles, index, size, CancellationToken.None));
            var older = random.NextInt64(1, size + 1);
            Assert.Equal(await log.ProveConsistencyAsync(older, size, CancellationToken.None),
                await MerkleProofs.ConsistencyAsync(tiles, older, size, CancellationToken.None));
        }

        Assert.Equal(checkpoint.RootHash, await MerkleProofs.TreeHashAsync(tiles, checkpoint.Size, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_tile_is_named()
    {
        using var dir = new TempDir();
        var root = dir.Sub("log");
        await using var log = await LogFixture.OpenWithTestKeyAsync(root);
        await log.AppendAsync(LogFixture.Entries(Enumerable.Range(0, 600).Select(i => $"e{i}")), CancellationToken.None);
        await log.IntegrateAsync(null, CancellationToken.None);
        File.Delete(Path.Combine(root, "tile", "0", "001"));
        var tiles = new TileHashReader(new DirectoryTileSource(root), 600);
        var e = await Assert.ThrowsAsync<LogCorruptException>(async () =>
            await MerkleProofs.InclusionAsync(tiles, 300, 600, CancellationToken.None));
        Assert.Equal("tile/0/001", e.Path);
    }
}
