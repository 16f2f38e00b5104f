// One typed class per STIX 2.1 object type, written from the type table in Validation/StixSpec.cs and held to it by
// TypedModelMatchesSpecTests: the same types, categories, property names and kinds.
using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Model;

/// <summary>The STIX 2.1 <c>attack-pattern</c> object.</summary>
public sealed class AttackPattern : StixDomainObject
{
    public const string TypeName = "attack-pattern";

    public AttackPattern(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new attack-pattern with a fresh identifier and creation time.</summary>
    public AttackPattern()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>aliases</c>.</summary>
    public IReadOnlyList<string>? Aliases { get => GetStrings("aliases"); set => SetStrings("aliases", value); }

    /// <summary>STIX property <c>kill_chain_phases</c>.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases
    {
        get => GetList("kill_chain_phases", KillChainPhase.From);
        set => SetList("kill_chain_phases", value, p => p.ToJson());
    }
}

/// <summary>The STIX 2.1 <c>campaign</c> object.</summary>
public sealed class Campaign : StixDomainObject
{
    public const string TypeName = "campaign";

    public Campaign(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new campaign with a fresh identifier and creation time.</summary>
    public Campaign()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>aliases</c>.</summary>
    public IReadOnlyList<string>? Aliases { get => GetStrings("aliases"); set => SetStrings("aliases", value); }

    /// <summary>STIX property <c>first_seen</c>.</summary>
    public DateTime? FirstSeen { get => GetTimestamp("first_seen"); set => SetTimestamp("first_seen", value); }

    /// <summary>STIX property <c>last_seen</c>.</summary>
    public DateTime? LastSeen { get => GetTimestamp("last_seen"); set => SetTimestamp("last_seen", value); }

    /// <summary>STIX property <c>objective</c>.</summary>
    public string? Objective { get => GetString("objective"); set => SetString("objective", value); }
}

/// <summary>The STIX 2.1 <c>course-of-action</c> object.</summary>
public sealed class CourseOfAction : StixDomainObject
{
    public const string TypeName = "course-of-action";

    public CourseOfAction(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new course-of-action with a fresh identifier and creation time.</summary>
    public CourseOfAction()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>action</c>.</summary>
    public JsonNode? Action { get => Json["action"]; set => SetNode("action", value); }
}

/// <summary>The STIX 2.1 <c>grouping</c> object.</summary>
public sealed class Grouping : StixDomainObject
{
    public const string TypeName = "grouping";

    public Grouping(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new grouping with a fresh identifier and creation time.</summary>
    public Grouping()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>context</c>.</summary>
    public string? Context { get => GetString("context"); set => SetString("context", value); }

    /// <summary>STIX property <c>object_refs</c>.</summary>
    public IReadOnlyList<string>? ObjectRefs { get => GetStrings("object_refs"); set => SetStrings("object_refs", value); }
}

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

/// <summary>The STIX 2.1 <c>incident</c> object.</summary>
public sealed class Incident : StixDomainObject
{
    public const string TypeName = "incident";

    public Incident(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new incident with a fresh identifier and creation time.</summary>
    public Incident()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>kill_chain_phases</c>.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases
    {
        get => GetList("kill_chain_phases", KillChainPhase.From);
        set => SetList("kill_chain_phases", value, p => p.ToJson());
    }
}

/// <summary>The STIX 2.1 <c>indicator</c> object.</summary>
public sealed class Indicator : StixDomainObject
{
    public const string TypeName = "indicator";

    public Indicator(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new indicator with a fresh identifier and creation time.</summary>
    public Indicator()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>indicator_types</c>.</summary>
    public IReadOnlyList<string>? IndicatorTypes { get => GetStrings("indicator_types"); set => SetStrings("indicator_types", value); }

    /// <summary>STIX property <c>pattern</c>.</summary>
    public string? Pattern { get => GetString("pattern"); set => SetString("pattern", value); }

    /// <summary>STIX property <c>pattern_type</c>.</summary>
    public string? PatternType { get => GetString("pattern_type"); set => SetString("pattern_type", value); }

    /// <summary>STIX property <c>pattern_version</c>.</summary>
    public string? PatternVersion { get => GetString("pattern_version"); set => SetString("pattern_version", value); }

    /// <summary>STIX property <c>valid_from</c>.</summary>
    public DateTime? ValidFrom { get => GetTimestamp("valid_from"); set => SetTimestamp("valid_from", value); }

    /// <summary>STIX property <c>valid_until</c>.</summary>
    public DateTime? ValidUntil { get => GetTimestamp("valid_until"); set => SetTimestamp("valid_until", value); }

    /// <summary>STIX property <c>kill_chain_phases</c>.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases
    {
        get => GetList("kill_chain_phases", KillChainPhase.From);
        set => SetList("kill_chain_phases", value, p => p.ToJson());
    }
}

/// <summary>The STIX 2.1 <c>infrastructure</c> object.</summary>
public sealed class Infrastructure : StixDomainObject
{
    public const string TypeName = "infrastructure";

    public Infrastructure(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new infrastructure with a fresh identifier and creation time.</summary>
    public Infrastructure()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>infrastructure_types</c>.</summary>
    public IReadOnlyList<string>? InfrastructureTypes
    {
        get => GetStrings("infrastructure_types");
        set => SetStrings("infrastructure_types", value);
    }

    /// <summary>STIX property <c>aliases</c>.</summary>
    public IReadOnlyList<string>? Aliases { get => GetStrings("aliases"); set => SetStrings("aliases", value); }

    /// <summary>STIX property <c>kill_chain_phases</c>.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases
    {
        get => GetList("kill_chain_phases", KillChainPhase.From);
        set => SetList("kill_chain_phases", value, p => p.ToJson());
    }

    /// <summary>STIX property <c>first_seen</c>.</summary>
    public DateTime? FirstSeen { get => GetTimestamp("first_seen"); set => SetTimestamp("first_seen", value); }

    /// <summary>STIX property <c>last_seen</c>.</summary>
    public DateTime? LastSeen { get => GetTimestamp("last_seen"); set => SetTimestamp("last_seen", value); }
}

/// <summary>The STIX 2.1 <c>intrusion-set</c> object.</summary>
public sealed class IntrusionSet : StixDomainObject
{
    public const string TypeName = "intrusion-set";

    public IntrusionSet(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new intrusion-set with a fresh identifier and creation time.</summary>
    public IntrusionSet()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>aliases</c>.</summary>
    public IReadOnlyList<string>? Aliases { get => GetStrings("aliases"); set => SetStrings("aliases", value); }

    /// <summary>STIX property <c>first_seen</c>.</summary>
    public DateTime? FirstSeen { get => GetTimestamp("first_seen"); set => SetTimestamp("first_seen", value); }

    /// <summary>STIX property <c>last_seen</c>.</summary>
    public DateTime? LastSeen { get => GetTimestamp("last_seen"); set => SetTimestamp("last_seen", value); }

    /// <summary>STIX property <c>goals</c>.</summary>
    public IReadOnlyList<string>? Goals { get => GetStrings("goals"); set => SetStrings("goals", value); }

    /// <summary>STIX property <c>resource_level</c>.</summary>
    public string? ResourceLevel { get => GetString("resource_level"); set => SetString("resource_level", value); }

    /// <summary>STIX property <c>primary_motivation</c>.</summary>
    public string? PrimaryMotivation { get => GetString("primary_motivation"); set => SetString("primary_motivation", value); }

    /// <summary>STIX property <c>secondary_motivations</c>.</summary>
    public IReadOnlyList<string>? SecondaryMotivations
    {
        get => GetStrings("secondary_motivations");
        set => SetStrings("secondary_motivations", value);
    }
}

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

/// <summary>The STIX 2.1 <c>malware</c> object.</summary>
public sealed class Malware : StixDomainObject
{
    public const string TypeName = "malware";

    public Malware(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new malware with a fresh identifier and creation time.</summary>
    public Malware()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>malware_types</c>.</summary>
    public IReadOnlyList<string>? MalwareTypes { get => GetStrings("malware_types"); set => SetStrings("malware_types", value); }

    /// <summary>STIX property <c>is_family</c>.</summary>
    public bool? IsFamily { get => GetBoolean("is_family"); set => SetBoolean("is_family", value); }

    /// <summary>STIX property <c>aliases</c>.</summary>
    public IReadOnlyList<string>? Aliases { get => GetStrings("aliases"); set => SetStrings("aliases", value); }

    /// <summary>STIX property <c>kill_chain_phases</c>.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases
    {
        get => GetList("kill_chain_phases", KillChainPhase.From);
        set => SetList("kill_chain_phases", value, p => p.ToJson());
    }

    /// <summary>STIX property <c>first_seen</c>.</summary>
    public DateTime? FirstSeen { get => GetTimestamp("first_seen"); set => SetTimestamp("first_seen", value); }

    /// <summary>STIX property <c>last_seen</c>.</summary>
    public DateTime? LastSeen { get => GetTimestamp("last_seen"); set => SetTimestamp("last_seen", value); }

    /// <summary>STIX property <c>operating_system_refs</c>.</summary>
    public IReadOnlyList<string>? OperatingSystemRefs
    {
        get => GetStrings("operating_system_refs");
        set => SetStrings("operating_system_refs", value);
    }

    /// <summary>STIX property <c>architecture_execution_envs</c>.</summary>
    public IReadOnlyList<string>? ArchitectureExecutionEnvs
    {
        get => GetStrings("architecture_execution_envs");
        set => SetStrings("architecture_execution_envs", value);
    }

    /// <summary>STIX property <c>implementation_languages</c>.</summary>
    public IReadOnlyList<string>? ImplementationLanguages
    {
        get => GetStrings("implementation_languages");
        set => SetStrings("implementation_languages", value);
    }

    /// <summary>STIX property <c>capabilities</c>.</summary>
    public IReadOnlyList<string>? Capabilities { get => GetStrings("capabilities"); set => SetStrings("capabilities", value); }

    /// <summary>STIX property <c>sample_refs</c>.</summary>
    public IReadOnlyList<string>? SampleRefs { get => GetStrings("sample_refs"); set => SetStrings("sample_refs", value); }
}

/// <summary>The STIX 2.1 <c>malware-analysis</c> object.</summary>
public sealed class MalwareAnalysis : StixDomainObject
{
    public const string TypeName = "malware-analysis";

    public MalwareAnalysis(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new malware-analysis with a fresh identifier and creation time.</summary>
    public MalwareAnalysis()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>product</c>.</summary>
    public string? Product { get => GetString("product"); set => SetString("product", value); }

    /// <summary>STIX property <c>version</c>.</summary>
    public string? Version { get => GetString("version"); set => SetString("version", value); }

    /// <summary>STIX property <c>host_vm_ref</c>.</summary>
    public string? HostVmRef { get => GetString("host_vm_ref"); set => SetString("host_vm_ref", value); }

    /// <summary>STIX property <c>operating_system_ref</c>.</summary>
    public string? OperatingSystemRef { get => GetString("operating_system_ref"); set => SetString("operating_system_ref", value); }

    /// <summary>STIX property <c>installed_software_refs</c>.</summary>
    public IReadOnlyList<string>? InstalledSoftwareRefs
    {
        get => GetStrings("installed_software_refs");
        set => SetStrings("installed_software_refs", value);
    }

    /// <summary>STIX property <c>configuration_version</c>.</summary>
    public string? ConfigurationVersion { get => GetString("configuration_version"); set => SetString("configuration_version", value); }

    /// <summary>STIX property <c>modules</c>.</summary>
    public IReadOnlyList<string>? Modules { get => GetStrings("modules"); set => SetStrings("modules", value); }

    /// <summary>STIX property <c>analysis_engine_version</c>.</summary>
    public string? AnalysisEngineVersion
    {
        get => GetString("analysis_engine_version");
        set => SetString("analysis_engine_version", value);
    }

    /// <summary>STIX property <c>analysis_definition_version</c>.</summary>
    public string? AnalysisDefinitionVersion
    {
        get => GetString("analysis_definition_version");
        set => SetString("analysis_definition_version", value);
    }

    /// <summary>STIX property <c>submitted</c>.</summary>
    public DateTime? Submitted { get => GetTimestamp("submitted"); set => SetTimestamp("submitted", value); }

    /// <summary>STIX property <c>analysis_started</c>.</summary>
    public DateTime? AnalysisStarted { get => GetTimestamp("analysis_started"); set => SetTimestamp("analysis_started", value); }

    /// <summary>STIX property <c>analysis_ended</c>.</summary>
    public DateTime? AnalysisEnded { get => GetTimestamp("analysis_ended"); set => SetTimestamp("analysis_ended", value); }

    /// <summary>STIX property <c>result_name</c>.</summary>
    public string? ResultName { get => GetString("result_name"); set => SetString("result_name", value); }

    /// <summary>STIX property <c>result</c>.</summary>
    public string? Result { get => GetString("result"); set => SetString("result", value); }

    /// <summary>STIX property <c>analysis_sco_refs</c>.</summary>
    public IReadOnlyList<string>? AnalysisScoRefs { get => GetStrings("analysis_sco_refs"); set => SetStrings("analysis_sco_refs", value); }

    /// <summary>STIX property <c>sample_ref</c>.</summary>
    public string? SampleRef { get => GetString("sample_ref"); set => SetString("sample_ref", value); }
}

/// <summary>The STIX 2.1 <c>note</c> object.</summary>
public sealed class Note : StixDomainObject
{
    public const string TypeName = "note";

    public Note(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new note with a fresh identifier and creation time.</summary>
    public Note()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>abstract</c>.</summary>
    public string? Abstract { get => GetString("abstract"); set => SetString("abstract", value); }

    /// <summary>STIX property <c>content</c>.</summary>
    public string? Content { get => GetString("content"); set => SetString("content", value); }

    /// <summary>STIX property <c>authors</c>.</summary>
    public IReadOnlyList<string>? Authors { get => GetStrings("authors"); set => SetStrings("authors", value); }

    /// <summary>STIX property <c>object_refs</c>.</summary>
    public IReadOnlyList<string>? ObjectRefs { get => GetStrings("object_refs"); set => SetStrings("object_refs", value); }
}

/// <summary>The STIX 2.1 <c>observed-data</c> object.</summary>
public sealed class ObservedData : StixDomainObject
{
    public const string TypeName = "observed-data";

    public ObservedData(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new observed-data with a fresh identifier and creation time.</summary>
    public ObservedData()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>first_observed</c>.</summary>
    public DateTime? FirstObserved { get => GetTimestamp("first_observed"); set => SetTimestamp("first_observed", value); }

    /// <summary>STIX property <c>last_observed</c>.</summary>
    public DateTime? LastObserved { get => GetTimestamp("last_observed"); set => SetTimestamp("last_observed", value); }

    /// <summary>STIX property <c>number_observed</c>.</summary>
    public long? NumberObserved { get => GetInteger("number_observed"); set => SetInteger("number_observed", value); }

    /// <summary>STIX property <c>objects</c>.</summary>
    public JsonObject? Objects { get => GetObject("objects"); set => SetNode("objects", value); }

    /// <summary>STIX property <c>object_refs</c>.</summary>
    public IReadOnlyList<string>? ObjectRefs { get => GetStrings("object_refs"); set => SetStrings("object_refs", value); }
}

/// <summary>The STIX 2.1 <c>opinion</c> object.</summary>
public sealed class Opinion : StixDomainObject
{
    public const string TypeName = "opinion";

    public Opinion(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new opinion with a fresh identifier and creation time.</summary>
    public Opinion()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>explanation</c>.</summary>
    public string? Explanation { get => GetString("explanation"); set => SetString("explanation", value); }

    /// <summary>STIX property <c>authors</c>.</summary>
    public IReadOnlyList<string>? Authors { get => GetStrings("authors"); set => SetStrings("authors", value); }

    /// <summary>STIX property <c>opinion</c>.</summary>
    public string? OpinionValue { get => GetString("opinion"); set => SetString("opinion", value); }

    /// <summary>STIX property <c>object_refs</c>.</summary>
    public IReadOnlyList<string>? ObjectRefs { get => GetStrings("object_refs"); set => SetStrings("object_refs", value); }
}

/// <summary>The STIX 2.1 <c>report</c> object.</summary>
public sealed class Report : StixDomainObject
{
    public const string TypeName = "report";

    public Report(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new report with a fresh identifier and creation time.</summary>
    public Report()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>report_types</c>.</summary>
    public IReadOnlyList<string>? ReportTypes { get => GetStrings("report_types"); set => SetStrings("report_types", value); }

    /// <summary>STIX property <c>published</c>.</summary>
    public DateTime? Published { get => GetTimestamp("published"); set => SetTimestamp("published", value); }

    /// <summary>STIX property <c>object_refs</c>.</summary>
    public IReadOnlyList<string>? ObjectRefs { get => GetStrings("object_refs"); set => SetStrings("object_refs", value); }
}

/// <summary>The STIX 2.1 <c>threat-actor</c> object.</summary>
public sealed class ThreatActor : StixDomainObject
{
    public const string TypeName = "threat-actor";

    public ThreatActor(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new threat-actor with a fresh identifier and creation time.</summary>
    public ThreatActor()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>threat_actor_types</c>.</summary>
    public IReadOnlyList<string>? ThreatActorTypes
    {
        get => GetStrings("threat_actor_types");
        set => SetStrings("threat_actor_types", value);
    }

    /// <summary>STIX property <c>aliases</c>.</summary>
    public IReadOnlyList<string>? Aliases { get => GetStrings("aliases"); set => SetStrings("aliases", value); }

    /// <summary>STIX property <c>first_seen</c>.</summary>
    public DateTime? FirstSeen { get => GetTimestamp("first_seen"); set => SetTimestamp("first_seen", value); }

    /// <summary>STIX property <c>last_seen</c>.</summary>
    public DateTime? LastSeen { get => GetTimestamp("last_seen"); set => SetTimestamp("last_seen", value); }

    /// <summary>STIX property <c>roles</c>.</summary>
    public IReadOnlyList<string>? Roles { get => GetStrings("roles"); set => SetStrings("roles", value); }

    /// <summary>STIX property <c>goals</c>.</summary>
    public IReadOnlyList<string>? Goals { get => GetStrings("goals"); set => SetStrings("goals", value); }

    /// <summary>STIX property <c>sophistication</c>.</summary>
    public string? Sophistication { get => GetString("sophistication"); set => SetString("sophistication", value); }

    /// <summary>STIX property <c>resource_level</c>.</summary>
    public string? ResourceLevel { get => GetString("resource_level"); set => SetString("resource_level", value); }

    /// <summary>STIX property <c>primary_motivation</c>.</summary>
    public string? PrimaryMotivation { get => GetString("primary_motivation"); set => SetString("primary_motivation", value); }

    /// <summary>STIX property <c>secondary_motivations</c>.</summary>
    public IReadOnlyList<string>? SecondaryMotivations
    {
        get => GetStrings("secondary_motivations");
        set => SetStrings("secondary_motivations", value);
    }

    /// <summary>STIX property <c>personal_motivations</c>.</summary>
    public IReadOnlyList<string>? PersonalMotivations
    {
        get => GetStrings("personal_motivations");
        set => SetStrings("personal_motivations", value);
    }
}

/// <summary>The STIX 2.1 <c>tool</c> object.</summary>
public sealed class Tool : StixDomainObject
{
    public const string TypeName = "tool";

    public Tool(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new tool with a fresh identifier and creation time.</summary>
    public Tool()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>tool_types</c>.</summary>
    public IReadOnlyList<string>? ToolTypes { get => GetStrings("tool_types"); set => SetStrings("tool_types", value); }

    /// <summary>STIX property <c>aliases</c>.</summary>
    public IReadOnlyList<string>? Aliases { get => GetStrings("aliases"); set => SetStrings("aliases", value); }

    /// <summary>STIX property <c>kill_chain_phases</c>.</summary>
    public IReadOnlyList<KillChainPhase>? KillChainPhases
    {
        get => GetList("kill_chain_phases", KillChainPhase.From);
        set => SetList("kill_chain_phases", value, p => p.ToJson());
    }

    /// <summary>STIX property <c>tool_version</c>.</summary>
    public string? ToolVersion { get => GetString("tool_version"); set => SetString("tool_version", value); }
}

/// <summary>The STIX 2.1 <c>vulnerability</c> object.</summary>
public sealed class Vulnerability : StixDomainObject
{
    public const string TypeName = "vulnerability";

    public Vulnerability(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new vulnerability with a fresh identifier and creation time.</summary>
    public Vulnerability()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }
}

/// <summary>The STIX 2.1 <c>relationship</c> object.</summary>
public sealed class Relationship : StixRelationshipObject
{
    public const string TypeName = "relationship";

    public Relationship(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new relationship with a fresh identifier and creation time.</summary>
    public Relationship()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>relationship_type</c>.</summary>
    public string? RelationshipType { get => GetString("relationship_type"); set => SetString("relationship_type", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>source_ref</c>.</summary>
    public string? SourceRef { get => GetString("source_ref"); set => SetString("source_ref", value); }

    /// <summary>STIX property <c>target_ref</c>.</summary>
    public string? TargetRef { get => GetString("target_ref"); set => SetString("target_ref", value); }

    /// <summary>STIX property <c>start_time</c>.</summary>
    public DateTime? StartTime { get => GetTimestamp("start_time"); set => SetTimestamp("start_time", value); }

    /// <summary>STIX property <c>stop_time</c>.</summary>
    public DateTime? StopTime { get => GetTimestamp("stop_time"); set => SetTimestamp("stop_time", value); }
}

/// <summary>The STIX 2.1 <c>sighting</c> object.</summary>
public sealed class Sighting : StixRelationshipObject
{
    public const string TypeName = "sighting";

    public Sighting(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new sighting with a fresh identifier and creation time.</summary>
    public Sighting()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>first_seen</c>.</summary>
    public DateTime? FirstSeen { get => GetTimestamp("first_seen"); set => SetTimestamp("first_seen", value); }

    /// <summary>STIX property <c>last_seen</c>.</summary>
    public DateTime? LastSeen { get => GetTimestamp("last_seen"); set => SetTimestamp("last_seen", value); }

    /// <summary>STIX property <c>count</c>.</summary>
    public long? Count { get => GetInteger("count"); set => SetInteger("count", value); }

    /// <summary>STIX property <c>sighting_of_ref</c>.</summary>
    public string? SightingOfRef { get => GetString("sighting_of_ref"); set => SetString("sighting_of_ref", value); }

    /// <summary>STIX property <c>observed_data_refs</c>.</summary>
    public IReadOnlyList<string>? ObservedDataRefs
    {
        get => GetStrings("observed_data_refs");
        set => SetStrings("observed_data_refs", value);
    }

    /// <summary>STIX property <c>where_sighted_refs</c>.</summary>
    public IReadOnlyList<string>? WhereSightedRefs
    {
        get => GetStrings("where_sighted_refs");
        set => SetStrings("where_sighted_refs", value);
    }

    /// <summary>STIX property <c>summary</c>.</summary>
    public bool? Summary { get => GetBoolean("summary"); set => SetBoolean("summary", value); }
}

/// <summary>The STIX 2.1 <c>language-content</c> object.</summary>
public sealed class LanguageContent : StixMetaObject
{
    public const string TypeName = "language-content";

    public LanguageContent(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new language-content with a fresh identifier and creation time.</summary>
    public LanguageContent()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>object_ref</c>.</summary>
    public string? ObjectRef { get => GetString("object_ref"); set => SetString("object_ref", value); }

    /// <summary>STIX property <c>object_modified</c>.</summary>
    public DateTime? ObjectModified { get => GetTimestamp("object_modified"); set => SetTimestamp("object_modified", value); }

    /// <summary>STIX property <c>contents</c>.</summary>
    public JsonObject? Contents { get => GetObject("contents"); set => SetNode("contents", value); }
}

/// <summary>The STIX 2.1 <c>extension-definition</c> object.</summary>
public sealed class ExtensionDefinition : StixMetaObject
{
    public const string TypeName = "extension-definition";

    public ExtensionDefinition(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new extension-definition with a fresh identifier and creation time.</summary>
    public ExtensionDefinition()
        : this(StixTypes.NewObject(TypeName, true))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>description</c>.</summary>
    public string? Description { get => GetString("description"); set => SetString("description", value); }

    /// <summary>STIX property <c>schema</c>.</summary>
    public string? Schema { get => GetString("schema"); set => SetString("schema", value); }

    /// <summary>STIX property <c>version</c>.</summary>
    public string? Version { get => GetString("version"); set => SetString("version", value); }

    /// <summary>STIX property <c>extension_types</c>.</summary>
    public IReadOnlyList<string>? ExtensionTypes { get => GetStrings("extension_types"); set => SetStrings("extension_types", value); }

    /// <summary>STIX property <c>extension_properties</c>.</summary>
    public IReadOnlyList<string>? ExtensionProperties
    {
        get => GetStrings("extension_properties");
        set => SetStrings("extension_properties", value);
    }
}

/// <summary>The STIX 2.1 <c>artifact</c> object.</summary>
public sealed class Artifact : StixCyberObservable
{
    public const string TypeName = "artifact";

    public Artifact(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new artifact with a fresh identifier.</summary>
    public Artifact()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>mime_type</c>.</summary>
    public string? MimeType { get => GetString("mime_type"); set => SetString("mime_type", value); }

    /// <summary>STIX property <c>payload_bin</c>.</summary>
    public string? PayloadBin { get => GetString("payload_bin"); set => SetString("payload_bin", value); }

    /// <summary>STIX property <c>url</c>.</summary>
    public string? Url { get => GetString("url"); set => SetString("url", value); }

    /// <summary>STIX property <c>hashes</c>.</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get => GetHashes("hashes"); set => SetHashes("hashes", value); }

    /// <summary>STIX property <c>encryption_algorithm</c>.</summary>
    public string? EncryptionAlgorithm { get => GetString("encryption_algorithm"); set => SetString("encryption_algorithm", value); }

    /// <summary>STIX property <c>decryption_key</c>.</summary>
    public string? DecryptionKey { get => GetString("decryption_key"); set => SetString("decryption_key", value); }
}

/// <summary>The STIX 2.1 <c>autonomous-system</c> object.</summary>
public sealed class AutonomousSystem : StixCyberObservable
{
    public const string TypeName = "autonomous-system";

    public AutonomousSystem(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new autonomous-system with a fresh identifier.</summary>
    public AutonomousSystem()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>number</c>.</summary>
    public long? Number { get => GetInteger("number"); set => SetInteger("number", value); }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>rir</c>.</summary>
    public string? Rir { get => GetString("rir"); set => SetString("rir", value); }
}

/// <summary>The STIX 2.1 <c>directory</c> object.</summary>
public sealed class StixDirectory : StixCyberObservable
{
    public const string TypeName = "directory";

    public StixDirectory(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new directory with a fresh identifier.</summary>
    public StixDirectory()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>path</c>.</summary>
    public string? Path { get => GetString("path"); set => SetString("path", value); }

    /// <summary>STIX property <c>path_enc</c>.</summary>
    public string? PathEnc { get => GetString("path_enc"); set => SetString("path_enc", value); }

    /// <summary>STIX property <c>ctime</c>.</summary>
    public DateTime? Ctime { get => GetTimestamp("ctime"); set => SetTimestamp("ctime", value); }

    /// <summary>STIX property <c>mtime</c>.</summary>
    public DateTime? Mtime { get => GetTimestamp("mtime"); set => SetTimestamp("mtime", value); }

    /// <summary>STIX property <c>atime</c>.</summary>
    public DateTime? Atime { get => GetTimestamp("atime"); set => SetTimestamp("atime", value); }

    /// <summary>STIX property <c>contains_refs</c>.</summary>
    public IReadOnlyList<string>? ContainsRefs { get => GetStrings("contains_refs"); set => SetStrings("contains_refs", value); }
}

/// <summary>The STIX 2.1 <c>domain-name</c> object.</summary>
public sealed class DomainName : StixCyberObservable
{
    public const string TypeName = "domain-name";

    public DomainName(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new domain-name with a fresh identifier.</summary>
    public DomainName()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>value</c>.</summary>
    public string? Value { get => GetString("value"); set => SetString("value", value); }

    /// <summary>STIX property <c>resolves_to_refs</c>.</summary>
    public IReadOnlyList<string>? ResolvesToRefs { get => GetStrings("resolves_to_refs"); set => SetStrings("resolves_to_refs", value); }
}

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

/// <summary>The STIX 2.1 <c>email-message</c> object.</summary>
public sealed class EmailMessage : StixCyberObservable
{
    public const string TypeName = "email-message";

    public EmailMessage(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new email-message with a fresh identifier.</summary>
    public EmailMessage()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>is_multipart</c>.</summary>
    public bool? IsMultipart { get => GetBoolean("is_multipart"); set => SetBoolean("is_multipart", value); }

    /// <summary>STIX property <c>date</c>.</summary>
    public DateTime? Date { get => GetTimestamp("date"); set => SetTimestamp("date", value); }

    /// <summary>STIX property <c>content_type</c>.</summary>
    public string? ContentType { get => GetString("content_type"); set => SetString("content_type", value); }

    /// <summary>STIX property <c>from_ref</c>.</summary>
    public string? FromRef { get => GetString("from_ref"); set => SetString("from_ref", value); }

    /// <summary>STIX property <c>sender_ref</c>.</summary>
    public string? SenderRef { get => GetString("sender_ref"); set => SetString("sender_ref", value); }

    /// <summary>STIX property <c>to_refs</c>.</summary>
    public IReadOnlyList<string>? ToRefs { get => GetStrings("to_refs"); set => SetStrings("to_refs", value); }

    /// <summary>STIX property <c>cc_refs</c>.</summary>
    public IReadOnlyList<string>? CcRefs { get => GetStrings("cc_refs"); set => SetStrings("cc_refs", value); }

    /// <summary>STIX property <c>bcc_refs</c>.</summary>
    public IReadOnlyList<string>? BccRefs { get => GetStrings("bcc_refs"); set => SetStrings("bcc_refs", value); }

    /// <summary>STIX property <c>message_id</c>.</summary>
    public string? MessageId { get => GetString("message_id"); set => SetString("message_id", value); }

    /// <summary>STIX property <c>subject</c>.</summary>
    public string? Subject { get => GetString("subject"); set => SetString("subject", value); }

    /// <summary>STIX property <c>received_lines</c>.</summary>
    public IReadOnlyList<string>? ReceivedLines { get => GetStrings("received_lines"); set => SetStrings("received_lines", value); }

    /// <summary>STIX property <c>additional_header_fields</c>.</summary>
    public JsonObject? AdditionalHeaderFields
    {
        get => GetObject("additional_header_fields");
        set => SetNode("additional_header_fields", value);
    }

    /// <summary>STIX property <c>body</c>.</summary>
    public string? Body { get => GetString("body"); set => SetString("body", value); }

    /// <summary>STIX property <c>body_multipart</c>.</summary>
    public JsonArray? BodyMultipart { get => Json["body_multipart"] as JsonArray; set => SetNode("body_multipart", value); }

    /// <summary>STIX property <c>raw_email_ref</c>.</summary>
    public string? RawEmailRef { get => GetString("raw_email_ref"); set => SetString("raw_email_ref", value); }
}

/// <summary>The STIX 2.1 <c>file</c> object.</summary>
public sealed class StixFile : StixCyberObservable
{
    public const string TypeName = "file";

    public StixFile(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new file with a fresh identifier.</summary>
    public StixFile()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>hashes</c>.</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get => GetHashes("hashes"); set => SetHashes("hashes", value); }

    /// <summary>STIX property <c>size</c>.</summary>
    public long? Size { get => GetInteger("size"); set => SetInteger("size", value); }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>name_enc</c>.</summary>
    public string? NameEnc { get => GetString("name_enc"); set => SetString("name_enc", value); }

    /// <summary>STIX property <c>magic_number_hex</c>.</summary>
    public string? MagicNumberHex { get => GetString("magic_number_hex"); set => SetString("magic_number_hex", value); }

    /// <summary>STIX property <c>mime_type</c>.</summary>
    public string? MimeType { get => GetString("mime_type"); set => SetString("mime_type", value); }

    /// <summary>STIX property <c>ctime</c>.</summary>
    public DateTime? Ctime { get => GetTimestamp("ctime"); set => SetTimestamp("ctime", value); }

    /// <summary>STIX property <c>mtime</c>.</summary>
    public DateTime? Mtime { get => GetTimestamp("mtime"); set => SetTimestamp("mtime", value); }

    /// <summary>STIX property <c>atime</c>.</summary>
    public DateTime? Atime { get => GetTimestamp("atime"); set => SetTimestamp("atime", value); }

    /// <summary>STIX property <c>parent_directory_ref</c>.</summary>
    public string? ParentDirectoryRef { get => GetString("parent_directory_ref"); set => SetString("parent_directory_ref", value); }

    /// <summary>STIX property <c>contains_refs</c>.</summary>
    public IReadOnlyList<string>? ContainsRefs { get => GetStrings("contains_refs"); set => SetStrings("contains_refs", value); }

    /// <summary>STIX property <c>content_ref</c>.</summary>
    public string? ContentRef { get => GetString("content_ref"); set => SetString("content_ref", value); }
}

/// <summary>The STIX 2.1 <c>ipv4-addr</c> object.</summary>
public sealed class Ipv4Addr : StixCyberObservable
{
    public const string TypeName = "ipv4-addr";

    public Ipv4Addr(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new ipv4-addr with a fresh identifier.</summary>
    public Ipv4Addr()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>value</c>.</summary>
    public string? Value { get => GetString("value"); set => SetString("value", value); }

    /// <summary>STIX property <c>resolves_to_refs</c>.</summary>
    public IReadOnlyList<string>? ResolvesToRefs { get => GetStrings("resolves_to_refs"); set => SetStrings("resolves_to_refs", value); }

    /// <summary>STIX property <c>belongs_to_refs</c>.</summary>
    public IReadOnlyList<string>? BelongsToRefs { get => GetStrings("belongs_to_refs"); set => SetStrings("belongs_to_refs", value); }
}

/// <summary>The STIX 2.1 <c>ipv6-addr</c> object.</summary>
public sealed class Ipv6Addr : StixCyberObservable
{
    public const string TypeName = "ipv6-addr";

    public Ipv6Addr(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new ipv6-addr with a fresh identifier.</summary>
    public Ipv6Addr()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>value</c>.</summary>
    public string? Value { get => GetString("value"); set => SetString("value", value); }

    /// <summary>STIX property <c>resolves_to_refs</c>.</summary>
    public IReadOnlyList<string>? ResolvesToRefs { get => GetStrings("resolves_to_refs"); set => SetStrings("resolves_to_refs", value); }

    /// <summary>STIX property <c>belongs_to_refs</c>.</summary>
    public IReadOnlyList<string>? BelongsToRefs { get => GetStrings("belongs_to_refs"); set => SetStrings("belongs_to_refs", value); }
}

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

/// <summary>The STIX 2.1 <c>network-traffic</c> object.</summary>
public sealed class NetworkTraffic : StixCyberObservable
{
    public const string TypeName = "network-traffic";

    public NetworkTraffic(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new network-traffic with a fresh identifier.</summary>
    public NetworkTraffic()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>start</c>.</summary>
    public DateTime? Start { get => GetTimestamp("start"); set => SetTimestamp("start", value); }

    /// <summary>STIX property <c>end</c>.</summary>
    public DateTime? End { get => GetTimestamp("end"); set => SetTimestamp("end", value); }

    /// <summary>STIX property <c>is_active</c>.</summary>
    public bool? IsActive { get => GetBoolean("is_active"); set => SetBoolean("is_active", value); }

    /// <summary>STIX property <c>src_ref</c>.</summary>
    public string? SrcRef { get => GetString("src_ref"); set => SetString("src_ref", value); }

    /// <summary>STIX property <c>dst_ref</c>.</summary>
    public string? DstRef { get => GetString("dst_ref"); set => SetString("dst_ref", value); }

    /// <summary>STIX property <c>src_port</c>.</summary>
    public long? SrcPort { get => GetInteger("src_port"); set => SetInteger("src_port", value); }

    /// <summary>STIX property <c>dst_port</c>.</summary>
    public long? DstPort { get => GetInteger("dst_port"); set => SetInteger("dst_port", value); }

    /// <summary>STIX property <c>protocols</c>.</summary>
    public IReadOnlyList<string>? Protocols { get => GetStrings("protocols"); set => SetStrings("protocols", value); }

    /// <summary>STIX property <c>src_byte_count</c>.</summary>
    public long? SrcByteCount { get => GetInteger("src_byte_count"); set => SetInteger("src_byte_count", value); }

    /// <summary>STIX property <c>dst_byte_count</c>.</summary>
    public long? DstByteCount { get => GetInteger("dst_byte_count"); set => SetInteger("dst_byte_count", value); }

    /// <summary>STIX property <c>src_packets</c>.</summary>
    public long? SrcPackets { get => GetInteger("src_packets"); set => SetInteger("src_packets", value); }

    /// <summary>STIX property <c>dst_packets</c>.</summary>
    public long? DstPackets { get => GetInteger("dst_packets"); set => SetInteger("dst_packets", value); }

    /// <summary>STIX property <c>ipfix</c>.</summary>
    public JsonObject? Ipfix { get => GetObject("ipfix"); set => SetNode("ipfix", value); }

    /// <summary>STIX property <c>src_payload_ref</c>.</summary>
    public string? SrcPayloadRef { get => GetString("src_payload_ref"); set => SetString("src_payload_ref", value); }

    /// <summary>STIX property <c>dst_payload_ref</c>.</summary>
    public string? DstPayloadRef { get => GetString("dst_payload_ref"); set => SetString("dst_payload_ref", value); }

    /// <summary>STIX property <c>encapsulates_refs</c>.</summary>
    public IReadOnlyList<string>? EncapsulatesRefs
    {
        get => GetStrings("encapsulates_refs");
        set => SetStrings("encapsulates_refs", value);
    }

    /// <summary>STIX property <c>encapsulated_by_ref</c>.</summary>
    public string? EncapsulatedByRef { get => GetString("encapsulated_by_ref"); set => SetString("encapsulated_by_ref", value); }
}

/// <summary>The STIX 2.1 <c>process</c> object.</summary>
public sealed class StixProcess : StixCyberObservable
{
    public const string TypeName = "process";

    public StixProcess(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new process with a fresh identifier.</summary>
    public StixProcess()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>is_hidden</c>.</summary>
    public bool? IsHidden { get => GetBoolean("is_hidden"); set => SetBoolean("is_hidden", value); }

    /// <summary>STIX property <c>pid</c>.</summary>
    public long? Pid { get => GetInteger("pid"); set => SetInteger("pid", value); }

    /// <summary>STIX property <c>created_time</c>.</summary>
    public DateTime? CreatedTime { get => GetTimestamp("created_time"); set => SetTimestamp("created_time", value); }

    /// <summary>STIX property <c>cwd</c>.</summary>
    public string? Cwd { get => GetString("cwd"); set => SetString("cwd", value); }

    /// <summary>STIX property <c>command_line</c>.</summary>
    public string? CommandLine { get => GetString("command_line"); set => SetString("command_line", value); }

    /// <summary>STIX property <c>environment_variables</c>.</summary>
    public JsonObject? EnvironmentVariables { get => GetObject("environment_variables"); set => SetNode("environment_variables", value); }

    /// <summary>STIX property <c>opened_connection_refs</c>.</summary>
    public IReadOnlyList<string>? OpenedConnectionRefs
    {
        get => GetStrings("opened_connection_refs");
        set => SetStrings("opened_connection_refs", value);
    }

    /// <summary>STIX property <c>creator_user_ref</c>.</summary>
    public string? CreatorUserRef { get => GetString("creator_user_ref"); set => SetString("creator_user_ref", value); }

    /// <summary>STIX property <c>image_ref</c>.</summary>
    public string? ImageRef { get => GetString("image_ref"); set => SetString("image_ref", value); }

    /// <summary>STIX property <c>parent_ref</c>.</summary>
    public string? ParentRef { get => GetString("parent_ref"); set => SetString("parent_ref", value); }

    /// <summary>STIX property <c>child_refs</c>.</summary>
    public IReadOnlyList<string>? ChildRefs { get => GetStrings("child_refs"); set => SetStrings("child_refs", value); }
}

/// <summary>The STIX 2.1 <c>software</c> object.</summary>
public sealed class Software : StixCyberObservable
{
    public const string TypeName = "software";

    public Software(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new software with a fresh identifier.</summary>
    public Software()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>name</c>.</summary>
    public string? Name { get => GetString("name"); set => SetString("name", value); }

    /// <summary>STIX property <c>cpe</c>.</summary>
    public string? Cpe { get => GetString("cpe"); set => SetString("cpe", value); }

    /// <summary>STIX property <c>swid</c>.</summary>
    public string? Swid { get => GetString("swid"); set => SetString("swid", value); }

    /// <summary>STIX property <c>languages</c>.</summary>
    public IReadOnlyList<string>? Languages { get => GetStrings("languages"); set => SetStrings("languages", value); }

    /// <summary>STIX property <c>vendor</c>.</summary>
    public string? Vendor { get => GetString("vendor"); set => SetString("vendor", value); }

    /// <summary>STIX property <c>version</c>.</summary>
    public string? Version { get => GetString("version"); set => SetString("version", value); }
}

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

/// <summary>The STIX 2.1 <c>user-account</c> object.</summary>
public sealed class UserAccount : StixCyberObservable
{
    public const string TypeName = "user-account";

    public UserAccount(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new user-account with a fresh identifier.</summary>
    public UserAccount()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>user_id</c>.</summary>
    public string? UserId { get => GetString("user_id"); set => SetString("user_id", value); }

    /// <summary>STIX property <c>credential</c>.</summary>
    public string? Credential { get => GetString("credential"); set => SetString("credential", value); }

    /// <summary>STIX property <c>account_login</c>.</summary>
    public string? AccountLogin { get => GetString("account_login"); set => SetString("account_login", value); }

    /// <summary>STIX property <c>account_type</c>.</summary>
    public string? AccountType { get => GetString("account_type"); set => SetString("account_type", value); }

    /// <summary>STIX property <c>display_name</c>.</summary>
    public string? DisplayName { get => GetString("display_name"); set => SetString("display_name", value); }

    /// <summary>STIX property <c>is_service_account</c>.</summary>
    public bool? IsServiceAccount { get => GetBoolean("is_service_account"); set => SetBoolean("is_service_account", value); }

    /// <summary>STIX property <c>is_privileged</c>.</summary>
    public bool? IsPrivileged { get => GetBoolean("is_privileged"); set => SetBoolean("is_privileged", value); }

    /// <summary>STIX property <c>can_escalate_privs</c>.</summary>
    public bool? CanEscalatePrivs { get => GetBoolean("can_escalate_privs"); set => SetBoolean("can_escalate_privs", value); }

    /// <summary>STIX property <c>is_disabled</c>.</summary>
    public bool? IsDisabled { get => GetBoolean("is_disabled"); set => SetBoolean("is_disabled", value); }

    /// <summary>STIX property <c>account_created</c>.</summary>
    public DateTime? AccountCreated { get => GetTimestamp("account_created"); set => SetTimestamp("account_created", value); }

    /// <summary>STIX property <c>account_expires</c>.</summary>
    public DateTime? AccountExpires { get => GetTimestamp("account_expires"); set => SetTimestamp("account_expires", value); }

    /// <summary>STIX property <c>credential_last_changed</c>.</summary>
    public DateTime? CredentialLastChanged
    {
        get => GetTimestamp("credential_last_changed");
        set => SetTimestamp("credential_last_changed", value);
    }

    /// <summary>STIX property <c>account_first_login</c>.</summary>
    public DateTime? AccountFirstLogin { get => GetTimestamp("account_first_login"); set => SetTimestamp("account_first_login", value); }

    /// <summary>STIX property <c>account_last_login</c>.</summary>
    public DateTime? AccountLastLogin { get => GetTimestamp("account_last_login"); set => SetTimestamp("account_last_login", value); }
}

/// <summary>The STIX 2.1 <c>windows-registry-key</c> object.</summary>
public sealed class WindowsRegistryKey : StixCyberObservable
{
    public const string TypeName = "windows-registry-key";

    public WindowsRegistryKey(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new windows-registry-key with a fresh identifier.</summary>
    public WindowsRegistryKey()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>key</c>.</summary>
    public string? Key { get => GetString("key"); set => SetString("key", value); }

    /// <summary>STIX property <c>values</c>.</summary>
    public JsonArray? Values { get => Json["values"] as JsonArray; set => SetNode("values", value); }

    /// <summary>STIX property <c>modified_time</c>.</summary>
    public DateTime? ModifiedTime { get => GetTimestamp("modified_time"); set => SetTimestamp("modified_time", value); }

    /// <summary>STIX property <c>creator_user_ref</c>.</summary>
    public string? CreatorUserRef { get => GetString("creator_user_ref"); set => SetString("creator_user_ref", value); }

    /// <summary>STIX property <c>number_of_subkeys</c>.</summary>
    public long? NumberOfSubkeys { get => GetInteger("number_of_subkeys"); set => SetInteger("number_of_subkeys", value); }
}

/// <summary>The STIX 2.1 <c>x509-certificate</c> object.</summary>
public sealed class X509Certificate : StixCyberObservable
{
    public const string TypeName = "x509-certificate";

    public X509Certificate(JsonObject json)
        : base(json)
    {
    }

    /// <summary>A new x509-certificate with a fresh identifier.</summary>
    public X509Certificate()
        : this(StixTypes.NewObject(TypeName, false))
    {
    }

    /// <summary>STIX property <c>is_self_signed</c>.</summary>
    public bool? IsSelfSigned { get => GetBoolean("is_self_signed"); set => SetBoolean("is_self_signed", value); }

    /// <summary>STIX property <c>hashes</c>.</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get => GetHashes("hashes"); set => SetHashes("hashes", value); }

    /// <summary>STIX property <c>version</c>.</summary>
    public string? Version { get => GetString("version"); set => SetString("version", value); }

    /// <summary>STIX property <c>serial_number</c>.</summary>
    public string? SerialNumber { get => GetString("serial_number"); set => SetString("serial_number", value); }

    /// <summary>STIX property <c>signature_algorithm</c>.</summary>
    public string? SignatureAlgorithm { get => GetString("signature_algorithm"); set => SetString("signature_algorithm", value); }

    /// <summary>STIX property <c>issuer</c>.</summary>
    public string? Issuer { get => GetString("issuer"); set => SetString("issuer", value); }

    /// <summary>STIX property <c>validity_not_before</c>.</summary>
    public DateTime? ValidityNotBefore { get => GetTimestamp("validity_not_before"); set => SetTimestamp("validity_not_before", value); }

    /// <summary>STIX property <c>validity_not_after</c>.</summary>
    public DateTime? ValidityNotAfter { get => GetTimestamp("validity_not_after"); set => SetTimestamp("validity_not_after", value); }

    /// <summary>STIX property <c>subject</c>.</summary>
    public string? Subject { get => GetString("subject"); set => SetString("subject", value); }

    /// <summary>STIX property <c>subject_public_key_algorithm</c>.</summary>
    public string? SubjectPublicKeyAlgorithm
    {
        get => GetString("subject_public_key_algorithm");
        set => SetString("subject_public_key_algorithm", value);
    }

    /// <summary>STIX property <c>subject_public_key_modulus</c>.</summary>
    public string? SubjectPublicKeyModulus
    {
        get => GetString("subject_public_key_modulus");
        set => SetString("subject_public_key_modulus", value);
    }

    /// <summary>STIX property <c>subject_public_key_exponent</c>.</summary>
    public long? SubjectPublicKeyExponent
    {
        get => GetInteger("subject_public_key_exponent");
        set => SetInteger("subject_public_key_exponent", value);
    }

    /// <summary>STIX property <c>x509_v3_extensions</c>.</summary>
    public JsonObject? X509V3Extensions { get => GetObject("x509_v3_extensions"); set => SetNode("x509_v3_extensions", value); }
}
