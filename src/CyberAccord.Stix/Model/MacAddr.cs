using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>mac-addr</c> object.</summary>
public sealed class MacAddr : StixCyberObservable
{
    public const string TypeName = "mac-addr";

    public MacAddr(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new mac-addr with a fresh identifier.</summary>
    public MacAddr()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>value</c>.</summary>
    public string? Value { get => GetString("value"); set => SetString("value", value); }
}
