using System.Buffers.Binary;

namespace CyberAccord.Log.Tiles;

/// <summary>The tlog-tiles entry bundle: each entry as a big-endian uint16 length followed by its bytes.</summary>
public static class EntryBundle
{
    public const int MaxEntrySize = ushort.MaxValue;

    public static int EncodedSize(IEnumerable<ReadOnlyMemory<byte>> entries) => entries.Sum(e => 2 + e.Length);

    public static byte[] Encode(IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var buffer = new byte[EncodedSize(entries)];
        var offset = 0;
        foreach (var entry in entries)
        {
            offset += Write(entry.Span, buffer.AsSpan(offset));
        }

        return buffer;
    }

    /// <summary>Writes one length-prefixed entry; returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        if (entry.Length > MaxEntrySize)
        {
            throw new LogFormatException(
                $"entry of {entry.Length} bytes exceeds the {MaxEntrySize}-byte limit of tlog-tiles entry bundles");
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)entry.Length);
        entry.CopyTo(destination[2..]);
        return 2 + entry.Length;
    }

    /// <summary>Splits a bundle into its entries; the bundle must hold exactly <paramref name="expectedCount"/> when given.</summary>
    public static List<ReadOnlyMemory<byte>> Decode(ReadOnlyMemory<byte> bundle, int? expectedCount = null, string? path = null)
    {
        var entries = new List<ReadOnlyMemory<byte>>(expectedCount ?? 16);
        var offset = 0;
        var span = bundle.Span;
        while (offset < span.Length)
        {
            if (span.Length - offset < 2)
            {
                throw new LogCorruptException($"{path ?? "entry bundle"}: truncated length prefix at byte {offset}", path);
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(span[offset..]);
            offset += 2;
            if (span.Length - offset < length)
            {
                throw new LogCorruptException(
                    $"{path ?? "entry bundle"}: entry {entries.Count} claims {length} bytes but only {span.Length - offset} remain", path);
            }

            entries.Add(bundle.Slice(offset, length));
            offset += length;
        }

        if (expectedCount is { } count && entries.Count != count)
        {
            throw new LogCorruptException($"{path ?? "entry bundle"}: holds {entries.Count} entries, expected {count}", path);
        }

        return entries;
    }
}
