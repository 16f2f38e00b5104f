using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Stix.Model;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Accord.Export;

/// <summary>
/// Everything a party may see, as a STIX 2.1 bundle: parties as identities, incidents as incidents, attribution
/// claims as "attributed-to" relationships (likelihood and evidence status kept as x_accord_ properties),
/// positions as opinions, statements, evidence and requests as notes. Ids are UUIDv5 of the record ids, so
/// exports are stable; every object carries its TLP 2.0 marking.
/// </summary>
public static class StixExport
{
    /// <summary>
    /// A stable id per record, so that re-exports update rather than duplicate objects in MISP or OpenCTI. The bits come
    /// from SHA-256 of the record id, indistinguishable from random, marked as version 4 as STIX asks of domain objects.
    /// </summary>
    public static string StixId(string type, string recordId) => $"{type}--{StableUuids.For("cyberaccord-stix-export", recordId)}";

    private static readonly Dictionary<string, string> TlpIds = new(StringComparer.Ordinal)
    {
        ["clear"] = TlpMarkings.Tlp2Clear,
        ["green"] = TlpMarkings.Tlp2Green,
        ["amber"] = TlpMarkings.Tlp2Amber,
        ["amber+strict"] = TlpMarkings.Tlp2AmberStrict,
        ["red"] = TlpMarkings.Tlp2Red,
    };

    public static JsonObject Bundle(AccordState state, string? party)
    {
        ArgumentNullException.ThrowIfNull(state);

        // From the reader's view: a claim's evidence status and a request's status come from what the reader may see.
        state = state.SeenBy(party);
        var objects = new JsonArray();
        var usedTlp = new SortedSet<string>(StringComparer.Ordinal);
        JsonObject Core(string type, StoredRecord stored)
        {
            var record = stored.Record;
            var tlp = Visibility.LabelOf(state, stored);
            usedTlp.Add(tlp);
            var created = Timestamps.Format(record.Created);
            return new JsonObject
            {
                ["type"] = type,
                ["spec_version"] = "2.1",
                ["id"] = StixId(type, record.Id),
                ["created"] = created,
                ["modified"] = created,
                ["created_by_ref"] = StixId("identity", record.Author),
                ["object_marking_refs"] = new JsonArray(TlpIds[tlp]),
                ["x_accord_record"] = record.Id,
            };
        }

        foreach (var stored in state.Records.Values.OrderBy(r => r.Sequence))
        {
            var record = stored.Record;
            if (!Visibility.CanSee(state, stored, party))
            {
                continue;
            }

            switch (record.Kind)
            {
                case RecordKinds.Party:
                    var p = state.Parties[record.Id];
                    var identity = Core("identity", stored);
                    identity["name"] = p.Name;
                    identity["identity_class"] = p.Kind == "observer" ? "organization" : "organization";
                    identity["contact_information"] = string.Join(
                        "; ",
                        p.Contacts.Select(c => $"{c.Role}: {c.Name}{(c.Email is null ? string.Empty : " <" + c.Email + ">")}"));
                    identity["x_accord_party_kind"] = p.Kind;
                    objects.Add(identity);
                    break;
                case RecordKinds.Incident:
                    var i = state.Incidents[record.Id];
                    var incident = Core("incident", stored);
                    incident["name"] = i.Title;
                    if (i.Description is not null)
                    {
                        incident["description"] = i.Description;
                    }

                    incident["x_accord_affected_party"] = StixId("identity", i.AffectedParty);
                    incident["x_accord_effects"] = new JsonArray(i.Effects.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
                    incident["x_accord_severity"] = i.Severity;
                    if (i.Sectors.Count > 0)
                    {
                        incident["x_accord_sectors"] = new JsonArray(i.Sectors.Select(e => (JsonNode?)JsonValue.Create(e)).ToArray());
                    }

                    incident["x_accord_first_seen"] = Timestamps.Format(i.Start);
                    objects.Add(incident);
                    break;
                case RecordKinds.Claim:
                    var c = state.Claims[record.Id];
                    var target = c.AttributedToParty is null ? null : StixId("identity", c.AttributedToParty);
                    if (c.Incident is null || target is null || !state.Records.ContainsKey(c.Incident))
                    {
                        objects.Add(Note(
                            Core("note", stored),
                            $"Attribution claim: {c.Text ?? "(no text)"} — likelihood {c.Likelihood}, confidence {c.Confidence}"
                                + (c.Unsupported ? ", no shared evidence" : string.Empty),
                            StixId("identity", record.Author)));
                        break;
                    }

                    var relationship = Core("relationship", stored);
                    relationship["relationship_type"] = "attributed-to";
                    relationship["source_ref"] = StixId("incident", c.Incident);
                    relationship["target_ref"] = target;
                    relationship["confidence"] = c.Confidence switch { "high" => 85, "moderate" => 50, _ => 15 };
                    if (c.Text is not null)
                    {
                        relationship["description"] = c.Text;
                    }

                    relationship["x_accord_likelihood"] = c.Likelihood;
                    relationship["x_accord_unsupported"] = c.Unsupported;
                    if (c.Responsibility is not null)
                    {
                        relationship["x_accord_responsibility"] = c.Responsibility;
                    }

                    objects.Add(relationship);
                    break;
                case RecordKinds.Position:
                    var position = state.Positions[record.Id];
                    var subject = SubjectStixId(state, position.Subject);
                    if (subject is null || !state.Records.ContainsKey(position.Subject))
                    {
                        break;
                    }

                    var opinion = Core("opinion", stored);
                    opinion["opinion"] = position.Stance switch { "dispute" => "strongly-disagree", "concur" => "agree", _ => "neutral" };
                    opinion["explanation"] = position.Note
                        ?? $"{position.Stance}{(position.View is null ? string.Empty : ": purpose " + position.View)}";
                    opinion["object_refs"] = new JsonArray(subject);
                    objects.Add(opinion);
                    break;
                case RecordKinds.Statement:
                    var statement = state.Statements[record.Id];
                    var about = statement.Incidents.FirstOrDefault(id => state.Records.ContainsKey(id));
                    objects.Add(Note(
                        Core("note", stored),
                        statement.Text,
                        about is null ? StixId("identity", record.Author) : StixId("incident", about),
                        statement.Title));
                    break;
                case RecordKinds.Evidence:
                    var evidence = state.Evidence[record.Id];
                    var note = Note(
                        Core("note", stored),
                        $"Evidence: {evidence.Description} "
                            + $"(source reliability {evidence.Reliability}, information credibility {evidence.Credibility})",
                        evidence.Incident is not null && state.Records.ContainsKey(evidence.Incident)
                            ? StixId("incident", evidence.Incident)
                            : StixId("identity", record.Author));
                    note["external_references"] = new JsonArray(new JsonObject
                    {
                        ["source_name"] = "cyberaccord-evidence",
                        ["description"] = evidence.MediaType,
                        ["hashes"] = new JsonObject { ["SHA-256"] = evidence.Sha256 },
                    });
                    objects.Add(note);
                    break;
                case RecordKinds.Request:
                    var request = state.Requests[record.Id];
                    objects.Add(Note(
                        Core("note", stored),
                        $"Request ({request.Type}) to {state.Parties[request.To].Code}: {request.Asks} "
                            + $"Deadline {Timestamps.Format(request.Deadline)}; status {request.Status}.",
                        StixId("identity", request.To),
                        "Request"));
                    break;
                default:
                    break;
            }
        }

        // Markings referenced must be in the bundle; TLP 2.0 uses fixed ids and its extension.
        foreach (var tlp in usedTlp)
        {
            objects.Insert(0, new JsonObject
            {
                ["type"] = "marking-definition",
                ["spec_version"] = "2.1",
                ["id"] = TlpIds[tlp],
                ["created"] = "2022-10-01T00:00:00.000Z",
                ["name"] = "TLP:" + tlp.ToUpperInvariant(),
                ["extensions"] = new JsonObject
                {
                    [TlpMarkings.Tlp2ExtensionDefinition] = new JsonObject
                    {
                        ["extension_type"] = "property-extension",
                        ["tlp_2_0"] = tlp,
                    },
                },
            });
        }

        var bundle = new JsonObject { ["type"] = "bundle", ["id"] = $"bundle--{Guid.NewGuid()}" };
        if (objects.Count > 0)
        {
            bundle["objects"] = objects;
        }

        return bundle;
    }

    private static string? SubjectStixId(AccordState state, string recordId) =>
        state.Records.TryGetValue(recordId, out var stored) ? stored.Record.Kind switch
        {
            RecordKinds.Incident => StixId("incident", recordId),
            RecordKinds.Claim => state.Claims[recordId] is { Incident: not null, AttributedToParty: not null }
                ? StixId("relationship", recordId)
                : StixId("note", recordId),
            RecordKinds.Statement or RecordKinds.Evidence or RecordKinds.Request => StixId("note", recordId),
            _ => null,
        } : null;

    private static JsonObject Note(JsonObject core, string content, string objectRef, string? @abstract = null)
    {
        core["type"] = "note";
        core["id"] = "note--" + core["id"]!.GetValue<string>().Split("--")[1];
        core["content"] = content;
        if (@abstract is not null)
        {
            core["abstract"] = @abstract;
        }

        core["object_refs"] = new JsonArray(objectRef);
        return core;
    }
}
