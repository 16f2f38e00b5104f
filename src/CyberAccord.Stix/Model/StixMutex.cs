using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>mutex</c> object.</summary>
public sealed class StixMutex : StixCyberObservable
{
    public const string TypeName = "mutex";

    public StixMutex(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new mutex with a fresh identifier.</summary>
    public StixMutex()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }
}
