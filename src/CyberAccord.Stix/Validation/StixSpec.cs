using System.Collections.Frozen;
using CyberAccord.Stix.Model;
using V = CyberAccord.Stix.Validation.Vocabularies;

namespace CyberAccord.Stix.Validation;

internal enum PropertyKind
{
    String, Boolean, Integer, Float, Timestamp, Identifier, List, OpenVocab, ClosedVocab, Dictionary, Hashes, Binary, Hex,
    ExternalReference, KillChainPhase, GranularMarking, Extensions, Object, Any,
}

/// <summary>What a property must hold. Identifiers name the object types (or categories) they may point at.</summary>
internal sealed record PropertySpec(PropertyKind Kind)
{
    public bool Required { get; init; }

    public PropertySpec? Item { get; init; }

    public FrozenSet<string>? Vocabulary { get; init; }

    public string? VocabularyName { get; init; }

    public FrozenSet<string>? RefTypes { get; init; }

    public StixCategory[]? RefCategories { get; init; }

    public double? Min { get; init; }

    public double? Max { get; init; }

    /// <summary>For created/modified: at least millisecond precision.</summary>
    public bool Milliseconds { get; init; }

    public PropertySpec Req() => this with { Required = true };
}

/// <summary>One STIX 2.1 object type: its category, properties and the properties its deterministic id derives from.</summary>
internal sealed record TypeSpec(string Type, StixCategory Category, FrozenDictionary<string, PropertySpec> Properties, string[] IdContributing, FrozenSet<string> PredefinedExtensions);

/// <summary>The STIX 2.1 object types (§4–§7), as data the validator walks.</summary>
internal static class StixSpec
{
    private static PropertySpec Str() => new(PropertyKind.String);

    private static PropertySpec Bool() => new(PropertyKind.Boolean);

    private static PropertySpec Int(double? min = null, double? max = null) => new(PropertyKind.Integer) { Min = min, Max = max };

    private static PropertySpec Float(double? min = null, double? max = null) => new(PropertyKind.Float) { Min = min, Max = max };

    private static PropertySpec Ts(bool ms = false) => new(PropertyKind.Timestamp) { Milliseconds = ms };

    private static PropertySpec Ref(params string[] types) => new(PropertyKind.Identifier) { RefTypes = types.Length == 0 ? null : types.ToFrozenSet(StringComparer.Ordinal) };

    private static PropertySpec RefTo(params StixCategory[] categories) => new(PropertyKind.Identifier) { RefCategories = categories };

    private static PropertySpec ListOf(PropertySpec item) => new(PropertyKind.List) { Item = item };

    private static PropertySpec Open(string name, FrozenSet<string> values) => new(PropertyKind.OpenVocab) { Vocabulary = values, VocabularyName = name };

    private static PropertySpec Closed(string name, FrozenSet<string> values) => new(PropertyKind.ClosedVocab) { Vocabulary = values, VocabularyName = name };

    private static PropertySpec Dict() => new(PropertyKind.Dictionary);

    private static PropertySpec Hashes() => new(PropertyKind.Hashes);

    private static PropertySpec Bin() => new(PropertyKind.Binary);

    private static PropertySpec Hex() => new(PropertyKind.Hex);

    private static PropertySpec Obj() => new(PropertyKind.Object);

    private static PropertySpec Any() => new(PropertyKind.Any);

    private static readonly PropertySpec StringList = ListOf(Str());

    private static readonly StixCategory[] SdoOrSco = [StixCategory.DomainObject, StixCategory.CyberObservable];

    public static readonly Dictionary<string, PropertySpec> CommonDomain = new(StringComparer.Ordinal)
    {
        ["type"] = Str().Req(),
        ["spec_version"] = Str().Req(),
        ["id"] = Ref().Req(),
        ["created_by_ref"] = Ref("identity"),
        ["created"] = Ts(ms: true).Req(),
        ["modified"] = Ts(ms: true).Req(),
        ["revoked"] = Bool(),
        ["labels"] = StringList,
        ["confidence"] = Int(0, 100),
        ["lang"] = Str(),
        ["external_references"] = ListOf(new PropertySpec(PropertyKind.ExternalReference)),
        ["object_marking_refs"] = ListOf(Ref("marking-definition")),
        ["granular_markings"] = ListOf(new PropertySpec(PropertyKind.GranularMarking)),
        ["extensions"] = new PropertySpec(PropertyKind.Extensions),
    };

    public static readonly Dictionary<string, PropertySpec> CommonObservable = new(StringComparer.Ordinal)
    {
        ["type"] = Str().Req(),
        ["spec_version"] = Str(),
        ["id"] = Ref().Req(),
        ["object_marking_refs"] = ListOf(Ref("marking-definition")),
        ["granular_markings"] = ListOf(new PropertySpec(PropertyKind.GranularMarking)),
        ["defanged"] = Bool(),
        ["extensions"] = new PropertySpec(PropertyKind.Extensions),
    };

    private static readonly PropertySpec KillChain = ListOf(new PropertySpec(PropertyKind.KillChainPhase));

    public static readonly FrozenDictionary<string, TypeSpec> Types = Build();

    /// <summary>Extensions STIX 2.1 predefines for cyber-observables (§6).</summary>
    private static FrozenSet<string> Ext(params string[] names) => names.ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, TypeSpec> Build()
    {
        var types = new Dictionary<string, TypeSpec>(StringComparer.Ordinal);
        void Sdo(string type, Dictionary<string, PropertySpec> properties, StixCategory category = StixCategory.DomainObject)
        {
            var all = new Dictionary<string, PropertySpec>(CommonDomain, StringComparer.Ordinal);
            foreach (var (name, spec) in properties)
            {
                all[name] = spec;
            }

            types[type] = new TypeSpec(type, category, all.ToFrozenDictionary(StringComparer.Ordinal), [], FrozenSet<string>.Empty);
        }

        void Sco(string type, Dictionary<string, PropertySpec> properties, string[] idContributing, FrozenSet<string>? extensions = null)
        {
            var all = new Dictionary<string, PropertySpec>(CommonObservable, StringComparer.Ordinal);
            foreach (var (name, spec) in properties)
            {
                all[name] = spec;
            }

            types[type] = new TypeSpec(type, StixCategory.CyberObservable, all.ToFrozenDictionary(StringComparer.Ordinal), idContributing, extensions ?? FrozenSet<string>.Empty);
        }

        Sdo("attack-pattern", new() { ["name"] = Str().Req(), ["description"] = Str(), ["aliases"] = StringList, ["kill_chain_phases"] = KillChain });
        Sdo("campaign", new() { ["name"] = Str().Req(), ["description"] = Str(), ["aliases"] = StringList, ["first_seen"] = Ts(), ["last_seen"] = Ts(), ["objective"] = Str() });
        Sdo("course-of-action", new() { ["name"] = Str().Req(), ["description"] = Str(), ["action"] = Any() });
        Sdo("grouping", new() { ["name"] = Str(), ["description"] = Str(), ["context"] = Open("grouping-context-ov", V.GroupingContext).Req(), ["object_refs"] = ListOf(Ref()).Req() });
        Sdo("identity", new() { ["name"] = Str().Req(), ["description"] = Str(), ["roles"] = StringList, ["identity_class"] = Open("identity-class-ov", V.IdentityClass), ["sectors"] = ListOf(Open("industry-sector-ov", V.IndustrySector)), ["contact_information"] = Str() });
        Sdo("incident", new() { ["name"] = Str().Req(), ["description"] = Str(), ["kill_chain_phases"] = KillChain });
        Sdo("indicator", new() { ["name"] = Str(), ["description"] = Str(), ["indicator_types"] = ListOf(Open("indicator-type-ov", V.IndicatorType)), ["pattern"] = Str().Req(), ["pattern_type"] = Open("pattern-type-ov", V.PatternType).Req(), ["pattern_version"] = Str(), ["valid_from"] = Ts().Req(), ["valid_until"] = Ts(), ["kill_chain_phases"] = KillChain });
        Sdo("infrastructure", new() { ["name"] = Str().Req(), ["description"] = Str(), ["infrastructure_types"] = ListOf(Open("infrastructure-type-ov", V.InfrastructureType)), ["aliases"] = StringList, ["kill_chain_phases"] = KillChain, ["first_seen"] = Ts(), ["last_seen"] = Ts() });
        Sdo("intrusion-set", new() { ["name"] = Str().Req(), ["description"] = Str(), ["aliases"] = StringList, ["first_seen"] = Ts(), ["last_seen"] = Ts(), ["goals"] = StringList, ["resource_level"] = Open("attack-resource-level-ov", V.AttackResourceLevel), ["primary_motivation"] = Open("attack-motivation-ov", V.AttackMotivation), ["secondary_motivations"] = ListOf(Open("attack-motivation-ov", V.AttackMotivation)) });
        Sdo("location", new() { ["name"] = Str(), ["description"] = Str(), ["latitude"] = Float(-90, 90), ["longitude"] = Float(-180, 180), ["precision"] = Float(0), ["region"] = Open("region-ov", V.Region), ["country"] = Str(), ["administrative_area"] = Str(), ["city"] = Str(), ["street_address"] = Str(), ["postal_code"] = Str() });
        Sdo("malware", new() { ["name"] = Str(), ["description"] = Str(), ["malware_types"] = ListOf(Open("malware-type-ov", V.MalwareType)), ["is_family"] = Bool().Req(), ["aliases"] = StringList, ["kill_chain_phases"] = KillChain, ["first_seen"] = Ts(), ["last_seen"] = Ts(), ["operating_system_refs"] = ListOf(Ref("software")), ["architecture_execution_envs"] = ListOf(Open("processor-architecture-ov", V.ProcessorArchitecture)), ["implementation_languages"] = ListOf(Open("implementation-language-ov", V.ImplementationLanguage)), ["capabilities"] = ListOf(Open("malware-capabilities-ov", V.MalwareCapabilities)), ["sample_refs"] = ListOf(Ref("file", "artifact")) });
        Sdo("malware-analysis", new() { ["product"] = Str().Req(), ["version"] = Str(), ["host_vm_ref"] = Ref("software"), ["operating_system_ref"] = Ref("software"), ["installed_software_refs"] = ListOf(Ref("software")), ["configuration_version"] = Str(), ["modules"] = StringList, ["analysis_engine_version"] = Str(), ["analysis_definition_version"] = Str(), ["submitted"] = Ts(), ["analysis_started"] = Ts(), ["analysis_ended"] = Ts(), ["result_name"] = Str(), ["result"] = Open("malware-result-ov", V.MalwareResult), ["analysis_sco_refs"] = ListOf(RefTo(StixCategory.CyberObservable)), ["sample_ref"] = Ref("file", "network-traffic", "artifact") });
        Sdo("note", new() { ["abstract"] = Str(), ["content"] = Str().Req(), ["authors"] = StringList, ["object_refs"] = ListOf(Ref()).Req() });
        Sdo("observed-data", new() { ["first_observed"] = Ts().Req(), ["last_observed"] = Ts().Req(), ["number_observed"] = Int(1, 999_999_999).Req(), ["objects"] = Dict(), ["object_refs"] = ListOf(RefTo(StixCategory.CyberObservable, StixCategory.RelationshipObject)) });
        Sdo("opinion", new() { ["explanation"] = Str(), ["authors"] = StringList, ["opinion"] = Closed("opinion-enum", V.Opinion).Req(), ["object_refs"] = ListOf(Ref()).Req() });
        Sdo("report", new() { ["name"] = Str().Req(), ["description"] = Str(), ["report_types"] = ListOf(Open("report-type-ov", V.ReportType)), ["published"] = Ts().Req(), ["object_refs"] = ListOf(Ref()).Req() });
        Sdo("threat-actor", new() { ["name"] = Str().Req(), ["description"] = Str(), ["threat_actor_types"] = ListOf(Open("threat-actor-type-ov", V.ThreatActorType)), ["aliases"] = StringList, ["first_seen"] = Ts(), ["last_seen"] = Ts(), ["roles"] = ListOf(Open("threat-actor-role-ov", V.ThreatActorRole)), ["goals"] = StringList, ["sophistication"] = Open("threat-actor-sophistication-ov", V.ThreatActorSophistication), ["resource_level"] = Open("attack-resource-level-ov", V.AttackResourceLevel), ["primary_motivation"] = Open("attack-motivation-ov", V.AttackMotivation), ["secondary_motivations"] = ListOf(Open("attack-motivation-ov", V.AttackMotivation)), ["personal_motivations"] = ListOf(Open("attack-motivation-ov", V.AttackMotivation)) });
        Sdo("tool", new() { ["name"] = Str().Req(), ["description"] = Str(), ["tool_types"] = ListOf(Open("tool-type-ov", V.ToolType)), ["aliases"] = StringList, ["kill_chain_phases"] = KillChain, ["tool_version"] = Str() });
        Sdo("vulnerability", new() { ["name"] = Str().Req(), ["description"] = Str() });

        Sdo("relationship", new() { ["relationship_type"] = Str().Req(), ["description"] = Str(), ["source_ref"] = RefTo(SdoOrSco).Req(), ["target_ref"] = RefTo(SdoOrSco).Req(), ["start_time"] = Ts(), ["stop_time"] = Ts() }, StixCategory.RelationshipObject);
        Sdo("sighting", new() { ["description"] = Str(), ["first_seen"] = Ts(), ["last_seen"] = Ts(), ["count"] = Int(0, 999_999_999), ["sighting_of_ref"] = RefTo(StixCategory.DomainObject).Req(), ["observed_data_refs"] = ListOf(Ref("observed-data")), ["where_sighted_refs"] = ListOf(Ref("identity", "location")), ["summary"] = Bool() }, StixCategory.RelationshipObject);

        Sdo("language-content", new() { ["object_ref"] = Ref().Req(), ["object_modified"] = Ts(ms: true), ["contents"] = Dict().Req() }, StixCategory.MetaObject);
        Sdo("extension-definition", new() { ["created_by_ref"] = Ref("identity").Req(), ["name"] = Str().Req(), ["description"] = Str(), ["schema"] = Str().Req(), ["version"] = Str().Req(), ["extension_types"] = ListOf(Closed("extension-type-enum", V.ExtensionType)).Req(), ["extension_properties"] = StringList }, StixCategory.MetaObject);

        var marking = new Dictionary<string, PropertySpec>(StringComparer.Ordinal)
        {
            ["type"] = Str().Req(),
            ["spec_version"] = Str().Req(),
            ["id"] = Ref().Req(),
            ["created_by_ref"] = Ref("identity"),
            ["created"] = Ts(ms: true).Req(),
            ["external_references"] = CommonDomain["external_references"],
            ["object_marking_refs"] = CommonDomain["object_marking_refs"],
            ["granular_markings"] = CommonDomain["granular_markings"],
            ["extensions"] = CommonDomain["extensions"],
            ["name"] = Str(),
            ["definition_type"] = Open("marking-definition-type", V.MarkingDefinitionType),
            ["definition"] = Obj(),
        };
        types["marking-definition"] = new TypeSpec("marking-definition", StixCategory.MetaObject, marking.ToFrozenDictionary(StringComparer.Ordinal), [], FrozenSet<string>.Empty);

        Sco("artifact", new() { ["mime_type"] = Str(), ["payload_bin"] = Bin(), ["url"] = Str(), ["hashes"] = Hashes(), ["encryption_algorithm"] = Closed("encryption-algorithm-enum", V.EncryptionAlgorithm), ["decryption_key"] = Str() }, ["hashes", "payload_bin"]);
        Sco("autonomous-system", new() { ["number"] = Int(0).Req(), ["name"] = Str(), ["rir"] = Str() }, ["number"]);
        Sco("directory", new() { ["path"] = Str().Req(), ["path_enc"] = Str(), ["ctime"] = Ts(), ["mtime"] = Ts(), ["atime"] = Ts(), ["contains_refs"] = ListOf(Ref("file", "directory")) }, ["path"]);
        Sco("domain-name", new() { ["value"] = Str().Req(), ["resolves_to_refs"] = ListOf(Ref("ipv4-addr", "ipv6-addr", "domain-name")) }, ["value"]);
        Sco("email-addr", new() { ["value"] = Str().Req(), ["display_name"] = Str(), ["belongs_to_ref"] = Ref("user-account") }, ["value"]);
        Sco("email-message", new() { ["is_multipart"] = Bool().Req(), ["date"] = Ts(), ["content_type"] = Str(), ["from_ref"] = Ref("email-addr"), ["sender_ref"] = Ref("email-addr"), ["to_refs"] = ListOf(Ref("email-addr")), ["cc_refs"] = ListOf(Ref("email-addr")), ["bcc_refs"] = ListOf(Ref("email-addr")), ["message_id"] = Str(), ["subject"] = Str(), ["received_lines"] = StringList, ["additional_header_fields"] = Dict(), ["body"] = Str(), ["body_multipart"] = ListOf(Obj()), ["raw_email_ref"] = Ref("artifact") }, ["from_ref", "subject", "body"]);
        Sco("file", new() { ["hashes"] = Hashes(), ["size"] = Int(0), ["name"] = Str(), ["name_enc"] = Str(), ["magic_number_hex"] = Hex(), ["mime_type"] = Str(), ["ctime"] = Ts(), ["mtime"] = Ts(), ["atime"] = Ts(), ["parent_directory_ref"] = Ref("directory"), ["contains_refs"] = ListOf(RefTo(StixCategory.CyberObservable)), ["content_ref"] = Ref("artifact") }, ["hashes", "name", "extensions", "parent_directory_ref"], Ext("archive-ext", "ntfs-ext", "pdf-ext", "raster-image-ext", "windows-pebinary-ext"));
        Sco("ipv4-addr", new() { ["value"] = Str().Req(), ["resolves_to_refs"] = ListOf(Ref("mac-addr")), ["belongs_to_refs"] = ListOf(Ref("autonomous-system")) }, ["value"]);
        Sco("ipv6-addr", new() { ["value"] = Str().Req(), ["resolves_to_refs"] = ListOf(Ref("mac-addr")), ["belongs_to_refs"] = ListOf(Ref("autonomous-system")) }, ["value"]);
        Sco("mac-addr", new() { ["value"] = Str().Req() }, ["value"]);
        Sco("mutex", new() { ["name"] = Str().Req() }, ["name"]);
        Sco("network-traffic", new() { ["start"] = Ts(), ["end"] = Ts(), ["is_active"] = Bool(), ["src_ref"] = Ref("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"), ["dst_ref"] = Ref("ipv4-addr", "ipv6-addr", "mac-addr", "domain-name"), ["src_port"] = Int(0, 65535), ["dst_port"] = Int(0, 65535), ["protocols"] = StringList.Req(), ["src_byte_count"] = Int(0), ["dst_byte_count"] = Int(0), ["src_packets"] = Int(0), ["dst_packets"] = Int(0), ["ipfix"] = Dict(), ["src_payload_ref"] = Ref("artifact"), ["dst_payload_ref"] = Ref("artifact"), ["encapsulates_refs"] = ListOf(Ref("network-traffic")), ["encapsulated_by_ref"] = Ref("network-traffic") }, ["start", "end", "src_ref", "dst_ref", "src_port", "dst_port", "protocols", "extensions"], Ext("http-request-ext", "icmp-ext", "socket-ext", "tcp-ext"));
        Sco("process", new() { ["is_hidden"] = Bool(), ["pid"] = Int(), ["created_time"] = Ts(), ["cwd"] = Str(), ["command_line"] = Str(), ["environment_variables"] = Dict(), ["opened_connection_refs"] = ListOf(Ref("network-traffic")), ["creator_user_ref"] = Ref("user-account"), ["image_ref"] = Ref("file"), ["parent_ref"] = Ref("process"), ["child_refs"] = ListOf(Ref("process")) }, [], Ext("windows-process-ext", "windows-service-ext"));
        Sco("software", new() { ["name"] = Str().Req(), ["cpe"] = Str(), ["swid"] = Str(), ["languages"] = StringList, ["vendor"] = Str(), ["version"] = Str() }, ["name", "cpe", "swid", "vendor", "version"]);
        Sco("url", new() { ["value"] = Str().Req() }, ["value"]);
        Sco("user-account", new() { ["user_id"] = Str(), ["credential"] = Str(), ["account_login"] = Str(), ["account_type"] = Open("account-type-ov", V.AccountType), ["display_name"] = Str(), ["is_service_account"] = Bool(), ["is_privileged"] = Bool(), ["can_escalate_privs"] = Bool(), ["is_disabled"] = Bool(), ["account_created"] = Ts(), ["account_expires"] = Ts(), ["credential_last_changed"] = Ts(), ["account_first_login"] = Ts(), ["account_last_login"] = Ts() }, ["account_type", "user_id", "account_login"], Ext("unix-account-ext"));
        Sco("windows-registry-key", new() { ["key"] = Str(), ["values"] = ListOf(Obj()), ["modified_time"] = Ts(), ["creator_user_ref"] = Ref("user-account"), ["number_of_subkeys"] = Int(0) }, ["key", "values"]);
        Sco("x509-certificate", new() { ["is_self_signed"] = Bool(), ["hashes"] = Hashes(), ["version"] = Str(), ["serial_number"] = Str(), ["signature_algorithm"] = Str(), ["issuer"] = Str(), ["validity_not_before"] = Ts(), ["validity_not_after"] = Ts(), ["subject"] = Str(), ["subject_public_key_algorithm"] = Str(), ["subject_public_key_modulus"] = Str(), ["subject_public_key_exponent"] = Int(0), ["x509_v3_extensions"] = Obj() }, ["hashes", "serial_number"]);

        return types.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The category of a type; unknown (custom) types are domain objects unless they look like observables.</summary>
    public static StixCategory CategoryOf(string type) =>
        type == "bundle" ? StixCategory.Bundle : Types.TryGetValue(type, out var spec) ? spec.Category : StixCategory.DomainObject;
}
