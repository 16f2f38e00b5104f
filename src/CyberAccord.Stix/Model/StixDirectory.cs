using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>directory</c> object.</summary>
public sealed class StixDirectory : StixCyberObservable
{
    public const string TypeName = "directory";

    public StixDirectory(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new directory with a fresh identifier.</summary>
    public StixDirectory()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>path</c>.</summary>
    public string? Path { get => GetString("path"); set => SetString("path", value); }

    /// <summary>STIX property <c>path_enc</c>.</summary>
    public string? PathEnc { get => GetString("path_enc"); set => SetString("path_enc", value); }

    /// <summary>STIX property <c>ctime</c>.</summary>
    public DateTime? Ctime { get => GetTimestamp("ctime"); set => SetTimestamp("ctime", value); }

    /// <summary>STIX property <c>mtime</c>.</summary>
    public DateTime? Mtime { get => GetTimestamp("mtime"); set => SetTimestamp("mtime", value); }

    /// <summary>STIX property <c>atime</c>.</summary>
    public DateTime? Atime { get => GetTimestamp("atime"); set => SetTimestamp("atime", value); }

    /// <summary>STIX property <c>contains_refs</c>.</summary>
    public IReadOnlyList<string>? ContainsRefs { get => GetStrings("contains_refs"); set => SetStrings("contains_refs", value); }
}
