using CyberAccord.Log.Checkpoints;
using CyberAccord.Log.Merkle;
using CyberAccord.Log.Native;
using CyberAccord.Log.Notes;
using CyberAccord.Log.Tiles;

namespace CyberAccord.Log.Storage.Files;

/// <summary>
/// The embedded backend: the C2SP tlog-tiles layout on a local file system, so that any static file
/// server can publish <c>checkpoint</c> and <c>tile/</c> as they are. Private state (sequencing
/// journal, stored hashes, lock) lives under <c>private/</c>, which must never be published.
/// </summary>
public sealed class FileLogStorage : ILogStorage
{
    public const string CheckpointFile = "checkpoint";
    public const string PrivateDirectory = "private";

    private readonly string _root;
    private readonly FileStream _lock;
    private readonly ISequencer _journal;
    private readonly StoredHashFile _hashes;
    private readonly List<string> _written = [];
    private long _releasedSize;

    private FileLogStorage(string root, FileStream lockFile, ISequencer journal, StoredHashFile hashes, long integratedSize)
    {
        _root = root;
        _lock = lockFile;
        _journal = journal;
        _hashes = hashes;
        _releasedSize = integratedSize;
    }

    public string Root => _root;

    /// <summary>Repairs made while opening (torn batches dropped), for fsck to report.</summary>
    public IReadOnlyList<string> Repairs => _journal.Repairs;

    /// <summary>The file naming an outside sequencer; without it, sequencing is the journal under <c>private/sequence/</c>.</summary>
    public const string SequencerFile = "sequencer.json";

    /// <summary>
    /// Opens the log at <paramref name="root"/> for writing, waiting up to <paramref name="lockTimeout"/> for another writer.
    /// </summary>
    /// <param name="sequencers">
    /// Opens the sequencer <c>private/sequencer.json</c> names, for a log whose sequencing lives outside its files.
    /// </param>
    public static async Task<FileLogStorage> OpenAsync(string root, TimeSpan lockTimeout, CancellationToken cancellationToken,
        ISequencerFactory? sequencers = null)
    {
        root = Path.GetFullPath(root);
        var privateDir = Path.Combine(root, PrivateDirectory);
        if (!Directory.Exists(privateDir))
        {
            throw new LogStateException($"{root} is not a log directory (no {PrivateDirectory}/); create one with 'accord log init'");
        }

        var lockFile = await AcquireLockAsync(Path.Combine(privateDir, "lock"), lockTimeout, cancellationToken).ConfigureAwait(false);
        try
        {
            var integrated = ReadIntegratedSize(root);
            ISequencer journal;
            if (ReadSequencerSettings(root) is { } settings)
            {
                journal = sequencers is null
                    ? throw new LogStateException($"{root} sequences its entries in {settings.Kind} ({PrivateDirectory}/{SequencerFile}); "
                        + "open it with the accord command line, which can reach it")
                    : await sequencers.OpenAsync(settings, integrated, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                journal = SequenceJournal.Open(Path.Combine(privateDir, "sequence"), integrated);
            }

            var hashes = new StoredHashFile(Path.Combine(privateDir, "hashes"));
            return new FileLogStorage(root, lockFile, journal, hashes, integrated);
        }
        catch
        {
            await lockFile.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<FileStream> AcquireLockAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        var delay = 5;
        while (true)
        {
            try
            {
                // On Unix, FileShare.None takes an advisory flock, released when the process dies.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = Math.Min(delay * 2, 200);
            }
            catch (IOException e)
            {
                throw new LogStateException($"the log is locked by another writer ({e.Message}); try again when it has finished");
            }
        }
    }

    /// <summary>The outside sequencer a log names, or null when it uses its own journal files.</summary>
    public static SequencerSettings? ReadSequencerSettings(string root)
    {
        var path = Path.Combine(root, PrivateDirectory, SequencerFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return System.Text.Json.JsonSerializer.Deserialize<SequencerSettings>(File.ReadAllBytes(path))
                ?? throw new LogFormatException($"{path}: empty");
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new LogFormatException($"{path}: {e.Message}");
        }
    }

    private static long ReadIntegratedSize(string root)
    {
        var path = Path.Combine(root, CheckpointFile);
        if (!File.Exists(path))
        {
            return 0;
        }

        var note = SignedNote.Parse(File.ReadAllBytes(path));
        return Checkpoint.Parse(note.Text).Size;
    }

    public long SequencedSize => _journal.SequencedSize;

    public IStoredHashReader StoredHashes => _hashes;

    internal StoredHashFile HashFile => _hashes;

    public ValueTask<long> SequenceAsync(IReadOnlyList<ReadOnlyMemory<byte>> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return ValueTask.FromResult(_journal.SequencedSize);
        }

        return _journal.AppendAsync(entries, cancellationToken);
    }

    public ValueTask<IReadOnlyList<ReadOnlyMemory<byte>>> ReadSequencedAsync(long from, int maxCount,
        CancellationToken cancellationToken) =>
        _journal.ReadAsync(from, maxCount, cancellationToken);

    public ValueTask<byte[]?> ReadCheckpointAsync(CancellationToken cancellationToken) =>
        ValueTask.FromResult(ReadIfExists(Path.Combine(_root, CheckpointFile)));

    public ValueTask<byte[]?> ReadTileAsync(TileId tile, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ReadIfExists(PathOf(tile)));

    private static byte[]? ReadIfExists(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    private string PathOf(TileId tile) => Path.Combine(_root, tile.Path.Replace('/', Path.DirectorySeparatorChar));

    public ValueTask WriteTilesAsync(IReadOnlyList<TileData> tiles, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tiles);
        foreach (var (tile, data) in tiles)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = PathOf(tile);
            WriteAtomically(path, data, durable: false);
            _written.Add(path);
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>Writes through a temporary file and a rename, so a reader never sees half a tile.</summary>
    private static void WriteAtomically(string path, ReadOnlySpan<byte> data, bool durable)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = path + ".tmp";
        using (var handle = File.OpenHandle(temporary, FileMode.Create, FileAccess.Write))
        {
            RandomAccess.Write(handle, data, 0);
            if (durable)
            {
                Posix.Fsync(handle);
            }
        }

        File.Move(temporary, path, overwrite: true);
        if (durable)
        {
            Posix.FsyncDirectory(directory);
        }
    }

    public ValueTask WriteStoredHashesAsync(long position, ReadOnlyMemory<byte> hashes, CancellationToken cancellationToken)
    {
        _hashes.Write(position, hashes.Span);
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        Posix.SyncFileSystem(_root, () =>
        {
            foreach (var path in _written)
            {
                using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
                Posix.Fsync(handle);
            }

            Posix.Fsync(_hashes.Handle);
        });
        _written.Clear();
        return ValueTask.CompletedTask;
    }

    public ValueTask PublishCheckpointAsync(byte[] checkpoint, long treeSize, CancellationToken cancellationToken)
    {
        WriteAtomically(Path.Combine(_root, CheckpointFile), checkpoint, durable: true);
        return ValueTask.CompletedTask;
    }

    public async ValueTask ReleaseIntegratedAsync(long integratedSize, CancellationToken cancellationToken)
    {
        await _journal.ReleaseAsync(integratedSize, cancellationToken).ConfigureAwait(false);
        RemoveReplacedPartials(_releasedSize, integratedSize);
        _releasedSize = integratedSize;
    }

    /// <summary>
    /// Partial tiles may go once their full tile exists (tlog-tiles). Only tiles that became full since the
    /// last release are looked at, so the cost does not grow with the log; fsck sweeps the rest.
    /// </summary>
    private void RemoveReplacedPartials(long fromSize, long toSize)
    {
        for (var level = 0; TileLayout.HashesAtLevel(toSize, level) > 0; level++)
        {
            var firstFull = TileLayout.HashesAtLevel(fromSize, level) / TileId.FullWidth;
            var endFull = TileLayout.HashesAtLevel(toSize, level) / TileId.FullWidth;
            for (var n = firstFull; n < endFull; n++)
            {
                DeletePartials(TileId.Hashes(level, n));
                if (level == 0)
                {
                    DeletePartials(TileId.Entries(n));
                }
            }
        }
    }

    private void DeletePartials(TileId full)
    {
        var directory = PathOf(full) + ".p";
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Removes every partial tile whose full tile exists, wherever a crash left it; returns how many went.</summary>
    public int SweepReplacedPartials()
    {
        var tileRoot = Path.Combine(_root, "tile");
        if (!Directory.Exists(tileRoot))
        {
            return 0;
        }

        var removed = 0;
        foreach (var directory in Directory.EnumerateDirectories(tileRoot, "*.p", SearchOption.AllDirectories).ToList())
        {
            if (File.Exists(directory[..^2]))
            {
                Directory.Delete(directory, recursive: true);
                removed++;
            }
        }

        return removed;
    }

    /// <summary>The directory damaged files are moved into: private, so never published, and never swept.</summary>
    public const string DamagedDirectory = PrivateDirectory + "/damaged";

    /// <summary>Every partial tile and bundle on disk, of any size: earlier sizes' partials stay until their full tile exists.</summary>
    public IEnumerable<TileId> ListPartialTiles()
    {
        var tileRoot = Path.Combine(_root, "tile");
        if (!Directory.Exists(tileRoot))
        {
            yield break;
        }

        foreach (var directory in Directory.EnumerateDirectories(tileRoot, "*.p", SearchOption.AllDirectories))
        {
            foreach (var file in Directory.EnumerateFiles(directory))
            {
                var relative = Path.GetRelativePath(_root, file).Replace(Path.DirectorySeparatorChar, '/');
                if (TileId.TryParse(relative, out var tile) && tile.IsPartial)
                {
                    yield return tile;
                }
            }
        }
    }

    /// <summary>
    /// Moves a damaged file (path relative to the root) into <see cref="DamagedDirectory"/> as FILE.damaged-TIME and returns
    /// where it went, or null when there was no file. It MUST NOT delete: a damaged file may be the only copy of what it held.
    /// </summary>
    public string? MoveAside(string relativePath)
    {
        var source = Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(source))
        {
            return null;
        }

        var target = DamagedPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(source, target);
        Posix.FsyncDirectory(Path.GetDirectoryName(target)!);
        return Path.GetRelativePath(_root, target).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Copies a damaged file aside, for one that stays open and is rewritten in place (the stored-hash index).</summary>
    internal string CopyAside(string relativePath)
    {
        var target = DamagedPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar)), target);
        return Path.GetRelativePath(_root, target).Replace(Path.DirectorySeparatorChar, '/');
    }

    private string DamagedPath(string relativePath)
    {
        var stamp = DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var damagedDirectory = DamagedDirectory.Replace('/', Path.DirectorySeparatorChar);
        var basePath = Path.Combine(_root, damagedDirectory, relativePath.Replace('/', Path.DirectorySeparatorChar))
            + ".damaged-" + stamp;
        var target = basePath;
        for (var n = 2; File.Exists(target); n++)
        {
            target = basePath + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return target;
    }

    /// <summary>Moves a damaged tile aside and durably writes its sound bytes in its place; returns where the damaged copy went.</summary>
    public string? ReplaceDamaged(TileId tile, ReadOnlySpan<byte> data)
    {
        var aside = MoveAside(tile.Path);
        WriteAtomically(PathOf(tile), data, durable: true);
        return aside;
    }

    /// <summary>Removes temporary files a crash left behind; returns their paths relative to the root.</summary>
    public IReadOnlyList<string> RemoveTemporaryFiles()
    {
        var removed = new List<string>();
        var tileRoot = Path.Combine(_root, "tile");
        var candidates = Directory.Exists(tileRoot)
            ? Directory.EnumerateFiles(tileRoot, "*.tmp", SearchOption.AllDirectories).ToList()
            : [];
        var checkpointTemporary = Path.Combine(_root, CheckpointFile + ".tmp");
        if (File.Exists(checkpointTemporary))
        {
            candidates.Add(checkpointTemporary);
        }

        foreach (var path in candidates)
        {
            File.Delete(path);
            removed.Add(Path.GetRelativePath(_root, path));
        }

        return removed;
    }

    public async ValueTask DisposeAsync()
    {
        await _journal.DisposeAsync().ConfigureAwait(false);
        _hashes.Dispose();
        await _lock.DisposeAsync().ConfigureAwait(false);
    }
}
