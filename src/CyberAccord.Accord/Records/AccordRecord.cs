using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Stix.Json;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Accord.Records;

/// <summary>The kinds of record an accord is made of.</summary>
public static class RecordKinds
{
    public const string Party = "party";
    public const string Accord = "accord";
    public const string Designation = "ci-designation";
    public const string Incident = "incident";
    public const string Evidence = "evidence";
    public const string Claim = "claim";
    public const string Request = "request";
    public const string RequestUpdate = "request-update";
    public const string Statement = "statement";
    public const string Position = "position";

    /// <summary>A STIX object posted to a TAXII collection (or deleted from it), as its poster's record.</summary>
    public const string StixObject = "stix-object";

    public static readonly IReadOnlyList<string> All =
        [Party, Accord, Designation, Incident, Evidence, Claim, Request, RequestUpdate, Statement, Position, StixObject];
}

/// <summary>
/// A signed accord record: who (author, key) said what (kind, body) when (created), as a JSON envelope whose
/// RFC 8785 canonical form, without the signature, is what the author signs. The log stores the canonical
/// form with the signature.
/// </summary>
public sealed record AccordRecord(string Kind, string Id, string Author, string KeyId, DateTime Created, JsonObject Body, byte[] Signature)
{
    public const string FormatVersion = "1";

    private byte[]? _signingBytes;

    /// <summary>The bytes this record was parsed from, when it was parsed (copies do not inherit them).</summary>
    private byte[]? _received;

    /// <summary>A copy (<c>with</c>) is a different record: it must not inherit the original's signed bytes or verification.</summary>
    private AccordRecord(AccordRecord original)
    {
        Kind = original.Kind;
        Id = original.Id;
        Author = original.Author;
        KeyId = original.KeyId;
        Created = original.Created;
        Body = original.Body;
        Signature = original.Signature;
    }

    /// <summary>The public key this record's signature was already checked against (by <see cref="PreVerify"/>), if any.</summary>
    internal byte[]? VerifiedWith { get; private set; }

    /// <summary>
    /// Set by the node that validated a STIX object just before signing it, so the state does not validate it twice; copies
    /// do not inherit it.
    /// </summary>
    internal bool StixValidated { get; set; }

    /// <summary>The label the state worked out while checking a STIX object record, so that applying it does not read it again.</summary>
    internal State.RecordLabel? Label { get; set; }

    /// <summary>Accepts the signature as checked, for entries whose integrity the caller proved against a signed checkpoint.</summary>
    internal void Vouch(byte[] publicKey) => VerifiedWith = publicKey;

    /// <summary>
    /// Checks the signature ahead of applying (in parallel, during a replay); the state still checks the key is the author's
    /// and active.
    /// </summary>
    internal bool PreVerify(byte[] publicKey)
    {
        if (PartyKey.Verify(publicKey, SigningBytes(), Signature))
        {
            VerifiedWith = publicKey;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The bytes the author signs: the canonical envelope without its signature, computed once, and for a parsed record
    /// from what was received. Computed when first needed: a node replaying its own proven log never needs them.
    /// </summary>
    public byte[] SigningBytes() => _signingBytes ??= _received is { } received
        ? CanonicalWithoutSignature(received)
        : Canonical(Envelope(includeSignature: false));

    private static byte[] CanonicalWithoutSignature(byte[] received)
    {
        using var document = JsonDocument.Parse(received);
        return JsonCanonicalizer.CanonicalizeWithout(document.RootElement, "signature");
    }

    /// <summary>The bytes a parsed record came from, else its log entry: what to hash when matching stored records to the log.</summary>
    internal ReadOnlyMemory<byte> ReceivedOrEntry => _received ?? ToEntry();

    /// <summary>
    /// The log entry: the canonical envelope with its signature. "signature" sorts after every other member, so the
    /// canonical entry is the signed bytes with the signature member appended.
    /// </summary>
    public byte[] ToEntry() => _entry ??= MakeEntry();

    /// <summary>The log entry, made once: the node sizes it, logs it and hashes it (copies do not inherit it).</summary>
    private byte[]? _entry;

    private byte[] MakeEntry()
    {
        var signed = SigningBytes();
        var tail = Encoding.UTF8.GetBytes($",\"signature\":\"{Convert.ToBase64String(Signature)}\"}}");
        var entry = new byte[signed.Length - 1 + tail.Length];
        signed.AsSpan(0, signed.Length - 1).CopyTo(entry);
        tail.CopyTo(entry, signed.Length - 1);
        return entry;
    }

    public JsonObject Envelope(bool includeSignature)
    {
        var envelope = new JsonObject
        {
            ["accord_record"] = FormatVersion,
            ["kind"] = Kind,
            ["id"] = Id,
            ["author"] = Author,
            ["key"] = KeyId,
            ["created"] = Timestamps.Format(Created),
            ["body"] = Body.DeepClone(),
        };
        if (includeSignature)
        {
            envelope["signature"] = Convert.ToBase64String(Signature);
        }

        return envelope;
    }

    private static byte[] Canonical(JsonObject node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return JsonCanonicalizer.Canonicalize(document.RootElement);
    }

    public static AccordRecord Sign(string kind, string id, string author, DateTime created, JsonObject body, PartyKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var unsigned = new AccordRecord(kind, id, author, key.KeyId, TruncateToMilliseconds(created), body, []);
        var bytes = unsigned.SigningBytes();

        // Only the signature differs from the unsigned record, so the copy keeps its signed bytes rather than
        // canonicalizing again later (serially, under the node's gate, where the log entry is made).
        var signed = unsigned with { Signature = key.Sign(bytes) };
        signed._signingBytes = bytes;
        return signed;
    }

    private static DateTime TruncateToMilliseconds(DateTime time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public bool VerifySignature(byte[] publicKey) =>
        (VerifiedWith is not null && VerifiedWith.AsSpan().SequenceEqual(publicKey))
        || PartyKey.Verify(publicKey, SigningBytes(), Signature);

    /// <summary>Parses an envelope (a log entry, or a record a client submits); errors name the JSON path.</summary>
    public static AccordRecord Parse(ReadOnlySpan<byte> json)
    {
        JsonDocument document;
        var received = json.ToArray();
        try
        {
            document = StixJson.Parse(received);
        }
        catch (StixJsonException e)
        {
            throw new RecordRejectedException(e.JsonPath ?? "$", e.Message);
        }

        using (document)
        {
            var envelope = document.RootElement;
            if (envelope.ValueKind != JsonValueKind.Object)
            {
                throw new RecordRejectedException("$", "a record is a JSON object");
            }

            string Required(string name)
            {
                if (envelope.TryGetProperty(name, out var value)
                    && value.ValueKind == JsonValueKind.String
                    && value.GetString() is { Length: > 0 } text)
                {
                    return text;
                }

                throw new RecordRejectedException("$." + name, $"'{name}' is required and must be a non-empty string");
            }

            if (Required("accord_record") != FormatVersion)
            {
                throw new RecordRejectedException(
                    "$.accord_record",
                    $"unsupported record format '{Required("accord_record")}'; this node reads format {FormatVersion}");
            }

            var kind = Required("kind");
            if (!RecordKinds.All.Contains(kind))
            {
                throw new RecordRejectedException(
                    "$.kind",
                    $"unknown record kind '{kind}'; known kinds: {string.Join(", ", RecordKinds.All)}");
            }

            var created = Required("created");
            if (Timestamps.TryParse(created, out var time) < 0)
            {
                throw new RecordRejectedException("$.created", $"'{created}' is not an RFC 3339 UTC timestamp");
            }

            if (!envelope.TryGetProperty("body", out var body) || body.ValueKind != JsonValueKind.Object)
            {
                throw new RecordRejectedException("$.body", "'body' is required and must be an object");
            }

            byte[] signature;
            try
            {
                signature = Convert.FromBase64String(Required("signature"));
            }
            catch (FormatException)
            {
                throw new RecordRejectedException("$.signature", "the signature is not base64");
            }

            foreach (var member in envelope.EnumerateObject())
            {
                if (member.Name is not ("accord_record" or "kind" or "id" or "author" or "key" or "created" or "body" or "signature"))
                {
                    throw new RecordRejectedException("$." + member.Name, $"unknown envelope member '{member.Name}'");
                }
            }

            // The signed bytes are the canonical envelope without the signature, computed from what was received (when needed).
            return new AccordRecord(
                kind,
                Required("id"),
                Required("author"),
                Required("key"),
                time,
                JsonObject.Create(body.Clone())!,
                signature)
            {
                _received = received,
            };
        }
    }

    public static AccordRecord Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));
}

/// <summary>A record was refused; nothing was written. The path says where in the record the fault is.</summary>
public sealed class RecordRejectedException(string path, string message) : Exception($"{path}: {message}")
{
    public string JsonPath { get; } = path;

    public string Reason { get; } = message;
}
