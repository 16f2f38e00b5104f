using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Stix.Tests.Validation;

/// <summary>
/// Each case starts from a valid object and breaks one rule of the specification; the validator must
/// report that rule's code at that JSON path as an error.
/// </summary>
public sealed class InvalidCasesTests
{
    private const string Identity = "identity--f431f809-377b-45e0-aa1c-6a4751cae5ff";
    private const string Common =
        "\"spec_version\":\"2.1\",\"created\":\"2016-04-06T20:03:48.000Z\",\"modified\":\"2016-04-06T20:03:48.000Z\"";

    internal static readonly Dictionary<string, string> Bases = new()
    {
        ["indicator"] = $$"""
            {"type":"indicator",{{Common}},"id":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","created_by_ref":"{{Identity}}",
            "indicator_types":["malicious-activity"],"name":"Poison Ivy","description":"d",
            "pattern":"[file:hashes.'SHA-256' = '4bac27393bdd9777ce02453256c5577cd02275510b2227f473d03f533924f877']","pattern_type":"stix",
            "valid_from":"2016-01-01T00:00:00Z","valid_until":"2017-01-01T00:00:00Z","labels":["x"],"confidence":50,"lang":"en",
            "external_references":[{"source_name":"capec","external_id":"CAPEC-163"}],
            "object_marking_refs":["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"],
            "granular_markings":[{"marking_ref":"marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da","selectors":["description",
            "labels.[0]"]}],"kill_chain_phases":[{"kill_chain_name":"lockheed-martin-cyber-kill-chain","phase_name":"delivery"}]}
            """,
        ["malware"] = $$"""
            {"type":"malware",{{Common}},"id":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b","name":"Poison Ivy","is_family":true,
            "malware_types":["remote-access-trojan"],"first_seen":"2015-01-01T00:00:00Z","last_seen":"2016-01-01T00:00:00Z",
            "operating_system_refs":["software--a1827f6d-ca53-5605-9e93-4316cd22a00a"],
            "sample_refs":["file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d"],"architecture_execution_envs":["x86"],
            "implementation_languages":["c"],"capabilities":["anti-vm"]}
            """,
        ["identity"] = $$"""
            {"type":"identity",{{Common}},"id":"{{Identity}}","name":"ACME","identity_class":"organization","sectors":["technology"],
            "roles":["analyst"],"contact_information":"soc@acme.example"}
            """,
        ["relationship"] = $$"""
            {"type":"relationship",{{Common}},"id":"relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad","relationship_type":"indicates",
            "source_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","target_ref":"malware--31b940d4-6f7f-459a-80ea-9c1f17b5891b",
            "start_time":"2016-01-01T00:00:00Z","stop_time":"2016-02-01T00:00:00Z"}
            """,
        ["sighting"] = $$"""
            {"type":"sighting",{{Common}},"id":"sighting--ee20065d-2555-424f-ad9e-0f8428623c75",
            "sighting_of_ref":"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","count":3,"first_seen":"2016-01-01T00:00:00Z",
            "last_seen":"2016-01-02T00:00:00Z","observed_data_refs":["observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf"],
            "where_sighted_refs":["{{Identity}}"],"summary":false}
            """,
        ["report"] = $$"""
            {"type":"report",{{Common}},"id":"report--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb3","name":"The Black Vine Cyberespionage Group",
            "report_types":["campaign"],"published":"2016-01-20T17:00:00.000Z",
            "object_refs":["indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"]}
            """,
        ["observed-data"] = $$"""
            {"type":"observed-data",{{Common}},"id":"observed-data--b67d30ff-02ac-498a-92f9-32f845f448cf",
            "first_observed":"2015-12-21T19:00:00Z","last_observed":"2015-12-21T19:00:00Z","number_observed":50,
            "object_refs":["ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8"]}
            """,
        ["location"] = $$"""
            {"type":"location",{{Common}},"id":"location--a6e9345f-5a15-4c29-8bb3-7dcc5d168d64","latitude":48.8566,"longitude":2.3522,
            "precision":100.0,"region":"western-europe","country":"fr"}
            """,
        ["campaign"] = $$"""
            {"type":"campaign",{{Common}},"id":"campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","name":"Green Group Attacks",
            "first_seen":"2016-01-01T00:00:00Z","last_seen":"2016-02-01T00:00:00Z","objective":"steal"}
            """,
        ["grouping"] = $$"""
            {"type":"grouping",{{Common}},"id":"grouping--84e4d88f-44ea-4bcd-bbf3-b2c1c320bcb4","name":"g","context":"suspicious-activity",
            "object_refs":["indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"]}
            """,
        ["note"] = $$"""
            {"type":"note",{{Common}},"id":"note--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061","content":"c","authors":["a"],
            "object_refs":["campaign--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f"]}
            """,
        ["opinion"] = $$"""
            {"type":"opinion",{{Common}},"id":"opinion--b01efc25-77b4-4003-b18b-f6e24b5cd9f7","opinion":"strongly-disagree",
            "object_refs":["relationship--44298a74-ba52-4f0c-87a3-1824e67d7fad"]}
            """,
        ["threat-actor"] = $$"""
            {"type":"threat-actor",{{Common}},"id":"threat-actor--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","name":"Evil Org",
            "threat_actor_types":["crime-syndicate"],"roles":["director"],"sophistication":"advanced","resource_level":"organization",
            "primary_motivation":"personal-gain","secondary_motivations":["dominance"],"personal_motivations":["revenge"],
            "first_seen":"2016-01-01T00:00:00Z","last_seen":"2016-01-02T00:00:00Z"}
            """,
        ["tool"] = $$"""
            {"type":"tool",{{Common}},"id":"tool--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","name":"VNC","tool_types":["remote-access"],
            "tool_version":"1"}
            """,
        ["infrastructure"] = $$"""
            {"type":"infrastructure",{{Common}},"id":"infrastructure--38c47d93-d984-4fd9-b87b-d69d0841628d","name":"Poison Ivy C2",
            "infrastructure_types":["command-and-control"]}
            """,
        ["intrusion-set"] = $$"""
            {"type":"intrusion-set",{{Common}},"id":"intrusion-set--4e78f46f-a023-4e5f-bc24-71b3ca22ec29","name":"Bobcat Breakin",
            "goals":["steal"],"resource_level":"government","primary_motivation":"organizational-gain"}
            """,
        ["malware-analysis"] = $$"""
            {"type":"malware-analysis",{{Common}},"id":"malware-analysis--d25167b7-fed0-4068-9ccd-a73dd2c5b07c","product":"microsoft",
            "result":"malicious","analysis_sco_refs":["file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d"],
            "sample_ref":"file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d","host_vm_ref":"software--a1827f6d-ca53-5605-9e93-4316cd22a00a"}
            """,
        ["vulnerability"] = $$"""
            {"type":"vulnerability",{{Common}},"id":"vulnerability--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061","name":"CVE-2016-1234",
            "external_references":[{"source_name":"cve","external_id":"CVE-2016-1234"}]}
            """,
        ["attack-pattern"] = $$"""
            {"type":"attack-pattern",{{Common}},"id":"attack-pattern--0c7b5b88-8ff7-4a4d-aa9d-feb398cd0061","name":"Spear Phishing",
            "aliases":["sp"]}
            """,
        ["course-of-action"] = $$"""
            {"type":"course-of-action",{{Common}},"id":"course-of-action--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f",
            "name":"Add TCP port 80 Filter Rule"}
            """,
        ["incident"] = $$"""
            {"type":"incident",{{Common}},"id":"incident--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f","name":"Website defacement"}
            """,
        ["statement"] = """
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--d81f86b9-975b-4c0b-875e-810c5ad45a4f",
            "created":"2016-08-01T00:00:00.000Z","definition_type":"statement","definition":{"statement":"Copyright 2016, Example Corp"}}
            """,
        ["tlp1"] = """
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9",
            "created":"2017-01-20T00:00:00.000Z","definition_type":"tlp","name":"TLP:WHITE","definition":{"tlp":"white"}}
            """,
        ["tlp2"] = """
            {"type":"marking-definition","spec_version":"2.1","id":"marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            "created":"2022-10-01T00:00:00.000Z","name":"TLP:CLEAR",
            "extensions":{"extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d":{"extension_type":"property-extension",
            "tlp_2_0":"clear"}}}
            """,
        ["extension-definition"] = $$"""
            {"type":"extension-definition",{{Common}},"id":"extension-definition--d83fce45-ef58-4c6c-a3f4-1fbc32e98c6e",
            "created_by_ref":"{{Identity}}","name":"Extension My Favorite SDO and Sub-Comp",
            "schema":"https://www.example.com/schema-my-favorite-sdo-1/v1/","version":"1.2.1","extension_types":["new-sdo"]}
            """,
        ["language-content"] = $$$$"""
            {"type":"language-content",{{{{Common}}}},"id":"language-content--b86bd89f-98bb-4fa9-8cb2-9ad421da981d",
            "object_ref":"campaign--12a111f0-b824-4baf-a224-83b80237a094","object_modified":"2017-02-08T21:31:22.007Z",
            "contents":{"de":{"name":"Bank Angriff 1"}}}
            """,
        ["file"] = """
            {"type":"file","spec_version":"2.1","id":"file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d","name":"foo.dll","size":25536,
            "hashes":{"SHA-256":"35a01331e9ad96f751278b891b6ea09699806faedfa237d40513d92ad1b7100f",
            "MD5":"1717b7fff97d37a1e1a0029d83492de1"},"magic_number_hex":"4D5A","mime_type":"application/x-dosexec",
            "parent_directory_ref":"directory--93c0a9b0-520d-545d-9094-1a08ddf46b05","extensions":{"ntfs-ext":{"sid":"1"}}}
            """,
        ["ipv4-addr"] = """
            {"type":"ipv4-addr","spec_version":"2.1","id":"ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8","value":"198.51.100.3",
            "belongs_to_refs":["autonomous-system--f720c34b-98ae-597f-ade5-27dc241e8c74"]}
            """,
        ["domain-name"] = """
            {"type":"domain-name","spec_version":"2.1","id":"domain-name--3c10e93f-798e-5a26-a0c1-08156efab7f5","value":"example.com",
            "resolves_to_refs":["ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8"]}
            """,
        ["network-traffic"] = """
            {"type":"network-traffic","spec_version":"2.1","id":"network-traffic--2568d22a-8998-58eb-99ec-3c8ca74f527d",
            "src_ref":"ipv4-addr--efcd5e80-570d-4131-b213-62cb18eaa6a8","dst_port":80,"protocols":["tcp"],"start":"2016-01-01T00:00:00Z",
            "end":"2016-01-01T00:01:00Z"}
            """,
        ["artifact"] = """
            {"type":"artifact","spec_version":"2.1","id":"artifact--6f437177-6e48-5cf8-9d9e-872a2bddd641","mime_type":"application/zip",
            "payload_bin":"ZX7HIBWPMlvyF5UPDzyKmSmpfiUkg3N7R4bAuXJNLVdXbDdhjNsj3w=="}
            """,
        ["email-message"] = """
            {"type":"email-message","spec_version":"2.1","id":"email-message--72b7698f-10c2-565a-a2a6-b4996a2f2265","is_multipart":false,
            "from_ref":"email-addr--89f52ea8-d6ef-51e9-8fce-6a29236436ed","subject":"Saying Hello","body":"hello"}
            """,
        ["process"] = """
            {"type":"process","spec_version":"2.1","id":"process--f52a906a-0dfc-40bd-92f1-e7778ead38a9","pid":1221,
            "command_line":"./gedit-bin --new-window","image_ref":"file--364fe3e5-b1f4-5ba3-b951-ee5983b3538d"}
            """,
        ["autonomous-system"] = """
            {"type":"autonomous-system","spec_version":"2.1","id":"autonomous-system--f720c34b-98ae-597f-ade5-27dc241e8c74","number":15139,
            "name":"Slime Industries","rir":"ARIN"}
            """,
        ["windows-registry-key"] = """
            {"type":"windows-registry-key","spec_version":"2.1","id":"windows-registry-key--2ba37ae7-2745-5082-9dfd-9486dad41016",
            "key":"hkey_local_machine\\system\\bar\\foo","values":[{"name":"Foo","data":"qwerty","data_type":"REG_SZ"}]}
            """,
        ["user-account"] = """
            {"type":"user-account","spec_version":"2.1","id":"user-account--0d5b424b-93b8-5cd8-ac36-306e1789d63c","user_id":"1001",
            "account_login":"jdoe","account_type":"unix","is_privileged":false,"account_created":"2016-01-20T12:31:12Z"}
            """,
        ["x509-certificate"] = """
            {"type":"x509-certificate","spec_version":"2.1","id":"x509-certificate--463d7b2a-8516-5a50-a3d7-6f801465d5de",
            "issuer":"C=ZA, ST=Western Cape","serial_number":"02:08:87:83:f2:13:58:1f:79:52:1e:66:90:0a:02:24:c9:6b:c7:dc",
            "hashes":{"SHA-256":"aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f"}}
            """,
    };

    public static TheoryData<string> BaseNames() => [.. Bases.Keys];

    [Theory]
    [MemberData(nameof(BaseNames))]
    public void Every_base_object_is_valid(string name)
    {
        using var document = JsonDocument.Parse(Bases[name]);
        var errors = StixValidator.ValidateObject(document.RootElement).Where(i => i.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 0, string.Join('\n', errors));
    }

    public static TheoryData<string> Cases() => [.. InvalidCases.All.Select(c => c.Name)];

    [Fact]
    public void There_are_at_least_150_invalid_cases_with_distinct_names()
    {
        Assert.True(InvalidCases.All.Count >= 150, $"only {InvalidCases.All.Count} cases");
        Assert.Equal(InvalidCases.All.Count, InvalidCases.All.Select(c => c.Name).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_broken_rule_is_reported_with_its_code_and_path(string name)
    {
        var testCase = InvalidCases.All.Single(c => c.Name == name);
        var node = JsonNode.Parse(Bases[testCase.Base])!.AsObject();
        testCase.Mutate(node);
        using var document = JsonDocument.Parse(node.ToJsonString());
        var issues = StixValidator.ValidateObject(document.RootElement);
        var expectedSeverity = testCase.Warning ? Severity.Warning : Severity.Error;
        Assert.True(issues.Any(i => i.Code == testCase.Code && i.Path == testCase.Path && i.Severity == expectedSeverity),
            $"expected {expectedSeverity} {testCase.Code} at {testCase.Path}; got:\n{string.Join('\n', issues)}");
        if (!testCase.Warning)
        {
            Assert.Contains(issues, i => i.Severity == Severity.Error);
        }
    }
}
