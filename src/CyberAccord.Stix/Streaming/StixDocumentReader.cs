using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using CyberAccord.Stix.Json;

namespace CyberAccord.Stix.Streaming;

/// <summary>Limits for reading STIX documents.</summary>
public sealed record StixReaderOptions
{
    /// <summary>
    /// The largest single object (and the largest whole document read at once). Larger ones are refused with a clear error.
    /// </summary>
    public int MaxObjectBytes { get; init; } = 16 << 20;

    /// <summary>Documents up to this size are parsed whole; larger bundles are streamed object by object in constant memory.</summary>
    public long StreamingThreshold { get; init; } = 16 << 20;
}

/// <summary>One object of a document: where it stands, and its parsed JSON (or why it could not be parsed).</summary>
public sealed class StixItem : IDisposable
{
    private readonly JsonDocument? _owned;

    internal StixItem(string path, JsonDocument? owned, StixJsonException? error)
        : this(path, owned?.RootElement ?? default, owned, error)
    {
    }

    internal StixItem(string path, JsonElement root, JsonDocument? owned, StixJsonException? error)
    {
        Path = path;
        Root = root;
        _owned = owned;
        Error = error;
    }

    public string Path { get; }

    /// <summary>The object's JSON; valid until the item is disposed (or, for whole documents, until reading ends).</summary>
    public JsonElement Root { get; }

    public StixJsonException? Error { get; }

    public void Dispose() => _owned?.Dispose();
}

/// <summary>
/// Reads STIX documents of any size: small ones whole, large bundles with a <see cref="Utf8JsonReader"/> over
/// the stream, handing out each member of <c>objects</c> as its own small document, so memory stays bounded
/// by the largest object rather than the file.
/// </summary>
public sealed class StixDocumentReader(StixReaderOptions? options = null)
{
    private readonly StixReaderOptions _options = options ?? new StixReaderOptions();

    /// <summary>The bundle's own members (everything but objects), available once reading has finished.</summary>
    public JsonDocument? Envelope { get; private set; }

    /// <summary>How many objects the bundle's list held; -1 when there was no objects list, -2 when it was not a list.</summary>
    public long ObjectCount { get; private set; } = -1;

    /// <summary>True when the document was a single object rather than a bundle.</summary>
    public bool IsSingleObject { get; private set; }

    /// <summary>Yields the objects of a bundle, or the document itself when it is a single object.</summary>
    /// <exception cref="StixJsonException">The document is not JSON, or breaks a limit; the message says where.</exception>
    public async IAsyncEnumerable<StixItem> ReadAsync(
        Stream stream, IProgress<long>? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek && stream.Length - stream.Position <= _options.StreamingThreshold)
        {
            var bytes = new byte[stream.Length - stream.Position];
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            progress?.Report(bytes.Length);
            foreach (var item in ReadWhole(bytes))
            {
                yield return item;
            }

            yield break;
        }

        await foreach (var item in StreamAsync(stream, progress, cancellationToken).ConfigureAwait(false))
        {
            yield return item;
        }
    }

    private IEnumerable<StixItem> ReadWhole(byte[] bytes)
    {
        var document = StixJson.Parse(bytes);
        var root = document.RootElement;
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("type", out var type) &&
            type.ValueKind == JsonValueKind.String && type.ValueEquals("bundle"))
        {
            Envelope = document;
            if (!root.TryGetProperty("objects", out var objects))
            {
                yield break;
            }

            if (objects.ValueKind != JsonValueKind.Array)
            {
                ObjectCount = -2;
                yield break;
            }

            ObjectCount = objects.GetArrayLength();
            var index = 0;
            foreach (var item in objects.EnumerateArray())
            {
                // The objects share the whole document, which lives as the envelope until reading ends.
                yield return new StixItem($"$.objects[{index++}]", item, null, null);
            }

            yield break;
        }

        IsSingleObject = true;
        yield return new StixItem("$", document, null);
    }

    private enum Phase
    {
        BeforeRoot,
        RootMembers,
        Objects,
        Done,
    }

    private async IAsyncEnumerable<StixItem> StreamAsync(
        Stream stream, IProgress<long>? progress, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 20);
        var envelope = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        try
        {
            var state = new JsonReaderState(new JsonReaderOptions { MaxDepth = StixJson.MaxDepth });
            var filled = 0;
            var eof = false;
            long total = 0;
            long lineBase = 1;
            var phase = Phase.BeforeRoot;
            var index = 0L;
            string? pendingMember = null;
            var items = new List<StixItem>();
            while (phase != Phase.Done)
            {
                if (!eof && filled < buffer.Length)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                    eof = read == 0;
                    filled += read;
                    total += read;
                    progress?.Report(total);
                }

                var consumed = Process(
                    buffer.AsSpan(0, filled), eof, ref state, ref phase, ref index, ref pendingMember, ref lineBase, envelope, items);
                foreach (var item in items)
                {
                    yield return item;
                }

                items.Clear();
                if (phase == Phase.Done)
                {
                    break;
                }

                if (consumed == 0 && filled == buffer.Length)
                {
                    // One token or object fills the whole buffer: grow it, up to the object limit.
                    if (buffer.Length >= _options.MaxObjectBytes)
                    {
                        var what = phase == Phase.Objects ? $"$.objects[{index}]" : "a bundle member";
                        throw new StixJsonException(
                            $"line {lineBase}: {what} is larger than the {_options.MaxObjectBytes >> 20} MiB object limit",
                            lineBase,
                            phase == Phase.Objects ? $"$.objects[{index}]" : null);
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_options.MaxObjectBytes, buffer.Length * 2));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
                else
                {
                    lineBase += buffer.AsSpan(0, consumed).Count((byte)'\n');
                    buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                    filled -= consumed;
                }

                if (eof && consumed == 0 && phase != Phase.Done)
                {
                    throw new StixJsonException($"line {lineBase}: the document ends before the bundle is complete", lineBase, null);
                }
            }

            var envelopeJson = new StringBuilder("{");
            foreach (var (name, value) in envelope)
            {
                if (envelopeJson.Length > 1)
                {
                    envelopeJson.Append(',');
                }

                envelopeJson.Append(JsonSerializer.Serialize(name)).Append(':').Append(Encoding.UTF8.GetString(value));
            }

            Envelope = JsonDocument.Parse(envelopeJson.Append('}').ToString());
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Consumes as much of <paramref name="data"/> as forms whole tokens or objects; returns the bytes consumed.</summary>
    private int Process(
        ReadOnlySpan<byte> data,
        bool eof,
        ref JsonReaderState state,
        ref Phase phase,
        ref long index,
        ref string? pendingMember,
        ref long lineBase,
        Dictionary<string, byte[]> envelope,
        List<StixItem> items)
    {
        var reader = new Utf8JsonReader(data, eof, state);
        var consumed = 0;
        try
        {
            while (true)
            {
                var before = reader;
                if (!reader.Read())
                {
                    break;
                }

                switch (phase)
                {
                    case Phase.BeforeRoot:
                        if (reader.TokenType != JsonTokenType.StartObject)
                        {
                            throw new StixJsonException($"line {lineBase}: a STIX bundle must be a JSON object", lineBase, "$");
                        }

                        phase = Phase.RootMembers;
                        break;
                    case Phase.RootMembers:
                        if (reader.TokenType == JsonTokenType.EndObject)
                        {
                            phase = Phase.Done;
                            consumed = (int)reader.BytesConsumed;
                            if (!envelope.TryGetValue("type", out var type) || !type.AsSpan().SequenceEqual("\"bundle\""u8))
                            {
                                throw new StixJsonException(
                                    "a document this large must be a bundle (type \"bundle\") to be read", null, "$.type");
                            }

                            return consumed;
                        }

                        if (reader.TokenType == JsonTokenType.PropertyName)
                        {
                            pendingMember = reader.GetString()!;
                            if (envelope.ContainsKey(pendingMember) || (pendingMember == "objects" && ObjectCount != -1))
                            {
                                throw new StixJsonException(
                                    $"$: duplicate member name '{pendingMember}'", null, "$" + JsonPath.Member(pendingMember));
                            }

                            break;
                        }

                        if (pendingMember == "objects" && reader.TokenType == JsonTokenType.StartArray)
                        {
                            phase = Phase.Objects;
                            ObjectCount = 0;
                            break;
                        }

                        // Another bundle member: keep it whole for the envelope check.
                        var start = (int)reader.TokenStartIndex;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                        {
                            reader = before;
                            return consumed;
                        }

                        if (pendingMember == "objects")
                        {
                            ObjectCount = -2;
                        }
                        else
                        {
                            var member = data[start..(int)reader.BytesConsumed];
                            if (!System.Text.Unicode.Utf8.IsValid(member))
                            {
                                throw new StixJsonException(
                                    $"line {lineBase}: bundle member '{pendingMember}' is not valid UTF-8",
                                    lineBase,
                                    "$" + JsonPath.Member(pendingMember!));
                            }

                            envelope[pendingMember!] = member.ToArray();
                        }

                        break;
                    case Phase.Objects:
                        if (reader.TokenType == JsonTokenType.EndArray)
                        {
                            phase = Phase.RootMembers;
                            break;
                        }

                        var objectStart = (int)reader.TokenStartIndex;
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip())
                        {
                            reader = before;
                            return consumed;
                        }

                        var slice = data[objectStart..(int)reader.BytesConsumed];
                        var path = $"$.objects[{index}]";
                        var line = lineBase + data[..objectStart].Count((byte)'\n');
                        try
                        {
                            items.Add(new StixItem(path, StixJson.Parse(slice.ToArray(), path, line - 1), null));
                        }
                        catch (StixJsonException e)
                        {
                            items.Add(new StixItem(path, null, e));
                        }

                        index++;
                        ObjectCount++;
                        break;
                }

                consumed = (int)reader.BytesConsumed;
                state = reader.CurrentState;
            }
        }
        catch (InvalidOperationException e)
        {
            // Thrown when a member name is not valid UTF-8.
            throw new StixJsonException($"line {lineBase}: {e.Message}", lineBase, null);
        }
        catch (JsonException e)
        {
            var line = lineBase + (e.LineNumber ?? 0);
            throw new StixJsonException($"line {line}, byte {e.BytePositionInLine + 1}: {e.Message.Split(" LineNumber:")[0]}", line, null);
        }

        return consumed;
    }
}
