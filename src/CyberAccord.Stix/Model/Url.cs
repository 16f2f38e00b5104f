using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>url</c> object.</summary>
public sealed class Url : StixCyberObservable
{
    public const string TypeName = "url";

    public Url(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new url with a fresh identifier.</summary>
    public Url()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>value</c>.</summary>
    public string? Value { get => GetString("value"); set => SetString("value", value); }
}
