using System.Security.Cryptography;
using System.Text;

namespace CyberAccord.Accord.Records;

/// <summary>
/// Ids that stay the same across restarts, rebuilds and re-exports: the bits come from SHA-256 of a purpose and a name,
/// indistinguishable from random, and are marked as a version-4 UUID, the shape STIX and TAXII ask for.
/// </summary>
public static class StableUuids
{
    /// <summary>The UUIDv4-shaped id for <paramref name="name"/> within <paramref name="purpose"/> (such as a collection alias).</summary>
    public static Guid For(string purpose, string name)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(purpose + "|" + name));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x40);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
