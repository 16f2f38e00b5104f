namespace CyberAccord.Log.Verification;

/// <summary>Where a verifier reads a log's public files: a directory, or a copy served over HTTP.</summary>
public interface ITileSource
{
    /// <summary>A description for messages, such as the directory or base URL.</summary>
    string Location { get; }

    /// <summary>Reads a file by its path relative to the log prefix (<c>checkpoint</c>, <c>tile/0/000</c>); null when absent.</summary>
    ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken);
}

public sealed class DirectoryTileSource(string root) : ITileSource
{
    public string Location { get; } = Path.GetFullPath(root);

    public async ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        try
        {
            var file = Path.Combine(Location, path.Replace('/', Path.DirectorySeparatorChar));
            return await File.ReadAllBytesAsync(file, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}

/// <summary>A log published by any static file server; 404 means absent, other failures are errors.</summary>
public sealed class HttpTileSource(HttpClient client, Uri prefix) : ITileSource
{
    private readonly Uri _prefix = prefix.AbsoluteUri.EndsWith('/') ? prefix : new Uri(prefix.AbsoluteUri + "/");

    public string Location => _prefix.AbsoluteUri;

    public async ValueTask<byte[]?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(new Uri(_prefix, path), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new IOException($"GET {new Uri(_prefix, path)} answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }

        return await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    }
}
