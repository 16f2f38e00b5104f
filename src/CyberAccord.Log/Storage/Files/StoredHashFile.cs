using System.IO.MemoryMappedFiles;
using CyberAccord.Log.Merkle;
using Microsoft.Win32.SafeHandles;

namespace CyberAccord.Log.Storage.Files;

/// <summary>
/// Every stored hash of the tree in one flat file, 32 bytes each at <see cref="StoredHashes"/> positions.
/// It is derived data (fsck rebuilds it from the tiles) that lets a proof cost a few memory reads:
/// the file is memory-mapped and remapped as it grows.
/// </summary>
internal sealed unsafe class StoredHashFile : IStoredHashReader, IDisposable
{
    private readonly string _path;
    private readonly SafeFileHandle _handle;
    private readonly Lock _mapLock = new();
    private MemoryMappedFile? _map;
    private MemoryMappedViewAccessor? _view;
    private byte* _pointer;
    private long _mappedLength;

    public StoredHashFile(string path)
    {
        _path = path;
        _handle = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite);
    }

    public long Length => RandomAccess.GetLength(_handle);

    public SafeFileHandle Handle => _handle;

    public void Write(long position, ReadOnlySpan<byte> hashes)
    {
        RandomAccess.Write(_handle, hashes, position * Rfc6962.HashSize);
    }

    /// <summary>Cuts the file to <paramref name="count"/> hashes, dropping a torn or uncommitted tail.</summary>
    public void Truncate(long count)
    {
        lock (_mapLock)
        {
            Unmap();
            RandomAccess.SetLength(_handle, count * Rfc6962.HashSize);
        }
    }

    public ValueTask ReadHashesAsync(ReadOnlyMemory<long> positions, Memory<byte> destination, CancellationToken cancellationToken)
    {
        ReadHashes(positions.Span, destination.Span);
        return ValueTask.CompletedTask;
    }

    public void ReadHashes(ReadOnlySpan<long> positions, Span<byte> destination)
    {
        long needed = 0;
        foreach (var position in positions)
        {
            needed = Math.Max(needed, (position + 1) * Rfc6962.HashSize);
        }

        lock (_mapLock)
        {
            if (needed > _mappedLength)
            {
                Remap(needed);
            }

            for (var i = 0; i < positions.Length; i++)
            {
                new ReadOnlySpan<byte>(_pointer + (positions[i] * Rfc6962.HashSize), Rfc6962.HashSize)
                    .CopyTo(destination.Slice(i * Rfc6962.HashSize, Rfc6962.HashSize));
            }
        }
    }

    private void Remap(long needed)
    {
        Unmap();
        var length = Length;
        if (length < needed)
        {
            throw new LogCorruptException($"stored hash file {Path.GetFileName(_path)} holds {length / Rfc6962.HashSize} hashes but hash "
                + $"{(needed / Rfc6962.HashSize) - 1} was asked for; run 'accord log fsck'", _path);
        }

        _map = MemoryMappedFile.CreateFromFile(
            _handle, null, length, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        _view = _map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        _pointer = pointer + _view.PointerOffset;
        _mappedLength = length;
    }

    private void Unmap()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map!.Dispose();
            _view = null;
            _map = null;
            _pointer = null;
            _mappedLength = 0;
        }
    }

    public void Dispose()
    {
        lock (_mapLock)
        {
            Unmap();
        }

        _handle.Dispose();
    }
}
