using System.Security.Cryptography;
using System.Text.Json;
using CyberAccord.Stix.Json;

namespace CyberAccord.Stix.Model;

/// <summary>STIX identifiers: <c>type--UUID</c> (§2.9), and the deterministic UUIDv5 of cyber-observables.</summary>
public static class StixIdentifier
{
    /// <summary>The namespace STIX 2.1 fixes for SCO identifiers.</summary>
    public static readonly Guid ScoNamespace = Guid.Parse("00abedb4-aa42-466c-9c01-fed23315a9b7");

    /// <summary>Splits an identifier; false when it is not <c>type--UUID</c> with an RFC 4122 UUID of versions 1–5.</summary>
    public static bool TryParse(string value, out string type, out string uuid, out int version)
    {
        type = uuid = string.Empty;
        version = 0;
        var separator = value.IndexOf("--", StringComparison.Ordinal);
        if (separator < 3 || value.Length - separator - 2 != 36)
        {
            return false;
        }

        type = value[..separator];
        uuid = value[(separator + 2)..];
        if (!IsValidTypeName(type))
        {
            return false;
        }

        for (var i = 0; i < 36; i++)
        {
            var c = uuid[i];
            var dash = i is 8 or 13 or 18 or 23;
            if (dash ? c != '-' : !char.IsAsciiHexDigit(c))
            {
                return false;
            }
        }

        version = uuid[14] - '0';
        var variant = char.ToLowerInvariant(uuid[19]);
        return version is >= 1 and <= 5 && variant is '8' or '9' or 'a' or 'b';
    }

    /// <summary>
    /// Type names: 3–250 characters of a–z, 0–9 and single hyphens, starting with a letter (the OASIS schema's rule).
    /// </summary>
    public static bool IsValidTypeName(string type)
    {
        if (type.Length is < 3 or > 250 || !char.IsAsciiLetterLower(type[0]))
        {
            return false;
        }

        for (var i = 1; i < type.Length; i++)
        {
            var c = type[i];
            if (c == '-')
            {
                if (type[i - 1] == '-')
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The UUIDv5 of an SCO: SHA-1 over the namespace and the JCS form of its id-contributing properties (§2.9).
    /// Of several hashes only one contributes, the first of MD5, SHA-1, SHA-256, SHA-512 present (else the first listed).
    /// Returns null when no contributing property is present (the id must then be a UUIDv4).
    /// </summary>
    public static string? DeterministicScoId(string type, JsonElement sco, IEnumerable<string> contributing)
    {
        ArgumentNullException.ThrowIfNull(contributing);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            var any = false;
            foreach (var name in contributing)
            {
                if (!sco.TryGetProperty(name, out var value))
                {
                    continue;
                }

                any = true;
                writer.WritePropertyName(name);
                if (name == "hashes" && value.ValueKind == JsonValueKind.Object)
                {
                    WriteChosenHash(writer, value);
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
            if (!any)
            {
                return null;
            }
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        var canonical = JsonCanonicalizer.Canonicalize(document.RootElement);
        return $"{type}--{UuidV5(ScoNamespace, canonical)}";
    }

    private static void WriteChosenHash(Utf8JsonWriter writer, JsonElement hashes)
    {
        foreach (var preferred in (string[])["MD5", "SHA-1", "SHA-256", "SHA-512"])
        {
            if (hashes.TryGetProperty(preferred, out var chosen))
            {
                writer.WriteStartObject();
                writer.WritePropertyName(preferred);
                chosen.WriteTo(writer);
                writer.WriteEndObject();
                return;
            }
        }

        writer.WriteStartObject();
        foreach (var first in hashes.EnumerateObject())
        {
            first.WriteTo(writer);
            break;
        }

        writer.WriteEndObject();
    }

    /// <summary>RFC 4122 §4.3 name-based UUID, version 5 (SHA-1).</summary>
    public static Guid UuidV5(Guid namespaceId, ReadOnlySpan<byte> name)
    {
        Span<byte> ns = stackalloc byte[16];
        namespaceId.TryWriteBytes(ns, bigEndian: true, out _);
        var input = new byte[16 + name.Length];
        ns.CopyTo(input);
        name.CopyTo(input.AsSpan(16));
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 is defined with; it names, it does not protect.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
