using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>file</c> object.</summary>
public sealed class StixFile : StixCyberObservable
{
    public const string TypeName = "file";

    public StixFile(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new file with a fresh identifier.</summary>
    public StixFile()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>hashes</c>.</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get => GetHashes("hashes"); set => SetHashes("hashes", value); }

    /// <summary>STIX property <c>size</c>.</summary>
    public long? Size { get => GetInteger("size"); set => SetInteger("size", value); }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>name_enc</c>.</summary>
    public string? NameEnc { get => GetString("name_enc"); set => SetString("name_enc", value); }

    /// <summary>STIX property <c>magic_number_hex</c>.</summary>
    public string? MagicNumberHex { get => GetString("magic_number_hex"); set => SetString("magic_number_hex", value); }

    /// <summary>STIX property <c>mime_type</c>.</summary>
    public string? MimeType { get => GetString("mime_type"); set => SetString("mime_type", value); }

    /// <summary>STIX property <c>ctime</c>.</summary>
    public DateTime? Ctime { get => GetTimestamp("ctime"); set => SetTimestamp("ctime", value); }

    /// <summary>STIX property <c>mtime</c>.</summary>
    public DateTime? Mtime { get => GetTimestamp("mtime"); set => SetTimestamp("mtime", value); }

    /// <summary>STIX property <c>atime</c>.</summary>
    public DateTime? Atime { get => GetTimestamp("atime"); set => SetTimestamp("atime", value); }

    /// <summary>STIX property <c>parent_directory_ref</c>.</summary>
    public string? ParentDirectoryRef { get => GetString("parent_directory_ref"); set => SetString("parent_directory_ref", value); }

    /// <summary>STIX property <c>contains_refs</c>.</summary>
    public IReadOnlyList<string>? ContainsRefs { get => GetStrings("contains_refs"); set => SetStrings("contains_refs", value); }

    /// <summary>STIX property <c>content_ref</c>.</summary>
    public string? ContentRef { get => GetString("content_ref"); set => SetString("content_ref", value); }
}
