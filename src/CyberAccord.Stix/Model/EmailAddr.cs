using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>email-addr</c> object.</summary>
public sealed class EmailAddr : StixCyberObservable
{
    public const string TypeName = "email-addr";

    public EmailAddr(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new email-addr with a fresh identifier.</summary>
    public EmailAddr()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>value</c>.</summary>
    public string? Value { get => GetString("value"); set => SetString("value", value); }

    /// <summary>STIX property <c>display_name</c>.</summary>
    public string? DisplayName { get => GetString("display_name"); set => SetString("display_name", value); }

    /// <summary>STIX property <c>belongs_to_ref</c>.</summary>
    public string? BelongsToRef { get => GetString("belongs_to_ref"); set => SetString("belongs_to_ref", value); }
}
