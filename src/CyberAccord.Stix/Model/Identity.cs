using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>identity</c> object.</summary>
public sealed class Identity : StixDomainObject
{
    public const string TypeName = "identity";

    public Identity(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new identity with a fresh identifier and creation time.</summary>
    public Identity()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>roles</c>.</summary>
    public IReadOnlyList<string>? Roles { get => GetStrings("roles"); set => SetStrings("roles", value); }

    /// <summary>STIX property <c>identity_class</c>.</summary>
    public string? IdentityClass { get => GetString("identity_class"); set => SetString("identity_class", value); }

    /// <summary>STIX property <c>sectors</c>.</summary>
    public IReadOnlyList<string>? Sectors { get => GetStrings("sectors"); set => SetStrings("sectors", value); }

    /// <summary>STIX property <c>contact_information</c>.</summary>
    public string? ContactInformation { get => GetString("contact_information"); set => SetString("contact_information", value); }
}
