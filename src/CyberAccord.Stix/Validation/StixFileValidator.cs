using System.Buffers.Binary;
using System.Text.Json;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Streaming;

namespace CyberAccord.Stix.Validation;

/// <summary>What validating one document found.</summary>
public sealed record StixFileReport
{
    public long Objects { get; set; }

    public long Errors { get; set; }

    public long Warnings { get; set; }

    public Dictionary<string, long> ObjectsByType { get; } = new(StringComparer.Ordinal);

    /// <summary>Set when the document could not be read as JSON at all.</summary>
    public string? Unreadable { get; set; }

    public bool IsValid => Unreadable is null && Errors == 0;
}

/// <summary>Validates a document of any size as it streams, handing each issue to the caller as it is found.</summary>
public static class StixFileValidator
{
    public static async Task<StixFileReport> ValidateAsync(
        Stream stream,
        Action<ValidationIssue> onIssue,
        IProgress<long>? progress,
        StixReaderOptions? options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onIssue);
        var report = new StixFileReport();
        var issues = new List<ValidationIssue>();
        void Flush()
        {
            foreach (var issue in issues)
            {
                if (issue.Severity == Severity.Error)
                {
                    report.Errors++;
                }
                else
                {
                    report.Warnings++;
                }

                onIssue(issue);
            }

            issues.Clear();
        }

        var reader = new StixDocumentReader(options);
        // A 128-bit digest per (id, modified) keeps duplicate detection exact enough and small for million-object bundles.
        var seen = new HashSet<(long, long)>();
        try
        {
            await foreach (var item in reader.ReadAsync(stream, progress, cancellationToken).ConfigureAwait(false))
            {
                using (item)
                {
                    report.Objects++;
                    if (item.Error is not null)
                    {
                        issues.Add(new ValidationIssue(Severity.Error, "json-syntax", null, item.Path, item.Error.Message));
                        Flush();
                        continue;
                    }

                    var root = item.Root;
                    StixValidator.ValidateObject(root, item.Path, issues);
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) &&
                        type.ValueKind == JsonValueKind.String)
                    {
                        var name = type.GetString()!;
                        report.ObjectsByType[name] = report.ObjectsByType.GetValueOrDefault(name) + 1;
                        if (!reader.IsSingleObject && root.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
                        {
                            var version = root.TryGetProperty("modified", out var modified) && modified.ValueKind == JsonValueKind.String
                                ? modified.GetString()!
                                : string.Empty;
                            if (!seen.Add(VersionKey(id.GetString()!, version)))
                            {
                                issues.Add(new ValidationIssue(
                                    Severity.Warning,
                                    "duplicate-object",
                                    id.GetString(),
                                    item.Path,
                                    "the bundle holds this id and modified time more than once"));
                            }
                        }
                    }

                    Flush();
                }
            }

            if (reader.Envelope is { } envelope)
            {
                StixValidator.ValidateBundleEnvelope(envelope.RootElement, reader.ObjectCount, issues);
                Flush();
                envelope.Dispose();
            }
        }
        catch (StixJsonException e)
        {
            report.Unreadable = e.Message;
        }

        return report;
    }

    private static (long, long) VersionKey(string id, string modified)
    {
        Span<byte> digest = stackalloc byte[32];
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(id + "|" + modified), digest);
        return (BinaryPrimitives.ReadInt64LittleEndian(digest), BinaryPrimitives.ReadInt64LittleEndian(digest[8..]));
    }
}
