namespace CyberAccord.Log.Merkle;

/// <summary>Reads hashes by their <see cref="StoredHashes"/> position.</summary>
public interface IStoredHashReader
{
    /// <summary>Fills <paramref name="destination"/> with 32 bytes per requested position, in order.</summary>
    /// <exception cref="LogCorruptException">A requested hash is not stored.</exception>
    ValueTask ReadHashesAsync(ReadOnlyMemory<long> positions, Memory<byte> destination, CancellationToken cancellationToken);
}
