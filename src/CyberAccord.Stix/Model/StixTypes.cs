using System.Text.Json.Nodes;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Stix.Model;

/// <summary>
/// Maps STIX type names to their typed classes: one per STIX 2.1 type, each in its own file, written from the type table
/// in Validation/StixSpec.cs and held to it by TypedModelMatchesSpecTests (the same types, categories, property names and
/// kinds).
/// </summary>
public static class StixTypes
{
    /// <summary>The typed wrapper for a STIX 2.1 type, or null for custom types.</summary>
    public static StixObject? Create(string type, JsonObject json) => type switch
    {
        AttackPattern.TypeName => new AttackPattern(json),
        Campaign.TypeName => new Campaign(json),
        CourseOfAction.TypeName => new CourseOfAction(json),
        Grouping.TypeName => new Grouping(json),
        Identity.TypeName => new Identity(json),
        Incident.TypeName => new Incident(json),
        Indicator.TypeName => new Indicator(json),
        Infrastructure.TypeName => new Infrastructure(json),
        IntrusionSet.TypeName => new IntrusionSet(json),
        Location.TypeName => new Location(json),
        Malware.TypeName => new Malware(json),
        MalwareAnalysis.TypeName => new MalwareAnalysis(json),
        Note.TypeName => new Note(json),
        ObservedData.TypeName => new ObservedData(json),
        Opinion.TypeName => new Opinion(json),
        Report.TypeName => new Report(json),
        ThreatActor.TypeName => new ThreatActor(json),
        Tool.TypeName => new Tool(json),
        Vulnerability.TypeName => new Vulnerability(json),
        Relationship.TypeName => new Relationship(json),
        Sighting.TypeName => new Sighting(json),
        LanguageContent.TypeName => new LanguageContent(json),
        ExtensionDefinition.TypeName => new ExtensionDefinition(json),
        Artifact.TypeName => new Artifact(json),
        AutonomousSystem.TypeName => new AutonomousSystem(json),
        StixDirectory.TypeName => new StixDirectory(json),
        DomainName.TypeName => new DomainName(json),
        EmailAddr.TypeName => new EmailAddr(json),
        EmailMessage.TypeName => new EmailMessage(json),
        StixFile.TypeName => new StixFile(json),
        Ipv4Addr.TypeName => new Ipv4Addr(json),
        Ipv6Addr.TypeName => new Ipv6Addr(json),
        MacAddr.TypeName => new MacAddr(json),
        StixMutex.TypeName => new StixMutex(json),
        NetworkTraffic.TypeName => new NetworkTraffic(json),
        StixProcess.TypeName => new StixProcess(json),
        Software.TypeName => new Software(json),
        Url.TypeName => new Url(json),
        UserAccount.TypeName => new UserAccount(json),
        WindowsRegistryKey.TypeName => new WindowsRegistryKey(json),
        X509Certificate.TypeName => new X509Certificate(json),
        MarkingDefinition.TypeName => new MarkingDefinition(json),
        _ => null,
    };

    /// <summary>
    /// The minimal JSON of a new object: type, spec_version, a fresh UUIDv4 id, and for core objects created and modified now.
    /// </summary>
    public static JsonObject NewObject(string type, bool core)
    {
        var json = new JsonObject { ["type"] = type, ["spec_version"] = "2.1", ["id"] = $"{type}--{Guid.NewGuid()}" };
        if (core)
        {
            var now = Timestamps.Format(DateTime.UtcNow);
            json["created"] = now;
            json["modified"] = now;
        }

        return json;
    }
}
