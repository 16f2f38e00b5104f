namespace CyberAccord.Accord.State;

/// <summary>The closed vocabularies records use (values from the catalogue's vocabularies and the STIX/TLP specifications).</summary>
public static class Vocabulary
{
    public static readonly string[] PartyKinds = ["state", "cert", "observer", "witness"];
    public static readonly string[] ContactRoles = ["diplomatic", "technical"];
    public static readonly string[] Effects = ["disruption", "destruction", "data-theft", "espionage", "website-tampering", "influence"];
    public static readonly string[] Tlp = ["clear", "green", "amber", "amber+strict", "red"];
    public static readonly string[] Purposes = ["intelligence", "commercial", "military", "criminal", "political", "unknown"];
    public static readonly string[] Reliability = ["A", "B", "C", "D", "E", "F"];
    public static readonly string[] Credibility = ["1", "2", "3", "4", "5", "6"];

    /// <summary>ICD 203 likelihood terms, kept apart from confidence.</summary>
    public static readonly string[] Likelihood =
        ["almost-no-chance", "very-unlikely", "unlikely", "roughly-even-chance", "likely", "very-likely", "almost-certain"];

    public static readonly string[] Confidence = ["low", "moderate", "high"];

    /// <summary>Healey's spectrum of state responsibility (Atlantic Council, 2012).</summary>
    public static readonly string[] Responsibility =
    [
        "state-prohibited", "state-prohibited-but-inadequate", "state-ignored", "state-encouraged", "state-shaped",
        "state-coordinated", "state-ordered", "state-rogue-conducted", "state-executed", "state-integrated",
    ];

    public static readonly string[] RequestTypes = ["information", "assistance", "mitigation", "evidence"];
    public static readonly string[] RequestStatuses = ["acknowledged", "in-progress", "responded", "declined", "closed", "escalated"];
    public static readonly string[] Stances = ["concur", "dispute", "purpose"];

    /// <summary>Common categories that parties map their own sectors to, so that lists can be compared.</summary>
    public static readonly string[] CiCategories =
    [
        "energy", "telecommunications", "information-technology", "finance", "transport", "water", "health", "government",
        "elections", "defence", "nuclear", "chemical", "manufacturing", "food", "emergency-services", "commercial", "space",
        "research", "public-services", "other",
    ];
}
