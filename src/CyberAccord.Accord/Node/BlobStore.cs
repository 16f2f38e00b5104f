using System.Security.Cryptography;

namespace CyberAccord.Accord.Node;

/// <summary>Content-addressed files (evidence, STIX bundles) under <c>blobs/sha256/ab/abcd…</c>, written once.</summary>
public sealed class BlobStore(string root)
{
    public string Root { get; } = root;

    public string PathOf(string sha256) => Path.Combine(Root, "sha256", sha256[..2], sha256);

    public bool Contains(string sha256) => File.Exists(PathOf(sha256));

    public async Task<string> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var sha = Convert.ToHexStringLower(SHA256.HashData(content.Span));
        var path = PathOf(sha);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp";
            await File.WriteAllBytesAsync(temporary, content.ToArray(), cancellationToken).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }

        return sha;
    }

    public Task<byte[]> GetAsync(string sha256, CancellationToken cancellationToken) =>
        File.ReadAllBytesAsync(PathOf(sha256), cancellationToken);
}
