using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Hosting;
using CyberAccord.Log;

namespace CyberAccord.Benchmarks;

/// <summary>
/// <c>taxii-ingest</c>: fills a node's TAXII collection with generated indicators through the library's POST path
/// (<see cref="CollectionIngest"/>: validate, judge, sign, log, project) and reports objects/s.
/// </summary>
internal static class TaxiiIngest
{
    public const string Usage = "taxii-ingest --dir DIR --collection ALIAS --as PARTY [--objects N (100000)] [--batch N (100)] "
        + "[--defer-checkpoints]";

    /// <param name="Defer">
    /// Sequence durably per batch and publish one checkpoint at the end, as the server does with --checkpoint-interval-ms.
    /// </param>
    private sealed record Options(string Dir, string Collection, string Party, int Objects, int Batch, bool Defer);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        if (Parse(args) is not { } options)
        {
            await Console.Error.WriteLineAsync($"usage: {Usage}").ConfigureAwait(false);
            return 2;
        }

        AccordNode node;
        try
        {
            node = await NodeDirectory.OpenAsync(
                options.Dir, cancellationToken, warn: message => Console.Error.WriteLine($"taxii-ingest: warning: {message}"))
                .ConfigureAwait(false);
        }
        catch (Exception e) when (e is NodeDirectoryException or LogStateException)
        {
            await Console.Error.WriteLineAsync($"taxii-ingest: error: {e.Message}").ConfigureAwait(false);
            return 2;
        }

        await using (node)
        {
            return await IngestAsync(node, options, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<int> IngestAsync(AccordNode node, Options options, CancellationToken cancellationToken)
    {
        var party = PartyIds.FromCodeOrId(options.Party);
        PartyKey? KeyFor(string p) => File.Exists(NodeDirectory.KeyPath(options.Dir, p)) ? NodeDirectory.LoadKey(options.Dir, p) : null;
        using var ingest = new CollectionIngest(node, new PartyKeyring(KeyFor));
        if (await node.ReadAsync(state => state.FindCollection(options.Collection), cancellationToken).ConfigureAwait(false)
            is not { } collection)
        {
            await Console.Error.WriteLineAsync($"taxii-ingest: error: no collection '{options.Collection}' on this node")
                .ConfigureAwait(false);
            return 2;
        }

        var started = Stopwatch.GetTimestamp();
        for (var done = 0; done < options.Objects; done += options.Batch)
        {
            var count = Math.Min(options.Batch, options.Objects - done);
            using var objects = JsonDocument.Parse("[" + string.Join(',', Enumerable.Range(done, count).Select(Indicator)) + "]");
            await ingest.AddAsync(collection, party, objects.RootElement, integrate: !options.Defer, cancellationToken)
                .ConfigureAwait(false);
        }

        await node.IntegrateAsync(cancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var checkpoints = options.Defer ? "one checkpoint at the end" : "a checkpoint per batch";
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"added {options.Objects:N0} objects to {collection.Alias} in {elapsed.TotalSeconds:F1} s: "
            + $"{options.Objects / elapsed.TotalSeconds:N0} objects/s (validated, signed, durably sequenced per batch of "
            + $"{options.Batch}, {checkpoints}, projected)"));
        return 0;
    }

    // The line breaks are JSON whitespace: the object is parsed before it is validated and signed.
    private static string Indicator(int i) => $$"""
        {"type":"indicator","spec_version":"2.1","id":"indicator--{{Guid.NewGuid()}}",
        "created":"2024-01-01T00:00:00.000Z","modified":"2024-01-01T00:00:00.000Z","name":"generated {{i}}",
        "pattern":"[ipv4-addr:value = '198.51.100.{{i % 256}}']","pattern_type":"stix","valid_from":"2024-01-01T00:00:00Z",
        "labels":["bench"]}
        """;

    private static Options? Parse(string[] args)
    {
        string? dir = null, collection = null, party = null;
        int? objects = 100_000, batch = 100;
        var defer = false;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--dir": dir = value; i++; break;
                case "--collection": collection = value; i++; break;
                case "--as": party = value; i++; break;
                case "--objects": objects = Count(value); i++; break;
                case "--batch": batch = Count(value); i++; break;
                case "--defer-checkpoints": defer = true; break;
                default: return null;
            }
        }

        return dir is null || collection is null || party is null || objects is null || batch is null
            ? null
            : new Options(dir, collection, party, objects.Value, batch.Value, defer);
    }

    private static int? Count(string? text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
