using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>location</c> object.</summary>
public sealed class Location : StixDomainObject
{
    public const string TypeName = "location";

    public Location(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new location with a fresh identifier and creation time.</summary>
    public Location()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>latitude</c>.</summary>
    public double? Latitude { get => GetNumber("latitude"); set => SetNumber("latitude", value); }

    /// <summary>STIX property <c>longitude</c>.</summary>
    public double? Longitude { get => GetNumber("longitude"); set => SetNumber("longitude", value); }

    /// <summary>STIX property <c>precision</c>.</summary>
    public double? Precision { get => GetNumber("precision"); set => SetNumber("precision", value); }

    /// <summary>STIX property <c>region</c>.</summary>
    public string? Region { get => GetString("region"); set => SetString("region", value); }

    /// <summary>STIX property <c>country</c>.</summary>
    public string? Country { get => GetString("country"); set => SetString("country", value); }

    /// <summary>STIX property <c>administrative_area</c>.</summary>
    public string? AdministrativeArea { get => GetString("administrative_area"); set => SetString("administrative_area", value); }

    /// <summary>STIX property <c>city</c>.</summary>
    public string? City { get => GetString("city"); set => SetString("city", value); }

    /// <summary>STIX property <c>street_address</c>.</summary>
    public string? StreetAddress { get => GetString("street_address"); set => SetString("street_address", value); }

    /// <summary>STIX property <c>postal_code</c>.</summary>
    public string? PostalCode { get => GetString("postal_code"); set => SetString("postal_code", value); }
}
