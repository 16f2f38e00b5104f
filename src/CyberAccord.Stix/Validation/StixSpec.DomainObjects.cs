using CyberAccord.Stix.Model;
using V = CyberAccord.Stix.Validation.Vocabularies;

namespace CyberAccord.Stix.Validation;

/// <summary>The STIX Domain Objects (§4) and Relationship Objects (§5).</summary>
internal static partial class StixSpec
{
    private static IEnumerable<TypeSpec> DomainObjects()
    {
        yield return Sdo("attack-pattern", new()
        {
            ["name"] = Str().Req(),
            ["description"] = Str(),
            ["aliases"] = StringList,
            ["kill_chain_phases"] = KillChain,
        });

        yield return Sdo("campaign", new()
        {
            ["name"] = Str().Req(),
            ["description"] = Str(),
            ["aliases"] = StringList,
            ["first_seen"] = Ts(),
            ["last_seen"] = Ts(),
            ["objective"] = Str(),
        }) with
        {
            TimestampOrder = SeenOrder,
        };

        yield return Sdo("course-of-action", new()
        {
            ["name"] = Str().Req(),
            ["description"] = Str(),
            ["action"] = Any(),
        });

        yield return Sdo("grouping", new()
        {
            ["name"] = Str(),
            ["description"] = Str(),
            ["context"] = Open("grouping-context-ov", V.GroupingContext).Req(),
            ["object_refs"] = ListOf(Ref()).Req(),
        });

        yield return Sdo("identity", new()
        {
            ["name"] = Str().Req(),
            ["description"] = Str(),
            ["roles"] = StringList,
            ["identity_class"] = Open("identity-class-ov", V.IdentityClass),
            ["sectors"] = ListOf(Open("industry-sector-ov", V.IndustrySector)),
            ["contact_information"] = Str(),
        });

        yield return Sdo("incident", new()
        {
            ["name"] = Str().Req(),
            ["description"] = Str(),
            ["kill_chain_phases"] = KillChain,
        });

        yield return Sdo("indicator", new()
        {
            ["name"] = Str(),
            ["description"] = Str(),
            ["indicator_types"] = ListOf(Open("indicator-type-ov", V.IndicatorType)),
            ["pattern"] = Str().Req(),
            ["pattern_type"] = Open("pattern-type-ov", V.PatternType).Req(),
            ["pattern_version"] = Str(),
            ["valid_from"] = Ts().Req(),
            ["valid_until"] = Ts(),
            ["kill_chain_phases"] = KillChain,
        }) with
        {
            TimestampOrder = new("valid_from", "valid_until", Strict: true),
        };

        yield return Sdo("infrastructure", new()
        {
            ["name"] = Str().Req(),
            ["description"] = Str(),
            ["infrastructure_types"] = ListOf(Open("infrastructure-type-ov", V.InfrastructureType)),
            ["aliases"] = StringList,
            ["kill_chain_phases"] = KillChain,
            ["first_seen"] = Ts(),
            ["last_seen"] = Ts(),
        }) with
        {
            TimestampOrder = SeenOrder,
        };

        yield return Sdo("intrusion-set", new()
        {
            ["name"] = Str().Req(),
            ["description"] = Str(),
            ["aliases"] = StringList,
            ["first_seen"] = Ts(),
            ["last_seen"] = Ts(),
            ["goals"] = StringList,
            ["resource_level"] = Open("attack-resource-level-ov", V.AttackResourceLevel),
            ["primary_motivation"] = Open("attack-motivation-ov", V.AttackMotivation),
            ["secondary_motivations"] = ListOf(Open("attack-motivation-ov", V.AttackMotivation)),
        }) with
        {
            TimestampOrder = SeenOrder,
        };

        yield return Sdo("location", new()
        {
            ["name"] = Str(),
            ["description"] = Str(),
            ["latitude"] = Float(-90, 90),
            ["longitude"] = Float(-180, 180),
            ["precision"] = Float(0),
            ["region"] = Open("region-ov", V.Region),
            ["country"] = Str(),
            ["administrative_area"] = Str(),
            ["city"] = Str(),
            ["street_address"] = Str(),
            ["postal_code"] = Str(),
        });

        yield return Sdo("malware", new()
        {
            ["name"] = Str(),
            ["description"] = Str(),
            ["malware_types"] = ListOf(Open("malware-type-ov", V.MalwareType)),
            ["is_family"] = Bool().Req(),
            ["aliases"] = StringList,
            ["kill_chain_phases"] = KillChain,
            ["first_seen"] = Ts(),
            ["last_seen"] = Ts(),
            ["operating_system_refs"] = ListOf(Ref("software")),
            ["architecture_execution_envs"] = ListOf(Open("processor-architecture-ov", V.ProcessorArchitecture)),
            ["implementation_languages"] = ListOf(Open("implementation-language-ov", V.ImplementationLanguage)),
            ["capabilities"] = ListOf(Open("malware-capabilities-ov", V.MalwareCapabilities)),
            ["sample_refs"] = ListOf(Ref("file", "artifact")),
        }) with
        {
            TimestampOrder = SeenOrder,
        };

        yield return Sdo("malware-analysis", new()
        {
            ["product"] = Str().Req(),
            ["version"] = Str(),
            ["host_vm_ref"] = Ref("software"),
            ["operating_system_ref"] = Ref("software"),
            ["installed_software_refs"] = ListOf(Ref("software")),
            ["configuration_version"] = Str(),
            ["modules"] = StringList,
            ["analysis_engine_version"] = Str(),
            ["analysis_definition_version"] = Str(),
            ["submitted"] = Ts(),
            ["analysis_started"] = Ts(),
            ["analysis_ended"] = Ts(),
            ["result_name"] = Str(),
            ["result"] = Open("malware-result-ov", V.MalwareResult),
            ["analysis_sco_refs"] = ListOf(RefTo(StixCategory.CyberObservable)),
            ["sample_ref"] = Ref("file", "network-traffic", "artifact"),
        }) with
        {
            RequiresAnyOf = new(["result", "analysis_sco_refs"], ".result", "malware-analysis requires result or analysis_sco_refs"),
        };

        yield return Sdo("note", new()
        {
            ["abstract"] = Str(),
            ["content"] = Str().Req(),
            ["authors"] = StringList,
            ["object_refs"] = ListOf(Ref()).Req(),
        });

        yield return Sdo("observed-data", new()
        {
            ["first_observed"] = Ts().Req(),
            ["last_observed"] = Ts().Req(),
            ["number_observed"] = Int(1, 999_999_999).Req(),
            ["objects"] = Dict(),
            ["object_refs"] = ListOf(RefTo(StixCategory.CyberObservable, StixCategory.RelationshipObject)),
        }) with
        {
            TimestampOrder = new("first_observed", "last_observed", Strict: false),
        };

        yield return Sdo("opinion", new()
        {
            ["explanation"] = Str(),
            ["authors"] = StringList,
            ["opinion"] = Closed("opinion-enum", V.Opinion).Req(),
            ["object_refs"] = ListOf(Ref()).Req(),
        });

        yield return Sdo("report", new()
        {
            ["name"] = Str().Req(),
            ["description"] = Str(),
            ["report_types"] = ListOf(Open("report-type-ov", V.ReportType)),
            ["published"] = Ts().Req(),
            ["object_refs"] = ListOf(Ref()).Req(),
        });

        yield return Sdo("threat-actor", new()
        {
            ["name"] = Str().Req(),
            ["description"] = Str(),
            ["threat_actor_types"] = ListOf(Open("threat-actor-type-ov", V.ThreatActorType)),
            ["aliases"] = StringList,
            ["first_seen"] = Ts(),
            ["last_seen"] = Ts(),
            ["roles"] = ListOf(Open("threat-actor-role-ov", V.ThreatActorRole)),
            ["goals"] = StringList,
            ["sophistication"] = Open("threat-actor-sophistication-ov", V.ThreatActorSophistication),
            ["resource_level"] = Open("attack-resource-level-ov", V.AttackResourceLevel),
            ["primary_motivation"] = Open("attack-motivation-ov", V.AttackMotivation),
            ["secondary_motivations"] = ListOf(Open("attack-motivation-ov", V.AttackMotivation)),
            ["personal_motivations"] = ListOf(Open("attack-motivation-ov", V.AttackMotivation)),
        }) with
        {
            TimestampOrder = SeenOrder,
        };

        yield return Sdo("tool", new()
        {
            ["name"] = Str().Req(),
            ["description"] = Str(),
            ["tool_types"] = ListOf(Open("tool-type-ov", V.ToolType)),
            ["aliases"] = StringList,
            ["kill_chain_phases"] = KillChain,
            ["tool_version"] = Str(),
        });

        yield return Sdo("vulnerability", new()
        {
            ["name"] = Str().Req(),
            ["description"] = Str(),
        });
    }

    private static IEnumerable<TypeSpec> RelationshipObjects()
    {
        yield return Sro("relationship", new()
        {
            ["relationship_type"] = Str().Req(),
            ["description"] = Str(),
            ["source_ref"] = RefTo(SdoOrSco).Req(),
            ["target_ref"] = RefTo(SdoOrSco).Req(),
            ["start_time"] = Ts(),
            ["stop_time"] = Ts(),
        }) with
        {
            TimestampOrder = new("start_time", "stop_time", Strict: true),
        };

        yield return Sro("sighting", new()
        {
            ["description"] = Str(),
            ["first_seen"] = Ts(),
            ["last_seen"] = Ts(),
            ["count"] = Int(0, 999_999_999),
            ["sighting_of_ref"] = RefTo(StixCategory.DomainObject).Req(),
            ["observed_data_refs"] = ListOf(Ref("observed-data")),
            ["where_sighted_refs"] = ListOf(Ref("identity", "location")),
            ["summary"] = Bool(),
        }) with
        {
            TimestampOrder = SeenOrder,
        };
    }
}
