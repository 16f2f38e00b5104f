using CyberAccord.Accord.Assessment;
using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.Tests.Assessment;

/// <summary>Each rule on hand-built records whose right answer is known.</summary>
public sealed class AssessmentEngineTests : IDisposable
{
    private static readonly DateTime Now = AccordBuilder.T("2025-01-01");
    private readonly AccordBuilder _b = new();
    private readonly string _cn;
    private readonly string _us;

    public AssessmentEngineTests()
    {
        _cn = _b.Party("CN");
        _us = _b.Party("US");
        _b.Accord(_us, _cn);

        // The lists differ on purpose: health is critical for the US, not named by CN.
        _b.Designation(_us, "energy,finance,health,telecommunications,elections");
        _b.Designation(
            _cn,
            "energy,finance,telecommunications,transport,government",
            scopes: """[{"sector":"government","ipv4":["203.0.113.0/24"],"domains":["gov.cn.example"]}]""");
    }

    private string Incident(
        string affected,
        string sectors,
        string effects,
        bool peacetime = true,
        string purpose = "",
        string assets = "[]") =>
        _b.Add(RecordKinds.Incident, affected, "2020-01-02", $$"""
            {"title":"t","affected_party":"{{affected}}","window":{"start":"2020-01-01T00:00:00Z"},
             "sectors":[{{string.Join(',', sectors.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => $"\"{s}\""))}}],
             "effects":[{{string.Join(',', effects.Split(',').Select(e => $"\"{e}\""))}}],
             "peacetime":{{(peacetime ? "true" : "false")}}{{(purpose.Length > 0 ? $",\"purpose\":\"{purpose}\"" : string.Empty)}},
             "assets":{{assets}}}
            """);

    private List<AssessmentFinding> Findings(string rule) => AssessmentEngine.Assess(_b.State, Now).Where(f => f.Rule == rule).ToList();

    [Fact]
    public void Disruption_of_a_sector_both_lists_designate_implicates_13f_under_each_list()
    {
        var incident = Incident(_cn, "telecommunications", "disruption");
        var findings = Findings(AssessmentEngine.CiDamageRule).Where(f => f.Subject == incident).ToList();
        Assert.All(findings, f => Assert.True(f.Implicated, f.Explanation));
        Assert.Equal([_cn, _us], findings.Select(f => f.Under).Order(StringComparer.Ordinal));
        Assert.Contains("designated critical by CN", findings.Single(f => f.Under == _cn).Explanation, StringComparison.Ordinal);
        Assert.Contains(
            "therefore implicates GGE2015-13f under CN's list",
            findings.Single(f => f.Under == _cn).Explanation,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_sector_only_one_list_designates_implicates_13f_under_that_list_alone()
    {
        var incident = Incident(_cn, "health", "destruction");
        var findings = Findings(AssessmentEngine.CiDamageRule).Where(f => f.Subject == incident).ToDictionary(f => f.Under!);
        Assert.True(findings[_us].Implicated);
        Assert.False(findings[_cn].Implicated);
        Assert.Contains("designates none of the affected sectors (health)", findings[_cn].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Espionage_against_critical_infrastructure_does_not_implicate_13f()
    {
        var incident = Incident(_us, "energy", "espionage");
        var finding = Findings(AssessmentEngine.CiDamageRule).Single(f => f.Subject == incident && f.Under == _us);
        Assert.False(finding.Implicated);
        Assert.Contains("not disruption or destruction", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Outside_peacetime_13f_is_not_implicated()
    {
        var incident = Incident(_us, "energy", "disruption", peacetime: false);
        Assert.False(Findings(AssessmentEngine.CiDamageRule).Single(f => f.Subject == incident && f.Under == _us).Implicated);
    }

    [Fact]
    public void An_asset_inside_the_affected_partys_scope_counts_even_without_a_sector()
    {
        var incident = Incident(_cn, "", "website-tampering,disruption", assets: """[{"kind":"ipv4","value":"203.0.113.77"}]""");
        var finding = Findings(AssessmentEngine.CiDamageRule).Single(f => f.Subject == incident && f.Under == _cn);
        Assert.True(finding.Implicated, finding.Explanation);
        Assert.Contains("203.0.113.77", finding.Explanation, StringComparison.Ordinal);
        Assert.False(Findings(AssessmentEngine.CiDamageRule).Single(f => f.Subject == incident && f.Under == _us).Implicated);
    }

    [Fact]
    public void The_list_in_force_at_the_time_of_the_incident_applies()
    {
        _b.Designation(_cn, "energy,finance,telecommunications,transport,government,health", effective: "2021-09-01");
        var before = Incident(_cn, "health", "disruption");
        var after = _b.Add(RecordKinds.Incident, _cn, "2022-01-02", $$"""
            {"title":"t","affected_party":"{{_cn}}","window":{"start":"2022-01-01T00:00:00Z"},"sectors":["health"],"effects":["disruption"]}
            """);
        var findings = Findings(AssessmentEngine.CiDamageRule).Where(f => f.Under == _cn).ToDictionary(f => f.Subject);
        Assert.False(findings[before].Implicated);
        Assert.True(findings[after].Implicated);
    }

    [Fact]
    public void Data_theft_is_judged_under_each_partys_view_of_its_purpose()
    {
        var incident = Incident(_us, "finance", "data-theft", purpose: "commercial");
        _b.Add(RecordKinds.Position, _cn, "2014-11-01",
            $$"""{"subject":"{{incident}}","stance":"purpose","view":"intelligence","note":"the distinction is artificial"}""");
        var findings = Findings(AssessmentEngine.IpTheftRule).Where(f => f.Subject == incident).ToDictionary(f => f.Under!);
        Assert.True(findings[_us].Implicated);
        Assert.False(findings[_cn].Implicated);
        Assert.Contains("CN classifies the purpose as intelligence", findings[_cn].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Incidents_without_data_theft_raise_no_ip_theft_finding()
    {
        var incident = Incident(_us, "finance", "espionage", purpose: "commercial");
        Assert.DoesNotContain(Findings(AssessmentEngine.IpTheftRule), f => f.Subject == incident);
    }

    [Fact]
    public void An_unanswered_request_past_its_deadline_implicates_timely_responses()
    {
        var request = _b.Add(RecordKinds.Request, _cn, "2022-01-01",
            $$"""{"to":"{{_us}}","type":"evidence","asks":"facts and evidence","deadline":"2022-03-01T00:00:00Z"}""");
        var finding = Findings(AssessmentEngine.TimelyResponseRule).Single(f => f.Subject == request);
        Assert.True(finding.Implicated);
        Assert.Equal(_us, finding.Under);
        Assert.Contains("no response by the deadline", finding.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void A_request_answered_in_time_is_consistent_and_a_late_answer_is_not()
    {
        var onTime = _b.Add(RecordKinds.Request, _us, "2016-01-01",
            $$"""{"to":"{{_cn}}","type":"information","asks":"x","deadline":"2016-01-31T00:00:00Z"}""");
        _b.Add(RecordKinds.RequestUpdate, _cn, "2016-01-10", $$"""{"request":"{{onTime}}","status":"responded"}""");
        var late = _b.Add(RecordKinds.Request, _us, "2016-02-01",
            $$"""{"to":"{{_cn}}","type":"information","asks":"y","deadline":"2016-02-10T00:00:00Z"}""");
        _b.Add(RecordKinds.RequestUpdate, _cn, "2016-03-01", $$"""{"request":"{{late}}","status":"responded"}""");
        var findings = Findings(AssessmentEngine.TimelyResponseRule).ToDictionary(f => f.Subject);
        Assert.False(findings[onTime].Implicated);
        Assert.Contains("within the deadline", findings[onTime].Explanation, StringComparison.Ordinal);
        Assert.True(findings[late].Implicated);
        Assert.Contains("after the deadline", findings[late].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assistance_request_about_the_requesters_critical_infrastructure_also_engages_13h()
    {
        var incident = Incident(_us, "energy", "disruption");
        var request = _b.Add(RecordKinds.Request, _us, "2020-01-03",
            $$"""{"to":"{{_cn}}","incident":"{{incident}}","type":"assistance","asks":"mitigate","deadline":"2020-01-10T00:00:00Z"}""");
        var finding = Findings(AssessmentEngine.AssistanceRule).Single(f => f.Subject == request);
        Assert.True(finding.Implicated);
        Assert.Equal("GGE2015-13h", finding.Commitment);

        var other = Incident(_us, "transport", "disruption");
        var notCritical = _b.Add(RecordKinds.Request, _us, "2020-01-03",
            $$"""{"to":"{{_cn}}","incident":"{{other}}","type":"assistance","asks":"mitigate","deadline":"2020-01-10T00:00:00Z"}""");
        Assert.DoesNotContain(Findings(AssessmentEngine.AssistanceRule), f => f.Subject == notCritical);
    }

    [Fact]
    public void A_territorial_claim_is_recorded_as_supported_or_unsupported_never_decided()
    {
        var unsupported = _b.Add(RecordKinds.Claim, _cn, "2017-03-02",
            $$"""{"attributed_to":{"party":"{{_us}}"},"responsibility":"state-executed","likelihood":"likely","confidence":"moderate"}""");
        var evidence = _b.Add(RecordKinds.Evidence, _us, "2014-05-19", """
            {"sha256":"cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc","media_type":"application/pdf",
             "description":"indictment","source_reliability":"A","information_credibility":"2","tlp":"clear"}
            """);
        var supported = _b.Add(RecordKinds.Claim, _us, "2014-05-19", $$"""
            {"attributed_to":{"party":"{{_cn}}","actor":"Unit 61398"},"likelihood":"very-likely","confidence":"high",
             "evidence":["{{evidence}}"]}
            """);
        var findings = Findings(AssessmentEngine.TerritoryRule).ToDictionary(f => f.Subject);
        Assert.False(findings[unsupported].Implicated);
        Assert.Contains("rests on no shared evidence", findings[unsupported].Explanation, StringComparison.Ordinal);
        Assert.True(findings[supported].Implicated);
        Assert.Contains("likelihood very-likely, confidence high", findings[supported].Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Commitments_no_accord_contains_are_never_assessed()
    {
        using var b = new AccordBuilder();
        var de = b.Party("DE");
        b.Designation(de, "energy");
        b.Add(RecordKinds.Incident, de, "2020-01-02", $$"""
            {"title":"t","affected_party":"{{de}}","window":{"start":"2020-01-01T00:00:00Z"},"sectors":["energy"],"effects":["disruption"]}
            """);
        Assert.Empty(AssessmentEngine.Assess(b.State, Now));
    }

    public void Dispose() => _b.Dispose();
}
