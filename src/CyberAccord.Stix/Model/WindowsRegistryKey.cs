using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>windows-registry-key</c> object.</summary>
public sealed class WindowsRegistryKey : StixCyberObservable
{
    public const string TypeName = "windows-registry-key";

    public WindowsRegistryKey(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new windows-registry-key with a fresh identifier.</summary>
    public WindowsRegistryKey()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>key</c>.</summary>
    public string? Key { get => GetString("key"); set => SetString("key", value); }

    /// <summary>STIX property <c>values</c>.</summary>
    public JsonArray? Values { get => Json["values"] as JsonArray; set => SetNode("values", value); }

    /// <summary>STIX property <c>modified_time</c>.</summary>
    public DateTime? ModifiedTime { get => GetTimestamp("modified_time"); set => SetTimestamp("modified_time", value); }

    /// <summary>STIX property <c>creator_user_ref</c>.</summary>
    public string? CreatorUserRef { get => GetString("creator_user_ref"); set => SetString("creator_user_ref", value); }

    /// <summary>STIX property <c>number_of_subkeys</c>.</summary>
    public long? NumberOfSubkeys { get => GetInteger("number_of_subkeys"); set => SetInteger("number_of_subkeys", value); }
}
