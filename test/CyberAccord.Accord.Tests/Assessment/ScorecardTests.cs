using CyberAccord.Accord.Assessment;
using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.Tests.Assessment;

/// <summary>Every scorecard figure on records whose right answer is worked out by hand.</summary>
public sealed class ScorecardTests : IDisposable
{
    private static readonly DateTime Now = AccordBuilder.T("2016-06-01");
    private readonly AccordBuilder _b = new();
    private readonly string _cn;
    private readonly string _us;
    private readonly string _de;

    public ScorecardTests()
    {
        _cn = _b.Party("CN");
        _us = _b.Party("US");
        _de = _b.Party("DE");

        // Requests to CN, answered after 2, 4 and 9 days (one of them after its deadline); one still open past its deadline.
        Answered(_us, _cn, "2016-01-01", "2016-01-03", "2016-01-20");
        Answered(_us, _cn, "2016-02-01", "2016-02-05", "2016-02-20");
        Answered(_de, _cn, "2016-03-01", "2016-03-10", "2016-03-05");
        _b.Add(RecordKinds.Request, _us, "2016-04-01",
            $$"""{"to":"{{_cn}}","type":"assistance","asks":"x","deadline":"2016-04-15T00:00:00Z"}""");

        // One request to the US, acknowledged but not answered, deadline not yet passed.
        var toUs = _b.Add(RecordKinds.Request, _cn, "2016-05-01",
            $$"""{"to":"{{_us}}","type":"evidence","asks":"evidence","deadline":"2016-07-01T00:00:00Z"}""");
        _b.Add(RecordKinds.RequestUpdate, _us, "2016-05-02", $$"""{"request":"{{toUs}}","status":"acknowledged"}""");

        // Claims: the US makes two, one on shared evidence; CN makes one on none.
        var evidence = _b.Add(RecordKinds.Evidence, _us, "2014-05-19", $$"""
            {"sha256":"dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd","media_type":"application/pdf",
             "description":"indictment","source_reliability":"A","information_credibility":"2","disclosed_to":["{{_cn}}"]}
            """);
        var backed = _b.Add(RecordKinds.Claim, _us, "2014-05-19",
            $$"""{"attributed_to":{"party":"{{_cn}}"},"likelihood":"likely","confidence":"high","evidence":["{{evidence}}"]}""");
        _b.Add(RecordKinds.Claim, _us, "2015-05-19",
            $$"""{"attributed_to":{"party":"{{_cn}}"},"likelihood":"likely","confidence":"low"}""");
        _b.Add(RecordKinds.Claim, _cn, "2017-03-02",
            $$"""{"attributed_to":{"party":"{{_us}}"},"likelihood":"likely","confidence":"moderate"}""");

        // CN disputes the backed US claim; DE disputes nothing.
        _b.Add(RecordKinds.Position, _cn, "2014-05-20", $$"""{"subject":"{{backed}}","stance":"dispute","note":"fabricated"}""");
    }

    private void Answered(string from, string to, string asked, string answered, string deadline)
    {
        var request = _b.Add(RecordKinds.Request, from, asked,
            $$"""{"to":"{{to}}","type":"information","asks":"x","deadline":"{{deadline}}T00:00:00Z"}""");
        _b.Add(RecordKinds.RequestUpdate, to, answered, $$"""{"request":"{{request}}","status":"responded"}""");
    }

    [Fact]
    public void Response_times_are_the_median_and_worst_of_first_responses()
    {
        var cn = Scorecards.For(_b.State, _cn, Now);
        Assert.Equal(4, cn.RequestsReceived);
        Assert.Equal(3, cn.RequestsAnswered);
        Assert.Equal(TimeSpan.FromDays(4), cn.MedianResponseTime);
        Assert.Equal(TimeSpan.FromDays(9), cn.WorstResponseTime);
    }

    [Fact]
    public void Overdue_counts_late_answers_and_open_requests_past_their_deadline()
    {
        Assert.Equal(2, Scorecards.For(_b.State, _cn, Now).RequestsOverdue);
        Assert.Equal(0, Scorecards.For(_b.State, _us, Now).RequestsOverdue);
        Assert.Equal(1, Scorecards.For(_b.State, _us, AccordBuilder.T("2016-08-01")).RequestsOverdue);
    }

    [Fact]
    public void Reciprocity_compares_requests_answered_with_requests_made()
    {
        var us = Scorecards.For(_b.State, _us, Now);
        Assert.Equal(3, us.RequestsMade);
        Assert.Equal(2, us.RequestsMadeAnswered);
        Assert.Equal(0, us.RequestsAnswered);
        Assert.Equal(0.0, us.Reciprocity);
        var cn = Scorecards.For(_b.State, _cn, Now);
        Assert.Equal(1, cn.RequestsMade);
        Assert.Equal(3.0, cn.Reciprocity);
        Assert.Null(Scorecards.For(_b.State, _de, Now).EvidenceBackedShare);
    }

    [Fact]
    public void Evidence_backed_share_counts_claims_resting_on_shared_evidence()
    {
        var us = Scorecards.For(_b.State, _us, Now);
        Assert.Equal(2, us.Claims);
        Assert.Equal(1, us.ClaimsBackedByEvidence);
        Assert.Equal(0.5, us.EvidenceBackedShare);
        var cn = Scorecards.For(_b.State, _cn, Now);
        Assert.Equal(0.0, cn.EvidenceBackedShare);
    }

    [Fact]
    public void Disputes_are_counted_for_who_made_them_and_whose_records_they_target()
    {
        Assert.Equal(1, Scorecards.For(_b.State, _cn, Now).DisputesMade);
        Assert.Equal(1, Scorecards.For(_b.State, _us, Now).DisputesReceived);
        Assert.Equal(0, Scorecards.For(_b.State, _de, Now).DisputesMade);
        Assert.Equal(0, Scorecards.For(_b.State, _cn, Now).DisputesReceived);
    }

    public void Dispose() => _b.Dispose();
}
