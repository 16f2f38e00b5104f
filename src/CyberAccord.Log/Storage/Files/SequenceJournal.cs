using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using CyberAccord.Log.Native;
using CyberAccord.Log.Tiles;
using Microsoft.Win32.SafeHandles;

namespace CyberAccord.Log.Storage.Files;

/// <summary>
/// Durable sequencing: entries are appended to segment files in checksummed frames, one frame per
/// batch, and fsynced before their indices are reported. A frame whose checksum fails can only be
/// one whose write never completed, so its entries were never reported; opening truncates it.
/// </summary>
/// <remarks>
/// Segment <c>&lt;first index, 20 digits&gt;.seq</c>: the 8-byte magic, then frames of
/// magic (4) ‖ entry count (4) ‖ payload length (4) ‖ SHA-256(payload)[:16] ‖ payload, where the
/// payload is the entries in entry-bundle encoding.
/// </remarks>
internal sealed class SequenceJournal : ISequencer
{
    private static readonly byte[] SegmentMagic = "ACSEQ001"u8.ToArray();
    private const uint FrameMagic = 0x41465231; // "AFR1"
    private const int FrameHeaderSize = 28;
    private const long SegmentLimit = 64L << 20;

    private readonly string _directory;
    private readonly List<Frame> _frames = [];
    private SafeFileHandle? _tail;
    private string? _tailPath;
    private long _tailLength;

    private SequenceJournal(string directory, long integratedSize)
    {
        _directory = directory;
        SequencedSize = integratedSize;
    }

    public long SequencedSize { get; private set; }

    /// <summary>What opening found and repaired, for fsck to report.</summary>
    public List<string> Repairs { get; } = [];

    IReadOnlyList<string> ISequencer.Repairs => Repairs;

    /// <summary>Opens the journal; entries below <paramref name="integratedSize"/> are in tiles already.</summary>
    public static SequenceJournal Open(string directory, long integratedSize)
    {
        Directory.CreateDirectory(directory);
        var journal = new SequenceJournal(directory, integratedSize);
        journal.Load(integratedSize);
        return journal;
    }

    private void Load(long integratedSize)
    {
        var segments = Directory.GetFiles(_directory, "*.seq").Order(StringComparer.Ordinal).ToList();
        long expected = -1;
        foreach (var path in segments)
        {
            var first = long.Parse(Path.GetFileNameWithoutExtension(path), NumberStyles.None, CultureInfo.InvariantCulture);
            if (expected >= 0 && first != expected)
            {
                throw new LogCorruptException(
                    $"sequence segment {Path.GetFileName(path)} starts at {first}, but the previous segment ends at {expected}", path);
            }

            expected = ScanSegment(path, first, isLast: path == segments[^1]);
        }

        if (segments.Count > 0)
        {
            var firstIndex = _frames.Count > 0 ? _frames[0].FirstIndex : expected;
            if (firstIndex > integratedSize)
            {
                throw new LogCorruptException($"sequenced entries {integratedSize}..{firstIndex - 1} are missing: the journal starts at "
                    + $"{firstIndex} but only {integratedSize} entries are integrated", _directory);
            }

            SequencedSize = Math.Max(integratedSize, expected);
        }
    }

    private long ScanSegment(string path, long first, bool isLast)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
        var length = RandomAccess.GetLength(handle);
        var magic = new byte[SegmentMagic.Length];
        if (length < SegmentMagic.Length
            || RandomAccess.Read(handle, magic, 0) != magic.Length
            || !magic.AsSpan().SequenceEqual(SegmentMagic))
        {
            if (isLast && length <= SegmentMagic.Length)
            {
                // Created but never written: no entry in it was ever reported.
                handle.Dispose();
                File.Delete(path);
                Repairs.Add($"removed empty sequence segment {Path.GetFileName(path)}");
                return first;
            }

            throw new LogCorruptException($"sequence segment {Path.GetFileName(path)} has a bad header", path);
        }

        var offset = (long)SegmentMagic.Length;
        var index = first;
        var header = new byte[FrameHeaderSize];
        while (offset < length)
        {
            var valid = false;
            if (length - offset >= FrameHeaderSize && RandomAccess.Read(handle, header, offset) == FrameHeaderSize &&
                BinaryPrimitives.ReadUInt32BigEndian(header) == FrameMagic)
            {
                var count = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4));
                var payloadLength = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(8));
                if (count > 0 && payloadLength >= 2 * count && length - offset - FrameHeaderSize >= payloadLength)
                {
                    var payload = new byte[payloadLength];
                    RandomAccess.Read(handle, payload, offset + FrameHeaderSize);
                    if (SHA256.HashData(payload).AsSpan(0, 16).SequenceEqual(header.AsSpan(12, 16)))
                    {
                        valid = true;
                        _frames.Add(new Frame(path, offset + FrameHeaderSize, index, count, payloadLength));
                        index += count;
                        offset += FrameHeaderSize + payloadLength;
                    }
                }
            }

            if (!valid)
            {
                if (!isLast)
                {
                    throw new LogCorruptException(
                        $"sequence segment {Path.GetFileName(path)} has a damaged frame at byte {offset}, before the last segment", path);
                }

                // A torn frame: its write never completed, so none of its entries were ever reported.
                RandomAccess.SetLength(handle, offset);
                Posix.Fsync(handle);
                Repairs.Add(
                    $"truncated an incomplete batch at byte {offset} of sequence segment {Path.GetFileName(path)} (never acknowledged)");
                length = offset;
            }
        }

        if (isLast)
        {
            _tailPath = path;
            _tailLength = length;
        }

        return index;
    }

    /// <summary>Appends a batch as one frame and fsyncs it; returns the first index.</summary>
    public long Append(IReadOnlyList<ReadOnlyMemory<byte>> entries)
    {
        var payloadLength = 0;
        foreach (var entry in entries)
        {
            if (entry.Length > EntryBundle.MaxEntrySize)
            {
                throw new LogFormatException($"entry of {entry.Length} bytes exceeds the {EntryBundle.MaxEntrySize}-byte limit");
            }

            payloadLength += 2 + entry.Length;
        }

        var frame = new byte[FrameHeaderSize + payloadLength];
        var offset = FrameHeaderSize;
        foreach (var entry in entries)
        {
            offset += EntryBundle.Write(entry.Span, frame.AsSpan(offset));
        }

        BinaryPrimitives.WriteUInt32BigEndian(frame, FrameMagic);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(4), entries.Count);
        BinaryPrimitives.WriteInt32BigEndian(frame.AsSpan(8), payloadLength);
        SHA256.HashData(frame.AsSpan(FrameHeaderSize)).AsSpan(0, 16).CopyTo(frame.AsSpan(12));

        EnsureTail();
        var at = _tailLength;
        try
        {
            RandomAccess.Write(_tail!, frame, at);
            Posix.Fsync(_tail!);
        }
        catch
        {
            // Leave the file as it was so the next batch does not land after a half-written frame.
            RandomAccess.SetLength(_tail!, at);
            throw;
        }

        _tailLength += frame.Length;
        var first = SequencedSize;
        _frames.Add(new Frame(_tailPath!, at + FrameHeaderSize, first, entries.Count, payloadLength));
        SequencedSize += entries.Count;
        return first;
    }

    private void EnsureTail()
    {
        if (_tail is not null && _tailLength < SegmentLimit)
        {
            return;
        }

        if (_tail is null && _tailPath is not null && _tailLength < SegmentLimit)
        {
            _tail = File.OpenHandle(_tailPath, FileMode.Open, FileAccess.ReadWrite);
            return;
        }

        _tail?.Dispose();
        _tailPath = Path.Combine(_directory, SequencedSize.ToString("D20", CultureInfo.InvariantCulture) + ".seq");
        _tail = File.OpenHandle(_tailPath, FileMode.CreateNew, FileAccess.ReadWrite);
        RandomAccess.Write(_tail, SegmentMagic, 0);
        Posix.Fsync(_tail);
        Posix.FsyncDirectory(_directory);
        _tailLength = SegmentMagic.Length;
    }

    public IReadOnlyList<ReadOnlyMemory<byte>> Read(long from, int maxCount)
    {
        var result = new List<ReadOnlyMemory<byte>>(Math.Min(maxCount, 4096));
        var frameIndex = FindFrame(from);
        if (frameIndex < 0)
        {
            if (from < SequencedSize)
            {
                throw new LogStateException($"entry {from} is no longer in the sequencing journal (already integrated)");
            }

            return result;
        }

        SafeFileHandle? handle = null;
        string? open = null;
        try
        {
            for (var f = frameIndex; f < _frames.Count && result.Count < maxCount; f++)
            {
                var frame = _frames[f];
                if (open != frame.Path)
                {
                    handle?.Dispose();
                    handle = File.OpenHandle(frame.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                    open = frame.Path;
                }

                var payload = new byte[frame.PayloadLength];
                RandomAccess.Read(handle!, payload, frame.Offset);
                var entries = EntryBundle.Decode(payload, frame.Count, frame.Path);
                var skip = (int)Math.Max(0, from - frame.FirstIndex);
                for (var i = skip; i < entries.Count && result.Count < maxCount; i++)
                {
                    result.Add(entries[i]);
                }
            }
        }
        finally
        {
            handle?.Dispose();
        }

        return result;
    }

    private int FindFrame(long index)
    {
        var lo = 0;
        var hi = _frames.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) >>> 1;
            var frame = _frames[mid];
            if (index < frame.FirstIndex)
            {
                hi = mid - 1;
            }
            else if (index >= frame.FirstIndex + frame.Count)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }

        return -1;
    }

    /// <summary>Deletes segments whose entries are all below <paramref name="integratedSize"/>, except the one being appended to.</summary>
    public void Release(long integratedSize)
    {
        var bySegment = _frames.GroupBy(f => f.Path).ToList();
        foreach (var segment in bySegment)
        {
            var end = segment.Max(f => f.FirstIndex + f.Count);
            if (end <= integratedSize && segment.Key != _tailPath)
            {
                File.Delete(segment.Key);
                _frames.RemoveAll(f => f.Path == segment.Key);
            }
        }

        // When everything is integrated, start the next batch in a fresh segment so the old one can go.
        if (_tailPath is not null && SequencedSize == integratedSize && _tailLength >= SegmentLimit / 4)
        {
            _tail?.Dispose();
            _tail = null;
            File.Delete(_tailPath);
            _frames.RemoveAll(f => f.Path == _tailPath);
            _tailPath = null;
            _tailLength = 0;
        }
    }

    public ValueTask<long> AppendAsync(IReadOnlyList<ReadOnlyMemory<byte>> entries, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(Append(entries));
    }

    public ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> ReadAsync(long from, int maxCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Read(from, maxCount));

    public ValueTask ReleaseAsync(long integratedSize, CancellationToken cancellationToken)
    {
        Release(integratedSize);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _tail?.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed record Frame(string Path, long Offset, long FirstIndex, int Count, int PayloadLength);
}
