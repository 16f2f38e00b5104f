namespace CyberAccord.Stix.Model;

/// <summary>The fixed marking-definition ids of TLP 1.0 (STIX 2.1 §7.2.1.4) and TLP 2.0 (the OASIS extension).</summary>
public static class TlpMarkings
{
    public const string Tlp1White = "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9";
    public const string Tlp1Green = "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da";
    public const string Tlp1Amber = "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82";
    public const string Tlp1Red = "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed";

    public const string Tlp2ExtensionDefinition = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    public const string Tlp2Clear = "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487";
    public const string Tlp2Green = "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb";
    public const string Tlp2Amber = "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421";
    public const string Tlp2AmberStrict = "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003";
    public const string Tlp2Red = "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1";

    /// <summary>TLP 1.0 level by id.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tlp1Levels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Tlp1White] = "white",
        [Tlp1Green] = "green",
        [Tlp1Amber] = "amber",
        [Tlp1Red] = "red",
    };

    /// <summary>TLP 2.0 level by id.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tlp2Levels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Tlp2Clear] = "clear",
        [Tlp2Green] = "green",
        [Tlp2Amber] = "amber",
        [Tlp2AmberStrict] = "amber+strict",
        [Tlp2Red] = "red",
    };

    /// <summary>The TLP 1.0 definitions' fixed creation time.</summary>
    public const string Tlp1Created = "2017-01-20T00:00:00.000Z";
}
