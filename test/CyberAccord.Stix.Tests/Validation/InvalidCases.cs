using System.Text.Json.Nodes;

namespace CyberAccord.Stix.Tests.Validation;

/// <summary>At least 150 cases, each breaking one rule of the specification in one of the base objects.</summary>
internal static class InvalidCases
{
    private const string Identity = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff";

    private static Action<JsonObject> Set(string property, string json) => o => o[property] = JsonNode.Parse(json);

    private static Action<JsonObject> Remove(params string[] properties) => o =>
    {
        foreach (var property in properties)
        {
            o.Remove(property);
        }
    };

    private static Action<JsonObject> Edit(Action<JsonObject> action) => action;

    public static readonly List<InvalidCase> All = Build();

    private static List<InvalidCase> Build()
    {
        var cases = new List<InvalidCase>();
        void Add(string name, string @base, Action<JsonObject> mutate, string code, string path, bool warning = false) =>
            cases.Add(new InvalidCase(name, @base, mutate, code, path, warning));

        // Required common properties, for every domain, relationship and meta type.
        string[] coreTypes =
        [
            "indicator", "malware", "identity", "relationship", "sighting", "report", "observed-data", "location", "campaign", "grouping",
            "note", "opinion", "threat-actor", "tool", "infrastructure", "intrusion-set", "malware-analysis", "vulnerability",
            "attack-pattern", "course-of-action", "incident", "extension-definition", "language-content",
        ];
        foreach (var type in coreTypes)
        {
            Add($"{type} without spec_version", type, Remove("spec_version"), "required-property", "$.spec_version");
            Add($"{type} without created", type, Remove("created"), "required-property", "$.created");
            Add($"{type} without modified", type, Remove("modified"), "required-property", "$.modified");
            Add($"{type} with modified before created", type, Set("modified", "\"2015-01-01T00:00:00.000Z\""),
                "modified-before-created", "$.modified");
        }

        // Type-specific required properties.
        foreach (var (type, property) in new[]
        {
            ("indicator", "pattern"), ("indicator", "pattern_type"), ("indicator", "valid_from"), ("malware", "is_family"),
            ("identity", "name"), ("relationship", "relationship_type"), ("relationship", "source_ref"), ("relationship", "target_ref"),
            ("sighting", "sighting_of_ref"), ("report", "name"), ("report", "published"), ("report", "object_refs"),
            ("observed-data", "first_observed"), ("observed-data", "last_observed"), ("observed-data", "number_observed"),
            ("campaign", "name"), ("grouping", "context"), ("grouping", "object_refs"), ("note", "content"), ("note", "object_refs"),
            ("opinion", "opinion"), ("opinion", "object_refs"), ("threat-actor", "name"), ("tool", "name"), ("infrastructure", "name"),
            ("intrusion-set", "name"), ("malware-analysis", "product"), ("vulnerability", "name"), ("attack-pattern", "name"),
            ("course-of-action", "name"), ("incident", "name"), ("extension-definition", "name"), ("extension-definition", "schema"),
            ("extension-definition", "version"), ("extension-definition", "extension_types"), ("extension-definition", "created_by_ref"),
            ("language-content", "object_ref"), ("language-content", "contents"), ("ipv4-addr", "value"), ("domain-name", "value"),
            ("autonomous-system", "number"), ("email-message", "is_multipart"), ("network-traffic", "protocols"), ("statement", "created"),
            ("statement", "spec_version"),
        })
        {
            Add($"{type} without {property}", type, Remove(property), "required-property", "$." + property);
        }

        Add("object without type", "indicator", Remove("type"), "required-property", "$.type");
        Add("object with a non-string type", "indicator", Set("type", "7"), "required-property", "$.type");
        Add("type with upper case", "indicator", Set("type", "\"Indicator\""), "type-name", "$.type");
        Add("type too short", "indicator", Set("type", "\"in\""), "type-name", "$.type");
        Add("type with underscore", "indicator", Set("type", "\"my_type\""), "type-name", "$.type");
        Add("type with double hyphen", "indicator", Set("type", "\"x--thing\""), "type-name", "$.type");
        Add("bundle nested as an object", "indicator", Set("type", "\"bundle\""), "nested-bundle", "$.type");

        // Identifiers.
        Add("id without separator", "indicator", Set("id", "\"indicator-8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\""), "id-format", "$.id");
        Add("id with a short uuid", "indicator", Set("id", "\"indicator--8e2e2d2b-17d4-4cbf-938f\""), "id-format", "$.id");
        Add("id with uuid version 0", "indicator", Set("id", "\"indicator--8e2e2d2b-17d4-0cbf-938f-98ee46b3cd3f\""), "id-format", "$.id");
        Add("id with uuid version 7", "indicator", Set("id", "\"indicator--8e2e2d2b-17d4-7cbf-938f-98ee46b3cd3f\""), "id-format", "$.id");
        Add("id with wrong variant", "indicator", Set("id", "\"indicator--8e2e2d2b-17d4-4cbf-738f-98ee46b3cd3f\""), "id-format", "$.id");
        Add("id with non-hex digit", "indicator", Set("id", "\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3g\""), "id-format", "$.id");
        Add("id of another type", "indicator", Set("id", "\"malware--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\""), "id-type-mismatch", "$.id");
        Add("sdo id with uuid v1", "indicator", Set("id", "\"indicator--8e2e2d2b-17d4-1cbf-938f-98ee46b3cd3f\""),
            "id-uuid-version", "$.id", warning: true);
        Add("process id that is not v4", "process", Set("id", "\"process--f52a906a-0dfc-50bd-92f1-e7778ead38a9\""),
            "sco-id-version", "$.id");
        Add("sco with a v5 id from other properties", "ipv4-addr", Set("id", "\"ipv4-addr--ff26c055-6336-5bc5-b98d-13d6226742dd\""),
            "sco-id-deterministic", "$.id", warning: true);

        // References and their target types.
        Add("created_by_ref to a malware", "indicator", Set("created_by_ref", "\"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b\""),
            "ref-target-type", "$.created_by_ref");
        Add("created_by_ref not an identifier", "indicator", Set("created_by_ref", "\"ACME\""), "id-format", "$.created_by_ref");
        Add("created_by_ref a number", "indicator", Set("created_by_ref", "5"), "property-type", "$.created_by_ref");
        Add("object_marking_refs to an identity", "indicator",
            Set("object_marking_refs", $"[\"identity--f431f809-377b-45e0-aa1c-6a4751cae5ff\"]"),
            "ref-target-type", "$.object_marking_refs[0]");
        Add("relationship source is a relationship", "relationship",
            Set("source_ref", "\"relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad\""),
            "ref-target-type", "$.source_ref");
        Add("relationship target is a marking", "relationship",
            Set("target_ref", "\"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9\""),
            "ref-target-type", "$.target_ref");
        Add("sighting of an observable", "sighting", Set("sighting_of_ref", "\"ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8\""),
            "ref-target-type", "$.sighting_of_ref");
        Add("sighting where_sighted is a malware", "sighting",
            Set("where_sighted_refs", "[\"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b\"]"),
            "ref-target-type", "$.where_sighted_refs[0]");
        Add("sighting observed_data_refs to a report", "sighting",
            Set("observed_data_refs", "[\"report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3\"]"),
            "ref-target-type", "$.observed_data_refs[0]");
        Add("observed-data referring to an SDO", "observed-data", Set("object_refs", "[\"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b\"]"),
            "ref-target-type", "$.object_refs[0]");
        Add("malware sample that is not a file", "malware", Set("sample_refs", "[\"ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8\"]"),
            "ref-target-type", "$.sample_refs[0]");
        Add("malware operating system that is not software", "malware",
            Set("operating_system_refs", "[\"file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d\"]"),
            "ref-target-type", "$.operating_system_refs[0]");
        Add("file parent directory that is a file", "file", Set("parent_directory_ref", "\"file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d\""),
            "ref-target-type", "$.parent_directory_ref");
        Add("domain resolving to a url", "domain-name", Set("resolves_to_refs", "[\"url--c1477287-23ac-5971-a010-5c287877fa60\"]"),
            "ref-target-type", "$.resolves_to_refs[0]");
        Add("ipv4 belonging to a domain", "ipv4-addr", Set("belongs_to_refs", "[\"domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5\"]"),
            "ref-target-type", "$.belongs_to_refs[0]");
        Add("network traffic from a url", "network-traffic", Set("src_ref", "\"url--c1477287-23ac-5971-a010-5c287877fa60\""),
            "ref-target-type", "$.src_ref");
        Add("email from a user account", "email-message", Set("from_ref", "\"user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c\""),
            "ref-target-type", "$.from_ref");
        Add("process image that is a directory", "process", Set("image_ref", "\"directory--93c0a9b0-520d-545d-9094-1a08ddf46b05\""),
            "ref-target-type", "$.image_ref");
        Add("malware-analysis host that is not software", "malware-analysis",
            Set("host_vm_ref", "\"file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d\""),
            "ref-target-type", "$.host_vm_ref");
        Add("malware-analysis sco refs to an SDO", "malware-analysis",
            Set("analysis_sco_refs", "[\"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b\"]"),
            "ref-target-type", "$.analysis_sco_refs[0]");
        Add("report object_refs with a bad id", "report", Set("object_refs", "[\"indicator--xyz\"]"), "id-format", "$.object_refs[0]");
        Add("extension-definition created by a tool", "extension-definition",
            Set("created_by_ref", "\"tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\""),
            "ref-target-type", "$.created_by_ref");

        // Timestamps.
        Add("created without Z", "indicator", Set("created", "\"2016-04-06T20:03:48.000\""), "timestamp-format", "$.created");
        Add("created with an offset", "indicator", Set("created", "\"2016-04-06T20:03:48.000+01:00\""), "timestamp-format", "$.created");
        Add("created as a date only", "indicator", Set("created", "\"2016-04-06\""), "timestamp-format", "$.created");
        Add("created in month 13", "indicator", Set("created", "\"2016-13-06T20:03:48.000Z\""), "timestamp-format", "$.created");
        Add("created on February 30", "indicator", Set("created", "\"2016-02-30T20:03:48.000Z\""), "timestamp-format", "$.created");
        Add("created at hour 24", "indicator", Set("created", "\"2016-04-06T24:03:48.000Z\""), "timestamp-format", "$.created");
        Add("created with a space separator", "indicator", Set("created", "\"2016-04-06 20:03:48.000Z\""), "timestamp-format", "$.created");
        Add("created as a number", "indicator", Set("created", "1459973028"), "property-type", "$.created");
        Add("created with seconds precision", "indicator", Set("created", "\"2016-04-06T20:03:48Z\""), "timestamp-precision", "$.created");
        Add("modified with tenths of a second", "indicator", Set("modified", "\"2016-04-06T20:03:48.1Z\""),
            "timestamp-precision", "$.modified");
        Add("created with an empty fraction", "indicator", Set("created", "\"2016-04-06T20:03:48.Z\""), "timestamp-format", "$.created");
        Add("valid_from malformed", "indicator", Set("valid_from", "\"yesterday\""), "timestamp-format", "$.valid_from");
        Add("valid_until before valid_from", "indicator", Set("valid_until", "\"2015-01-01T00:00:00Z\""),
            "timestamp-order", "$.valid_until");
        Add("valid_until equal to valid_from", "indicator", Set("valid_until", "\"2016-01-01T00:00:00Z\""),
            "timestamp-order", "$.valid_until");
        Add("campaign last_seen before first_seen", "campaign", Set("last_seen", "\"2015-01-01T00:00:00Z\""),
            "timestamp-order", "$.last_seen");
        Add("malware last_seen before first_seen", "malware", Set("last_seen", "\"2014-01-01T00:00:00Z\""),
            "timestamp-order", "$.last_seen");
        Add("threat-actor last_seen before first_seen", "threat-actor", Set("last_seen", "\"2015-01-01T00:00:00Z\""),
            "timestamp-order", "$.last_seen");
        Add("sighting last_seen before first_seen", "sighting", Set("last_seen", "\"2015-01-01T00:00:00Z\""),
            "timestamp-order", "$.last_seen");
        Add("relationship stop before start", "relationship", Set("stop_time", "\"2015-01-01T00:00:00Z\""),
            "timestamp-order", "$.stop_time");
        Add("observed-data last before first", "observed-data", Set("last_observed", "\"2015-01-01T00:00:00Z\""),
            "timestamp-order", "$.last_observed");
        Add("network traffic ending before it starts", "network-traffic", Set("end", "\"2015-01-01T00:00:00Z\""),
            "timestamp-order", "$.end");
        Add("report published malformed", "report", Set("published", "\"2016-01-20\""), "timestamp-format", "$.published");
        Add("user account created malformed", "user-account", Set("account_created", "\"Jan 20 2016\""),
            "timestamp-format", "$.account_created");
        Add("language-content object_modified in seconds", "language-content", Set("object_modified", "\"2017-02-08T21:31:22Z\""),
            "timestamp-precision", "$.object_modified");

        // spec_version.
        Add("spec_version 2.0", "indicator", Set("spec_version", "\"2.0\""), "spec-version", "$.spec_version");
        Add("spec_version as a number", "indicator", Set("spec_version", "2.1"), "property-type", "$.spec_version");
        Add("sco spec_version 2.2", "ipv4-addr", Set("spec_version", "\"2.2\""), "spec-version", "$.spec_version");

        // Property types, lists and ranges.
        Add("confidence above 100", "indicator", Set("confidence", "101"), "confidence-range", "$.confidence");
        Add("confidence below 0", "indicator", Set("confidence", "-1"), "confidence-range", "$.confidence");
        Add("confidence as a fraction", "indicator", Set("confidence", "50.5"), "property-type", "$.confidence");
        Add("confidence as a string", "indicator", Set("confidence", "\"high\""), "property-type", "$.confidence");
        Add("labels empty", "indicator", Set("labels", "[]"), "empty-list", "$.labels");
        Add("labels a string", "indicator", Set("labels", "\"x\""), "property-type", "$.labels");
        Add("labels holding a number", "indicator", Set("labels", "[1]"), "property-type", "$.labels[0]");
        Add("external_references empty", "indicator", Set("external_references", "[]"), "empty-list", "$.external_references");
        Add("object_marking_refs empty", "indicator", Set("object_marking_refs", "[]"), "empty-list", "$.object_marking_refs");
        Add("granular_markings empty", "indicator", Set("granular_markings", "[]"), "empty-list", "$.granular_markings");
        Add("revoked as a string", "indicator", Set("revoked", "\"yes\""), "property-type", "$.revoked");
        Add("name as a number", "indicator", Set("name", "42"), "property-type", "$.name");
        Add("description as a list", "indicator", Set("description", "[\"d\"]"), "property-type", "$.description");
        Add("is_family as a string", "malware", Set("is_family", "\"true\""), "property-type", "$.is_family");
        Add("number_observed zero", "observed-data", Set("number_observed", "0"), "value-range", "$.number_observed");
        Add("number_observed too large", "observed-data", Set("number_observed", "1000000000"), "value-range", "$.number_observed");
        Add("sighting count negative", "sighting", Set("count", "-2"), "value-range", "$.count");
        Add("sighting count too large", "sighting", Set("count", "1000000000"), "value-range", "$.count");
        Add("latitude above 90", "location", Set("latitude", "91"), "value-range", "$.latitude");
        Add("longitude below -180", "location", Set("longitude", "-181"), "value-range", "$.longitude");
        Add("latitude as a string", "location", Set("latitude", "\"48.8\""), "property-type", "$.latitude");
        Add("precision negative", "location", Set("precision", "-1"), "value-range", "$.precision");
        Add("dst_port above 65535", "network-traffic", Set("dst_port", "70000"), "value-range", "$.dst_port");
        Add("src_port negative", "network-traffic", Set("src_port", "-1"), "value-range", "$.src_port");
        Add("file size negative", "file", Set("size", "-5"), "value-range", "$.size");
        Add("autonomous system number as a string", "autonomous-system", Set("number", "\"AS15139\""), "property-type", "$.number");
        Add("protocols empty", "network-traffic", Set("protocols", "[]"), "empty-list", "$.protocols");
        Add("sighting summary as a number", "sighting", Set("summary", "0"), "property-type", "$.summary");

        // Vocabularies.
        Add("opinion outside its enumeration", "opinion", Set("opinion", "\"meh\""), "vocab-closed", "$.opinion");
        Add("extension type outside its enumeration", "extension-definition", Set("extension_types", "[\"new-widget\"]"),
            "vocab-closed", "$.extension_types[0]");
        Add("artifact encryption algorithm unknown", "artifact", Set("encryption_algorithm", "\"ROT13\""),
            "vocab-closed", "$.encryption_algorithm");
        Add("registry value data type unknown", "windows-registry-key",
            Set("values", "[{\"name\":\"Foo\",\"data\":\"q\",\"data_type\":\"REG_TEXT\"}]"),
            "vocab-closed", "$.values[0].data_type");
        Add("indicator type outside the vocabulary", "indicator", Set("indicator_types", "[\"evil\"]"),
            "vocab-open", "$.indicator_types[0]", warning: true);
        Add("identity class outside the vocabulary", "identity", Set("identity_class", "\"company\""),
            "vocab-open", "$.identity_class", warning: true);
        Add("sector outside the vocabulary", "identity", Set("sectors", "[\"banks\"]"), "vocab-open", "$.sectors[0]", warning: true);
        Add("pattern type as a number", "indicator", Set("pattern_type", "1"), "property-type", "$.pattern_type");

        // External references and kill chains.
        Add("external reference without source_name", "indicator", Set("external_references", "[{\"url\":\"https://example.com\"}]"),
            "required-property", "$.external_references[0].source_name");
        Add("external reference with only source_name", "indicator", Set("external_references", "[{\"source_name\":\"x\"}]"),
            "external-reference-detail", "$.external_references[0]");
        Add("external reference as a string", "indicator", Set("external_references", "[\"capec\"]"),
            "property-type", "$.external_references[0]");
        Add("capec id malformed", "indicator", Set("external_references", "[{\"source_name\":\"capec\",\"external_id\":\"163\"}]"),
            "external-id-format", "$.external_references[0].external_id");
        Add("cve id malformed", "vulnerability", Set("external_references", "[{\"source_name\":\"cve\",\"external_id\":\"CVE-16-1\"}]"),
            "external-id-format", "$.external_references[0].external_id");
        Add("external reference url as a number", "indicator", Set("external_references", "[{\"source_name\":\"x\",\"url\":5}]"),
            "property-type", "$.external_references[0].url");
        Add("external reference with a bad hash", "indicator",
            Set("external_references", "[{\"source_name\":\"x\",\"url\":\"https://e.example\",\"hashes\":{\"SHA-256\":\"abc\"}}]"),
            "hash-value", "$.external_references[0].hashes['SHA-256']");
        Add("kill chain phase without phase_name", "indicator",
            Set("kill_chain_phases", "[{\"kill_chain_name\":\"lockheed-martin-cyber-kill-chain\"}]"),
            "required-property", "$.kill_chain_phases[0].phase_name");
        Add("kill chain phase without kill_chain_name", "indicator", Set("kill_chain_phases", "[{\"phase_name\":\"delivery\"}]"),
            "required-property", "$.kill_chain_phases[0].kill_chain_name");
        Add("kill chain phase in capitals", "indicator",
            Set("kill_chain_phases", "[{\"kill_chain_name\":\"Lockheed\",\"phase_name\":\"delivery\"}]"),
            "kill-chain-format", "$.kill_chain_phases[0].kill_chain_name", warning: true);

        // Markings.
        Add("granular marking with both ref and lang", "indicator",
            Set("granular_markings", """
                [{"marking_ref":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da","lang":"en","selectors":["description"]}]
                """),
            "granular-marking", "$.granular_markings[0]");
        Add("granular marking with neither ref nor lang", "indicator", Set("granular_markings", "[{\"selectors\":[\"description\"]}]"),
            "granular-marking", "$.granular_markings[0]");
        Add("granular marking without selectors", "indicator", Set("granular_markings", "[{\"lang\":\"en\"}]"),
            "required-property", "$.granular_markings[0].selectors");
        Add("granular marking with empty selectors", "indicator", Set("granular_markings", "[{\"lang\":\"en\",\"selectors\":[]}]"),
            "granular-selector", "$.granular_markings[0].selectors");
        Add("granular selector to a missing property", "indicator",
            Set("granular_markings", "[{\"lang\":\"en\",\"selectors\":[\"title\"]}]"),
            "granular-selector", "$.granular_markings[0].selectors[0]");
        Add("granular selector past the end of a list", "indicator",
            Set("granular_markings", "[{\"lang\":\"en\",\"selectors\":[\"labels.[5]\"]}]"),
            "granular-selector", "$.granular_markings[0].selectors[0]");
        Add("granular marking_ref to an identity", "indicator",
            Set("granular_markings", $"[{{\"marking_ref\":\"{Identity}\",\"selectors\":[\"description\"]}}]"),
            "ref-target-type", "$.granular_markings[0].marking_ref");
        Add("tlp marking with an unknown level", "tlp1", Edit(o => o["definition"] = JsonNode.Parse("{\"tlp\":\"purple\"}")),
            "tlp-definition", "$.definition.tlp");
        Add("tlp marking minted with a new id", "tlp1", Set("id", "\"marking-definition--11111111-2222-4333-8444-555555555555\""),
            "tlp-definition", "$.id");
        Add("tlp white with the red id", "tlp1", Set("id", "\"marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed\""),
            "tlp-definition", "$.id");
        Add("tlp marking with another created time", "tlp1", Set("created", "\"2018-01-20T00:00:00.000Z\""), "tlp-definition", "$.created");
        Add("tlp 2.0 marking with an unknown level", "tlp2",
            Edit(o => o["extensions"]!["extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d"]!["tlp_2_0"] = "white"),
            "tlp-definition", "$.extensions['extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d'].tlp_2_0");
        Add("tlp 2.0 clear with the red id", "tlp2", Set("id", "\"marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1\""),
            "tlp-definition", "$.id");
        Add("statement marking without definition", "statement", Remove("definition"), "required-property", "$.definition");
        Add("statement marking without statement", "statement", Set("definition", "{\"text\":\"x\"}"),
            "required-property", "$.definition.statement");
        Add("marking definition without type or extension", "statement", Remove("definition_type", "definition"),
            "required-property", "$.definition_type");
        Add("marking definition with modified", "statement", Set("modified", "\"2016-08-01T00:00:00.000Z\""),
            "forbidden-property", "$.modified");
        Add("marking definition with labels", "statement", Set("labels", "[\"x\"]"), "forbidden-property", "$.labels");

        // Cyber-observables.
        Add("sco with created", "ipv4-addr", Set("created", "\"2016-04-06T20:03:48.000Z\""), "forbidden-property", "$.created");
        Add("sco with created_by_ref", "file", Set("created_by_ref", $"\"{Identity}\""), "forbidden-property", "$.created_by_ref");
        Add("sco with labels", "domain-name", Set("labels", "[\"x\"]"), "forbidden-property", "$.labels");
        Add("file without hashes or name", "file", Remove("hashes", "name"), "required-property", "$.name");
        Add("file with a short MD5", "file", Edit(o => o["hashes"]!["MD5"] = "1717b7"), "hash-value", "$.hashes.MD5");
        Add("file with a non-hex SHA-256", "file", Edit(o => o["hashes"]!["SHA-256"] = new string('z', 64)),
            "hash-value", "$.hashes['SHA-256']");
        Add("file with empty hashes", "file", Set("hashes", "{}"), "empty-dictionary", "$.hashes");
        Add("file hash algorithm name with a space", "file", Edit(o => o["hashes"]!["SHA 1"] = "abc"),
            "hash-algorithm", "$.hashes['SHA 1']");
        Add("file hash as a number", "file", Edit(o => o["hashes"]!["SSDEEP"] = 5), "property-type", "$.hashes.SSDEEP");
        Add("file magic number not hex", "file", Set("magic_number_hex", "\"4D5\""), "hex-format", "$.magic_number_hex");
        Add("file with an unknown extension", "file", Edit(o => o["extensions"]!["zip-ext"] = new JsonObject { ["level"] = 9 }),
            "extension-name", "$.extensions['zip-ext']");
        Add("file extension that is not an object", "file", Edit(o => o["extensions"]!["ntfs-ext"] = "x"),
            "property-type", "$.extensions['ntfs-ext']");
        Add("extensions empty", "file", Set("extensions", "{}"), "empty-dictionary", "$.extensions");
        Add("extension-definition key without extension_type", "indicator",
            Set("extensions", "{\"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e\":{\"rank\":5}}"),
            "required-property", "$.extensions['extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'].extension_type");
        Add("extension-definition key with a bad uuid", "indicator",
            Set("extensions", "{\"extension-definition--xyz\":{\"extension_type\":\"property-extension\"}}"),
            "extension-name", "$.extensions['extension-definition--xyz']");
        Add("extension_type outside the enumeration", "indicator",
            Set("extensions", "{\"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e\":{\"extension_type\":\"plugin\"}}"),
            "vocab-closed", "$.extensions['extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e'].extension_type");
        Add("artifact with payload and url", "artifact", Set("url", "\"https://example.com/a.zip\""), "mutually-exclusive", "$.url");
        Add("artifact with url and no hashes", "artifact", Edit(o => { o.Remove("payload_bin"); o["url"] = "https://example.com/a.zip"; }),
            "required-property", "$.hashes");
        Add("artifact payload not base64", "artifact", Set("payload_bin", "\"not base64!\""), "binary-format", "$.payload_bin");
        Add("network traffic without endpoints", "network-traffic", Remove("src_ref"), "required-property", "$.src_ref");
        Add("active network traffic with an end", "network-traffic", Set("is_active", "true"), "mutually-exclusive", "$.end");
        Add("multipart email with a body", "email-message", Set("is_multipart", "true"), "mutually-exclusive", "$.body");
        Add("single-part email with parts", "email-message", Set("body_multipart", "[{\"body\":\"x\"}]"),
            "mutually-exclusive", "$.body_multipart");
        Add("additional headers empty", "email-message", Set("additional_header_fields", "{}"),
            "empty-dictionary", "$.additional_header_fields");

        // Type-specific semantics.
        Add("malware family without a name", "malware", Remove("name"), "required-property", "$.name");
        Add("malware-analysis without result or refs", "malware-analysis", Remove("result", "analysis_sco_refs"),
            "required-property", "$.result");
        Add("observed-data with objects and object_refs", "observed-data",
            Set("objects", "{\"0\":{\"type\":\"ipv4-addr\",\"value\":\"1.2.3.4\"}}"),
            "observed-data-content", "$");
        Add("observed-data with neither objects nor refs", "observed-data", Remove("object_refs"), "observed-data-content", "$");
        Add("location without region, country or coordinates", "location",
            Remove("region", "country", "latitude", "longitude", "precision"),
            "required-property", "$.region");
        Add("location with latitude only", "location", Remove("longitude"), "location-coordinates", "$.longitude");
        Add("location with precision but no coordinates", "location", Remove("latitude", "longitude"),
            "location-coordinates", "$.precision");
        Add("indicator pattern unbalanced", "indicator", Set("pattern", "\"[file:name = 'x'\""), "pattern-syntax", "$.pattern");
        Add("indicator pattern without brackets", "indicator", Set("pattern", "\"file:name = 'x'\""), "pattern-syntax", "$.pattern");
        Add("indicator pattern with lowercase and", "indicator", Set("pattern", "\"[file:name = 'x' and file:size = 3]\""),
            "pattern-syntax", "$.pattern");
        Add("indicator pattern with an unterminated string", "indicator", Set("pattern", "\"[file:name = 'x]\""),
            "pattern-syntax", "$.pattern");
        Add("indicator pattern with a hyphenated property", "indicator", Set("pattern", "\"[file:hashes.SHA-256 = 'x']\""),
            "pattern-syntax", "$.pattern");
        Add("indicator pattern with WITHIN and no unit", "indicator", Set("pattern", "\"[file:name = 'x'] WITHIN 5\""),
            "pattern-syntax", "$.pattern");
        Add("indicator pattern comparing to nothing", "indicator", Set("pattern", "\"[file:name = ]\""), "pattern-syntax", "$.pattern");
        Add("indicator pattern empty", "indicator", Set("pattern", "\"\""), "pattern-syntax", "$.pattern");
        Add("language-content contents empty", "language-content", Set("contents", "{}"), "empty-dictionary", "$.contents");
        Add("language-content contents a list", "language-content", Set("contents", "[]"), "property-type", "$.contents");
        Add("dictionary key with non-ASCII", "language-content", Set("contents", "{\"déjà\":{\"name\":\"x\"}}"),
            "dictionary-key", "$.contents['déjà']");

        // Custom content.
        Add("custom property with upper case", "indicator", Set("x_Score", "1"), "custom-property-name", "$.x_Score");
        Add("custom property too short", "indicator", Set("xy", "1"), "custom-property-name", "$.xy");
        Add("custom property with a hyphen", "indicator", Set("x-score", "1"), "custom-property-name", "$['x-score']");
        Add("custom property without x_ prefix", "indicator", Set("score", "1"), "custom-property-prefix", "$.score", warning: true);
        Add("custom object type without x- prefix", "incident", Set("type", "\"my-incident\""),
            "custom-object-prefix", "$.type", warning: true);
        Add("custom extension name", "file", Edit(o => o["extensions"]!["x-acme-ext"] = new JsonObject { ["x_rank"] = 1 }),
            "custom-extension", "$.extensions['x-acme-ext']", warning: true);
        Add("empty extension object", "file", Edit(o => o["extensions"]!["ntfs-ext"] = new JsonObject()),
            "empty-dictionary", "$.extensions['ntfs-ext']");

        return cases;
    }
}
