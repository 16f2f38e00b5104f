using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>artifact</c> object.</summary>
public sealed class Artifact : StixCyberObservable
{
    public const string TypeName = "artifact";

    public Artifact(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new artifact with a fresh identifier.</summary>
    public Artifact()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>mime_type</c>.</summary>
    public string? MimeType { get => GetString("mime_type"); set => SetString("mime_type", value); }

    /// <summary>STIX property <c>payload_bin</c>.</summary>
    public string? PayloadBin { get => GetString("payload_bin"); set => SetString("payload_bin", value); }

    /// <summary>STIX property <c>url</c>.</summary>
    public string? Url { get => GetString("url"); set => SetString("url", value); }

    /// <summary>STIX property <c>hashes</c>.</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get => GetHashes("hashes"); set => SetHashes("hashes", value); }

    /// <summary>STIX property <c>encryption_algorithm</c>.</summary>
    public string? EncryptionAlgorithm { get => GetString("encryption_algorithm"); set => SetString("encryption_algorithm", value); }

    /// <summary>STIX property <c>decryption_key</c>.</summary>
    public string? DecryptionKey { get => GetString("decryption_key"); set => SetString("decryption_key", value); }
}
