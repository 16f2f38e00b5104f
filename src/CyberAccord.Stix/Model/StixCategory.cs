namespace CyberAccord.Stix.Model;

/// <summary>What kind of STIX object a type is.</summary>
public enum StixCategory
{
    /// <summary>STIX Domain Object (attack-pattern, indicator, …), including custom objects.</summary>
    DomainObject,

    /// <summary>STIX Relationship Object: relationship, sighting.</summary>
    RelationshipObject,

    /// <summary>STIX Cyber-observable Object: file, ipv4-addr, ….</summary>
    CyberObservable,

    /// <summary>STIX Meta Object: marking-definition, language-content, extension-definition.</summary>
    MetaObject,

    /// <summary>The bundle wrapper.</summary>
    Bundle,
}
