using CyberAccord.Log.Merkle;

namespace CyberAccord.Log.Tests.Merkle;

public sealed class StoredHashesTests
{
    [Fact]
    public void Positions_follow_the_order_in_which_a_frontier_completes_subtrees()
    {
        var order = new List<(int Level, long Index)>();
        var frontier = new MerkleFrontier();
        for (var i = 0; i < 1000; i++)
        {
            frontier.Append(Rfc6962.HashLeaf(BitConverter.GetBytes(i)), (level, index, _) => order.Add((level, index)));
        }

        for (var position = 0; position < order.Count; position++)
        {
            Assert.Equal(position, StoredHashes.Index(order[position].Level, order[position].Index));
        }

        Assert.Equal(order.Count, StoredHashes.Count(1000));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 4)]
    [InlineData(4, 7)]
    [InlineData(8, 15)]
    public void Count_is_two_n_minus_the_bits_set(long size, long expected)
    {
        Assert.Equal(expected, StoredHashes.Count(size));
        Assert.Equal((2 * size) - long.PopCount(size), StoredHashes.Count(size));
    }

    [Fact]
    public void Split_inverts_index_for_every_stored_position_of_a_large_tree()
    {
        for (long position = 0; position < StoredHashes.Count(5000); position++)
        {
            var (level, index) = StoredHashes.Split(position);
            Assert.Equal(position, StoredHashes.Index(level, index));
        }

        Assert.Equal((30, 3L), StoredHashes.Split(StoredHashes.Index(30, 3)));
    }
}
