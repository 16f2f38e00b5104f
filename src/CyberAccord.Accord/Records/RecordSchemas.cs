using System.Text;
using System.Text.Json.Nodes;

namespace CyberAccord.Accord.Records;

/// <summary>One member of a record body: its name, what it holds, whether it must be there, and (for objects) its own members.</summary>
public sealed record FieldSchema(string Name, string Type, bool Required, string Description, IReadOnlyList<FieldSchema>? Members = null)
{
    /// <summary>An opaque member whose content another rule checks (a STIX object): its members are not closed here.</summary>
    public bool Opaque { get; init; }
}

/// <summary>The closed schema of one record kind: every member a body may carry, and an example body.</summary>
public sealed record RecordSchema(string Kind, IReadOnlyList<FieldSchema> Fields, string Example);

/// <summary>
/// The closed schemas of record bodies: a body member that is not listed for its kind is refused with its JSON path, so a
/// misspelling ("tpl" for "tlp") never reaches the permanent log with a meaning other than the one its author meant. The
/// state reads values; these tables say which members exist, and the CLI's help prints them.
/// </summary>
public static class RecordSchemas
{
    private static FieldSchema F(
        string name,
        string type,
        string description,
        bool required = false,
        IReadOnlyList<FieldSchema>? members = null) =>
        new(name, type, required, description, members);

    private static readonly FieldSchema Tlp =
        F("tlp", "string", "TLP 2.0 label: clear, green, amber, amber+strict or red (default by kind)");
    private static readonly FieldSchema Recipients =
        F("recipients", "list of party ids", "parties, beside the author, who may read an AMBER or RED record");

    /// <summary>Each later version of a party, accord or designation states its number: the version it replaces plus one.</summary>
    private static readonly FieldSchema Version =
        F("version", "integer", "for a new version of an existing id: the current version's number plus one (the first is 1)");

    public static readonly IReadOnlyDictionary<string, RecordSchema> ByKind = new Dictionary<string, RecordSchema>(StringComparer.Ordinal)
    {
        [RecordKinds.Party] = new(RecordKinds.Party,
        [
            F("code", "string", "the party's code, 2 to 12 capital letters (its id is party--<code in lower case>)", true),
            F("name", "string", "the party's full name, unique among parties", true),
            F("kind", "string", "state, cert, observer or witness", true),
            F("contacts", "list of objects", "points of contact", members:
            [
                F("role", "string", "diplomatic or technical", true), F("name", "string", "who", true), F("email", "string", "address"),
                F("phone", "string", "number"), F("languages", "list of strings", "BCP 47 language tags"),
            ]),
            F("keys", "list of objects", "signing keys", true,
            [
                F("public_key", "string", "base64 of a DER SubjectPublicKeyInfo (ECDSA P-256)", true),
                F("key_id", "string", "the key's id, checked"),
                F("status", "string", "active (default) or revoked"),
            ]),
            Version,
        ], """{"code":"XA","name":"Example State A","kind":"state","keys":[{"public_key":"MFkw…"}]}"""),
        [RecordKinds.Accord] = new(RecordKinds.Accord,
        [
            F("title", "string", "the accord's title", true),
            F("parties", "list of party ids", "its parties (the author among them)", true),
            F("commitments", "list of strings", "commitment ids from the catalogue", true),
            F("signed_on", "time", "when it was signed"),
            Version,
        ], """{"title":"An example accord","parties":["party--xa","party--xb"],"commitments":"""
            + """["GGE2015-13f"],"signed_on":"2015-09-25T00:00:00Z"}"""),
        [RecordKinds.Designation] = new(RecordKinds.Designation,
        [
            F("framework", "string", "the national framework the list comes from", true),
            F("legal_basis", "string", "its legal basis", true),
            F("effective", "time", "when the list takes effect", true),
            F("sectors", "list of objects", "the designated sectors", true,
            [
                F("id", "string", "the sector's id in this list", true), F("name", "string", "its name", true),
                F("category", "string", "the common category it maps to", true), F("legal_basis", "string", "its own legal basis"),
            ]),
            F("scopes", "list of objects", "network scopes of sectors", members:
            [
                F("sector", "string", "a sector id of this list", true), F("ipv4", "list of strings", "IPv4 prefixes"),
                F("ipv6", "list of strings", "IPv6 prefixes"),
                F("asns", "list of strings", "AS numbers"),
                F("domains", "list of strings", "domains"),
            ]),
            Tlp, Recipients, Version,
        ], """{"framework":"national list","legal_basis":"a law","effective":"2016-05-03T00:00:00Z","sectors":"""
            + """[{"id":"energy","name":"Energy","category":"energy"}]}"""),
        [RecordKinds.Incident] = new(RecordKinds.Incident,
        [
            F("affected_party", "party id", "the party whose systems were affected", true), F("title", "string", "a short title", true),
            F("window", "object", "when it happened", true, [F("start", "time", "start", true), F("end", "time", "end")]),
            F("sectors", "list of strings", "affected sector categories"),
            F("effects", "list of strings", "effects (disruption, data-theft, …)", true),
            F("severity", "integer", "0 to 5"), Tlp, Recipients,
            F("assets", "list of objects", "affected assets", members:
            [
                F("kind", "string", "ipv4, ipv6, asn, domain or system", true), F("value", "string", "the asset", true),
            ]),
            F("evidence_bundle", "object", "an attached STIX bundle", members:
            [
                F("sha256", "string", "its SHA-256", true), F("objects", "integer", "its object count"),
            ]),
            F("purpose", "string", "the reporter's view of the purpose"), F("peacetime", "boolean", "true (default) or false"),
            F("description", "string", "a description"),
        ], """{"affected_party":"party--xa","title":"Outage at a grid operator","window":{"start":"2024-03-01T00:00:00Z"},"sectors":"""
            + """["energy"],"effects":["disruption"]}"""),
        [RecordKinds.Evidence] = new(RecordKinds.Evidence,
        [
            F("incident", "incident id", "the incident it concerns"),
            F("sha256", "string", "64 lowercase hex digits of the item's SHA-256", true),
            F("media_type", "string", "the item's media type", true), F("description", "string", "what it is", true),
            F("source_reliability", "string", "Admiralty A to F", true), F("information_credibility", "string", "Admiralty 1 to 6", true),
            F("disclosed_to", "list of party ids", "parties it is disclosed to"), Tlp,
        ], """{"sha256":"<64 hex digits>","media_type":"application/"""
            + """pcap","description":"capture","source_reliability":"B","information_credibility":"2"}"""),
        [RecordKinds.Claim] = new(RecordKinds.Claim,
        [
            F("incident", "incident id", "the incident it concerns"),
            F("attributed_to", "object", "whom it attributes the activity to", true,
            [
                F("party", "party id", "a party"), F("actor", "string", "a named actor"),
            ]),
            F("responsibility", "string", "a point on the spectrum of state responsibility"),
            F("likelihood", "string", "ICD 203 likelihood", true),
            F("confidence", "string", "low, moderate or high", true), F("evidence", "list of evidence ids", "the evidence it rests on"),
            F("public", "boolean", "made in public"), F("text", "string", "the claim's words"), Tlp, Recipients,
        ], """{"attributed_to":{"actor":"APT-X"},"likelihood":"likely","confidence":"moderate"}"""),
        [RecordKinds.Request] = new(RecordKinds.Request,
        [
            F("to", "party id", "the addressee", true), F("incident", "incident id", "the incident it concerns"),
            F("type", "string", "information, assistance, mitigation or evidence", true), F("asks", "string", "what is asked", true),
            F("deadline", "time", "when a response is due", true), Tlp, Recipients,
        ], """{"to":"party--xb","type":"information","asks":"Indicators for the intrusion","deadline":"2026-12-31T00:00:00Z"}"""),
        [RecordKinds.RequestUpdate] = new(RecordKinds.RequestUpdate,
        [
            F("request", "request id", "the request it updates", true),
            F(
                "status",
                "string",
                "acknowledged, in-progress, responded, declined (the addressee); closed, escalated (the requester)",
                true),
            F("note", "string", "what it says"), Tlp, Recipients,
        ], """{"request":"request--…","status":"responded","note":"Indicators attached"}"""),
        [RecordKinds.Statement] = new(RecordKinds.Statement,
        [
            F("title", "string", "a title", true),
            F("text", "string", "the statement's words", true),
            F("date", "time", "when it was made"),
            F("incidents", "list of incident ids", "incidents it concerns"), F("claims", "list of claim ids", "claims it concerns"),
            F("evidence", "list of evidence ids", "evidence it cites"), F("source", "string", "where it was published"), Tlp, Recipients,
        ], """{"title":"Remarks","text":"…","date":"2015-09-25T00:00:00Z","source":"https://example.org/remarks"}"""),
        [RecordKinds.Position] = new(RecordKinds.Position,
        [
            F("subject", "record id", "the record it takes a position on", true), F("stance", "string", "concur, dispute or purpose", true),
            F("commitment", "string", "a commitment id"), F("under", "party id", "whose list or view it is about"),
            F("view", "string", "the purpose, for a purpose stance"), F("note", "string", "what it says"), Tlp, Recipients,
        ], """{"subject":"claim--…","stance":"dispute","note":"No evidence was shared"}"""),
        [RecordKinds.StixObject] = new(RecordKinds.StixObject,
        [
            F("collection", "string", "the collection id", true), F("date_added", "time", "when the collection received it", true),
            F("deleted", "boolean", "true for a deletion"), F("object", "object", "the STIX 2.1 object", true) with { Opaque = true },
        ], """{"collection":"<collection id>","date_added":"2026-01-01T00:00:00.000000Z","object":{"type":"indicator","…":"…"}}"""),
    };

    /// <summary>Refuses a member the kind's schema does not list, at any depth, naming its JSON path and the nearest known name.</summary>
    public static void RequireKnownMembers(string kind, JsonObject body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (ByKind.TryGetValue(kind, out var schema))
        {
            RequireKnown(body, schema.Fields, "$.body", kind);
        }
    }

    private static void RequireKnown(JsonObject json, IReadOnlyList<FieldSchema> fields, string path, string kind)
    {
        foreach (var (name, value) in json)
        {
            var field = fields.FirstOrDefault(f => f.Name == name);
            if (field is null)
            {
                var nearest = fields.MinBy(f => Distance(f.Name, name));
                var hint = nearest is not null && Distance(nearest.Name, name) <= 2 ? $"; did you mean '{nearest.Name}'?" : string.Empty;
                throw new RecordRejectedException($"{path}.{name}",
                    $"unknown member '{name}' of a {kind} record{hint} (known: {string.Join(", ", fields.Select(f => f.Name))})");
            }

            if (field.Opaque || field.Members is null)
            {
                continue;
            }

            switch (value)
            {
                case JsonObject item:
                    RequireKnown(item, field.Members, $"{path}.{name}", kind);
                    break;
                case JsonArray items:
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (items[i] is JsonObject element)
                        {
                            RequireKnown(element, field.Members, $"{path}.{name}[{i}]", kind);
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The fields of a kind, as the CLI's help prints them, with an example body.</summary>
    public static string Describe(string kind)
    {
        var schema = ByKind[kind];
        var text = new StringBuilder();
        text.AppendLine(
            System.Globalization.CultureInfo.InvariantCulture,
            $"Body fields of a {kind} record (* required; any other member is refused):");
        Describe(text, schema.Fields, "  ");
        text.AppendLine("Example:");
        text.Append("  ").AppendLine(schema.Example);
        return text.ToString();
    }

    private static void Describe(StringBuilder text, IReadOnlyList<FieldSchema> fields, string indent)
    {
        foreach (var field in fields)
        {
            text.AppendLine(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{indent}{field.Name}{(field.Required ? "*" : string.Empty)} ({field.Type}): {field.Description}");
            if (field.Members is not null)
            {
                Describe(text, field.Members, indent + "    ");
            }
        }
    }

    /// <summary>Levenshtein distance, for the "did you mean" hint.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
