using CyberAccord.Hosting;
using CyberAccord.Log.Recovery;
using CyberAccord.Storage.Sqlite;

namespace CyberAccord.Cli.Node;

/// <summary>
/// The log entries a node's SQLite projection stores with its records, offered to fsck to rebuild a damaged entry bundle.
/// fsck uses an entry only when its leaf hash is the one the signed checkpoint proves, so the projection need not be trusted.
/// </summary>
internal sealed class ProjectionEntryCopies(string path) : IEntryCopies, IAsyncDisposable
{
    private SqliteAccordStore? _store;
    private bool _unusable;

    public string Description => $"the projection {Path.GetFileName(path)}";

    public async Task<IReadOnlyList<(long Index, byte[] Entry)>> ReadAsync(long first, int count, CancellationToken cancellationToken)
    {
        if (_unusable || !File.Exists(path))
        {
            return [];
        }

        try
        {
            _store ??= await SqliteAccordStore.OpenAsync(path, cancellationToken).ConfigureAwait(false);
            return await _store.ReadEntriesAsync(first, count, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ProjectionDamagedException || SqliteAccordStore.IsDamage(e))
        {
            // A damaged projection offers nothing; fsck then names the bundles it could not rebuild.
            _unusable = true;
            return [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync().ConfigureAwait(false);
        }
    }
}
