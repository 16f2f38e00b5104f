using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.State;

/// <summary>The exchange: incidents, evidence, claims, requests and their updates, statements, positions.</summary>
public sealed partial class AccordState
{
    private Action CheckIncident(AccordRecord record, BodyReader body)
    {
        var affected = body.Required("affected_party");
        RequireRecord(record, "$.body.affected_party", affected, RecordKinds.Party);
        var window = body.Object("window") ?? throw body.Error("window", "'window' is required: {\"start\": …, \"end\": …}");
        var start = window.RequiredTime("start");
        var end = window.OptionalTime("end");
        if (end < start)
        {
            throw new RecordRejectedException("$.body.window.end", "the window ends before it starts");
        }

        var tlp = body.OneOf("tlp", Vocabulary.Tlp, "green");
        var recipients = body.Strings("recipients");
        RequireParties("$.body.recipients", recipients);
        var assets = body.Objects("assets")
            .Select(a => new Asset(a.OneOf("kind", ["ipv4", "ipv6", "asn", "domain", "system"]), a.Required("value")))
            .ToList();
        string? bundle = null;
        var objects = 0;
        if (body.Object("evidence_bundle") is { } evidence)
        {
            bundle = evidence.Required("sha256");
            objects = evidence.OptionalInt("objects", 0, int.MaxValue) ?? 0;
        }

        var incident = new Incident(
            record.Id,
            record.Author,
            affected,
            body.Required("title"),
            start,
            end,
            body.Strings("sectors", allowed: Vocabulary.CiCategories),
            body.Strings("effects", required: true, allowed: Vocabulary.Effects),
            body.OptionalInt("severity", 0, 5) ?? 0,
            tlp,
            recipients,
            assets,
            bundle,
            objects,
            body.OptionalOneOf("purpose", Vocabulary.Purposes),
            body.Boolean("peacetime", true),
            body.Optional("description"),
            record.Created);
        return () => _incidents[incident.Id] = incident;
    }

    private Action CheckEvidence(AccordRecord record, BodyReader body)
    {
        var incident = body.Optional("incident");
        if (incident is not null)
        {
            RequireRecord(record, "$.body.incident", incident, RecordKinds.Incident);
        }

        var sha = body.Required("sha256");
        if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
        {
            throw body.Error("sha256", "must be the 64 lowercase hex digits of the item's SHA-256");
        }

        var disclosed = body.Strings("disclosed_to");
        RequireParties("$.body.disclosed_to", disclosed);
        var item = new EvidenceItem(
            record.Id,
            record.Author,
            incident,
            sha,
            body.Required("media_type"),
            body.Required("description"),
            body.OneOf("source_reliability", Vocabulary.Reliability),
            body.OneOf("information_credibility", Vocabulary.Credibility),
            disclosed,
            body.OneOf("tlp", Vocabulary.Tlp, "amber"),
            record.Created);
        return () => _evidence[item.Id] = item;
    }

    private Action CheckClaim(AccordRecord record, BodyReader body)
    {
        var incident = body.Optional("incident");
        if (incident is not null)
        {
            RequireRecord(record, "$.body.incident", incident, RecordKinds.Incident);
        }

        var target = body.Object("attributed_to")
            ?? throw body.Error("attributed_to", "'attributed_to' is required: {\"party\": …} and/or {\"actor\": …}");
        var party = target.Optional("party");
        var actor = target.Optional("actor");
        if (party is null && actor is null)
        {
            throw new RecordRejectedException("$.body.attributed_to", "name a party, an actor, or both");
        }

        if (party is not null)
        {
            RequireRecord(record, "$.body.attributed_to.party", party, RecordKinds.Party);
        }

        var evidence = body.Strings("evidence");
        for (var i = 0; i < evidence.Count; i++)
        {
            RequireRecord(record, $"$.body.evidence[{i}]", evidence[i], RecordKinds.Evidence);
        }

        var recipients = body.Strings("recipients");
        RequireParties("$.body.recipients", recipients);
        var unsupported = !evidence.Select(e => Evidence[e]).Any(e => e.IsShared);
        var claim = new Claim(
            record.Id,
            record.Author,
            incident,
            party,
            actor,
            body.OptionalOneOf("responsibility", Vocabulary.Responsibility),
            body.OneOf("likelihood", Vocabulary.Likelihood),
            body.OneOf("confidence", Vocabulary.Confidence),
            evidence,
            body.Boolean("public", false),
            body.Optional("text"),
            body.OneOf("tlp", Vocabulary.Tlp, "green"),
            recipients,
            record.Created)
        { Unsupported = unsupported };
        return () => _claims[claim.Id] = claim;
    }

    private Action CheckRequest(AccordRecord record, BodyReader body)
    {
        var to = body.Required("to");
        RequireRecord(record, "$.body.to", to, RecordKinds.Party);
        if (to == record.Author)
        {
            throw body.Error("to", "a party cannot send a request to itself");
        }

        var incident = body.Optional("incident");
        if (incident is not null)
        {
            RequireRecord(record, "$.body.incident", incident, RecordKinds.Incident);
        }

        var deadline = body.RequiredTime("deadline");
        if (deadline <= record.Created)
        {
            throw body.Error(
                "deadline",
                $"the deadline {deadline:yyyy-MM-ddTHH:mm:ssZ} is not after the request's creation {record.Created:yyyy-MM-ddTHH:mm:ssZ}");
        }

        var request = new RequestCase(
            record.Id,
            record.Author,
            to,
            incident,
            body.OneOf("type", Vocabulary.RequestTypes),
            body.Required("asks"),
            deadline,
            body.OneOf("tlp", Vocabulary.Tlp, "amber"),
            record.Created,
            []);
        return () => _requests[request.Id] = request;
    }

    private Action CheckRequestUpdate(AccordRecord record, BodyReader body)
    {
        var requestId = body.Required("request");
        RequireRecord(record, "$.body.request", requestId, RecordKinds.Request);
        var request = Requests[requestId];
        var status = body.OneOf("status", Vocabulary.RequestStatuses);
        var allowed = status is "closed" or "escalated" ? request.From : request.To;
        if (record.Author != allowed)
        {
            throw new RecordRejectedException("$.author", $"'{status}' on {requestId} can only come from {allowed}");
        }

        if (record.Created < request.Created)
        {
            throw new RecordRejectedException("$.created", "an update cannot predate its request");
        }

        var update = new RequestUpdate(record.Id, record.Author, status, body.Optional("note"), record.Created);
        return () => _requests[requestId] = request with { Updates = [.. request.Updates, update] };
    }

    private Action CheckStatement(AccordRecord record, BodyReader body)
    {
        var incidents = body.Strings("incidents");
        var claims = body.Strings("claims");
        var evidence = body.Strings("evidence");
        for (var i = 0; i < incidents.Count; i++)
        {
            RequireRecord(record, $"$.body.incidents[{i}]", incidents[i], RecordKinds.Incident);
        }

        for (var i = 0; i < claims.Count; i++)
        {
            RequireRecord(record, $"$.body.claims[{i}]", claims[i], RecordKinds.Claim);
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            RequireRecord(record, $"$.body.evidence[{i}]", evidence[i], RecordKinds.Evidence);
        }

        var statement = new Statement(
            record.Id,
            record.Author,
            body.Required("title"),
            body.Required("text"),
            body.OptionalTime("date") ?? record.Created,
            incidents,
            claims,
            evidence,
            body.Optional("source"),
            record.Created);
        return () => _statements[statement.Id] = statement;
    }

    private Action CheckPosition(AccordRecord record, BodyReader body)
    {
        var subject = body.Required("subject");
        if (!Contains(subject) || (_records.TryGetValue(subject, out var about) && !Visibility.CanSee(this, about, record.Author)))
        {
            throw body.Error("subject", $"refers to '{subject}', which does not exist");
        }

        var stance = body.OneOf("stance", Vocabulary.Stances);
        var commitment = body.Optional("commitment");
        if (commitment is not null && !Catalogue.Commitments.ContainsKey(commitment))
        {
            throw body.Error("commitment", $"'{commitment}' is not in the commitment catalogue");
        }

        var under = body.Optional("under");
        if (under is not null)
        {
            RequireRecord(record, "$.body.under", under, RecordKinds.Party);
        }

        var view = stance == "purpose" ? body.OneOf("view", Vocabulary.Purposes) : body.OptionalOneOf("view", Vocabulary.Purposes);
        var position = new Position(
            record.Id,
            record.Author,
            subject,
            stance,
            commitment,
            under,
            view,
            body.Optional("note"),
            record.Created);
        return () => _positions[position.Id] = position;
    }
}
