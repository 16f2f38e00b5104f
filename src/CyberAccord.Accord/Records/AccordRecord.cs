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

    public static readonly IReadOnlyList<string> All = [Party, Accord, Designation, Incident, Evidence, Claim, Request, RequestUpdate, Statement, Position];
}

/// <summary>
/// A signed accord record: who (author, key) said what (kind, body) when (created), as a JSON envelope whose
/// RFC 8785 canonical form, without the signature, is what the author signs. The log stores the canonical
/// form with the signature.
/// </summary>
public sealed record AccordRecord(string Kind, string Id, string Author, string KeyId, DateTime Created, JsonObject Body, byte[] Signature)
{
    public const string FormatVersion = "1";

    /// <summary>The bytes the author signs: the canonical envelope without its signature.</summary>
    public byte[] SigningBytes() => Canonical(Envelope(includeSignature: false));

    /// <summary>The log entry: the canonical envelope with its signature.</summary>
    public byte[] ToEntry() => Canonical(Envelope(includeSignature: true));

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
        return unsigned with { Signature = key.Sign(unsigned.SigningBytes()) };
    }

    private static DateTime TruncateToMilliseconds(DateTime time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public bool VerifySignature(ReadOnlySpan<byte> publicKey) => PartyKey.Verify(publicKey, SigningBytes(), Signature);

    /// <summary>Parses an envelope (a log entry, or a record a client submits); errors name the JSON path.</summary>
    public static AccordRecord Parse(ReadOnlySpan<byte> json)
    {
        JsonObject envelope;
        try
        {
            using var document = StixJson.Parse(json.ToArray());
            envelope = JsonNode.Parse(document.RootElement.GetRawText()) as JsonObject
                ?? throw new RecordRejectedException("$", "a record is a JSON object");
        }
        catch (StixJsonException e)
        {
            throw new RecordRejectedException(e.JsonPath ?? "$", e.Message);
        }

        string Required(string name)
        {
            if (envelope[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                return text;
            }

            throw new RecordRejectedException("$." + name, $"'{name}' is required and must be a non-empty string");
        }

        if (Required("accord_record") != FormatVersion)
        {
            throw new RecordRejectedException("$.accord_record", $"unsupported record format '{envelope["accord_record"]}'; this node reads format {FormatVersion}");
        }

        var kind = Required("kind");
        if (!RecordKinds.All.Contains(kind))
        {
            throw new RecordRejectedException("$.kind", $"unknown record kind '{kind}'; known kinds: {string.Join(", ", RecordKinds.All)}");
        }

        var created = Required("created");
        if (Timestamps.TryParse(created, out var time) < 0)
        {
            throw new RecordRejectedException("$.created", $"'{created}' is not an RFC 3339 UTC timestamp");
        }

        if (envelope["body"] is not JsonObject body)
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

        var known = new HashSet<string>(["accord_record", "kind", "id", "author", "key", "created", "body", "signature"], StringComparer.Ordinal);
        foreach (var member in envelope)
        {
            if (!known.Contains(member.Key))
            {
                throw new RecordRejectedException("$." + member.Key, $"unknown envelope member '{member.Key}'");
            }
        }

        return new AccordRecord(kind, Required("id"), Required("author"), Required("key"), time, (JsonObject)body.DeepClone(), signature);
    }

    public static AccordRecord Parse(string json) => Parse(Encoding.UTF8.GetBytes(json));
}

/// <summary>A record was refused; nothing was written. The path says where in the record the fault is.</summary>
public sealed class RecordRejectedException(string path, string message) : Exception($"{path}: {message}")
{
    public string JsonPath { get; } = path;

    public string Reason { get; } = message;
}
