using System.Net;
using CyberAccord.Accord.Catalogue;
using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.State;

/// <summary>
/// The current state of an accord: a projection of its records, applied in log order. <see cref="Apply"/>
/// checks a record completely (signature, author, references, fields) before changing anything, so a refused
/// record leaves the state as it was. Applying the same records always gives the same state.
/// </summary>
public sealed class AccordState
{
    private readonly Dictionary<string, StoredRecord> _records = new(StringComparer.Ordinal);

    public Dictionary<string, Party> Parties { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AccordInfo> Accords { get; } = new(StringComparer.Ordinal);

    /// <summary>Every version of every designation, oldest first.</summary>
    public List<Designation> Designations { get; } = [];

    public Dictionary<string, Incident> Incidents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, EvidenceItem> Evidence { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Claim> Claims { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, RequestCase> Requests { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Statement> Statements { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Position> Positions { get; } = new(StringComparer.Ordinal);

    /// <summary>STIX objects posted to TAXII collections, in the order they were added (date_added ascending).</summary>
    public List<CollectionObject> CollectionObjects { get; } = [];

    /// <summary>Per collection: its objects in date_added order, each object's versions, and the versions deleted.</summary>
    public Dictionary<string, CollectionIndex> Collections { get; } = new(StringComparer.Ordinal);

    public CommitmentCatalogue Catalogue { get; } = CommitmentCatalogue.Default;

    /// <summary>How many records have been applied.</summary>
    public long Count { get; private set; }

    private readonly List<StoredRecord> _entries = [];

    public IReadOnlyDictionary<string, StoredRecord> Records => _records;

    /// <summary>Every applied record in log order, earlier versions included (<see cref="Records"/> keeps the latest per id).</summary>
    public IReadOnlyList<StoredRecord> Entries => _entries;

    /// <summary>The position in <see cref="Entries"/> of the first entry whose sequence is above <paramref name="sequence"/>.</summary>
    public int IndexAfter(long sequence)
    {
        int low = 0, high = _entries.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (_entries[middle].Sequence <= sequence)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>The entry at log index <paramref name="sequence"/>, or null when this state has not applied it.</summary>
    public StoredRecord? EntryAt(long sequence)
    {
        var index = IndexAfter(sequence - 1);
        return index < _entries.Count && _entries[index].Sequence == sequence ? _entries[index] : null;
    }

    public bool Contains(string id) => _records.ContainsKey(id) || Parties.ContainsKey(id);

    /// <summary>The designation of <paramref name="party"/> in force at <paramref name="time"/>: the latest effective at or before it, or null.</summary>
    public Designation? DesignationOf(string party, DateTime time) =>
        Designations.Where(d => d.Party == party && d.Effective <= time).MaxBy(d => (d.Effective, d.Created));

    /// <summary>The designation in force, or else the party's earliest on record (for events before any list was published).</summary>
    public Designation? DesignationOrEarliest(string party, DateTime time) =>
        DesignationOf(party, time) ?? Designations.Where(d => d.Party == party).MinBy(d => d.Effective);

    /// <summary>Checks a record against the state and applies it; throws <see cref="RecordRejectedException"/> and changes nothing when it is refused.</summary>
    public void Apply(AccordRecord record, long sequence)
    {
        ArgumentNullException.ThrowIfNull(record);
        Commit(record, sequence, Check(record));
    }

    /// <summary>Replays log entries; parsing runs in parallel. See <see cref="Replay(IReadOnlyList{AccordRecord}, long, bool)"/>.</summary>
    public List<AccordRecord> Replay(IReadOnlyList<ReadOnlyMemory<byte>> entries, long firstSequence, bool signaturesVouchedFor = false)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var records = new AccordRecord[entries.Count];
        Parallel.For(0, entries.Count, i => records[i] = AccordRecord.Parse(entries[i].Span));
        return Replay(records, firstSequence, signaturesVouchedFor);
    }

    /// <summary>
    /// Replays records in log order, exactly as <see cref="Apply"/> would, with the signature checks run in parallel first
    /// (against keys registered so far or in this batch). When <paramref name="signaturesVouchedFor"/> is true the caller has
    /// proven these are byte for byte entries of a log whose signed checkpoint commits to them, and every entry's signature
    /// was verified when it was appended; then only the key's ownership and status are checked again, not the ECDSA math.
    /// </summary>
    public List<AccordRecord> Replay(IReadOnlyList<AccordRecord> records, long firstSequence, bool signaturesVouchedFor)
    {
        ArgumentNullException.ThrowIfNull(records);
        var keys = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var party in Parties.Values)
        {
            foreach (var key in party.Keys)
            {
                keys[key.KeyId] = key.PublicKey;
            }
        }

        foreach (var record in records.Where(r => r.Kind == RecordKinds.Party))
        {
            foreach (var key in record.Body["keys"]?.AsArray() ?? [])
            {
                if (key?["public_key"]?.GetValue<string>() is { } encoded)
                {
                    try
                    {
                        var bytes = Convert.FromBase64String(encoded);
                        keys[PartyKey.IdOf(bytes)] = bytes;
                    }
                    catch (FormatException)
                    {
                        // Apply reports the malformed key with its path.
                    }
                }
            }
        }

        Parallel.For(0, records.Count, i =>
        {
            if (keys.TryGetValue(records[i].KeyId, out var key))
            {
                if (signaturesVouchedFor)
                {
                    // Proven entries of this log were checked in full when they were appended, STIX included: replaying
                    // them must give the same state, not re-judge them under whatever rules this build has.
                    records[i].Vouch(key);
                    records[i].StixValidated = true;
                }
                else
                {
                    records[i].PreVerify(key);
                }
            }
        });

        for (var i = 0; i < records.Count; i++)
        {
            Apply(records[i], firstSequence + i);
        }

        return [.. records];
    }

    /// <summary>Applies a record that <see cref="Check"/> accepted, with the change it returned.</summary>
    public void Commit(AccordRecord record, long sequence, Action change)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(change);
        change();
        var stored = new StoredRecord(sequence, record);
        _records[record.Id] = stored;
        _entries.Add(stored);
        Count++;
    }

    /// <summary>Validates without applying; returns the change to make.</summary>
    public Action Check(AccordRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var body = new BodyReader(record.Body);
        if (record.Kind == RecordKinds.Party)
        {
            return CheckParty(record, body);
        }

        // Everything but a party's own registration must be signed by a registered, active key of its author.
        if (!Parties.TryGetValue(record.Author, out var author))
        {
            throw new RecordRejectedException("$.author", $"unknown author '{record.Author}': register the party first");
        }

        RequireSignature(record, author.Keys);
        if (_records.ContainsKey(record.Id) && record.Kind != RecordKinds.Designation && record.Kind != RecordKinds.Accord)
        {
            throw new RecordRejectedException("$.id", $"a record with id '{record.Id}' already exists; records cannot be rewritten");
        }

        RequireIdPrefix(record);
        return record.Kind switch
        {
            RecordKinds.Accord => CheckAccord(record, body),
            RecordKinds.Designation => CheckDesignation(record, body),
            RecordKinds.Incident => CheckIncident(record, body),
            RecordKinds.Evidence => CheckEvidence(record, body),
            RecordKinds.Claim => CheckClaim(record, body),
            RecordKinds.Request => CheckRequest(record, body),
            RecordKinds.RequestUpdate => CheckRequestUpdate(record, body),
            RecordKinds.Statement => CheckStatement(record, body),
            RecordKinds.Position => CheckPosition(record, body),
            RecordKinds.StixObject => CheckStixObject(record, body),
            _ => throw new RecordRejectedException("$.kind", $"unknown kind '{record.Kind}'"),
        };
    }

    private static void RequireIdPrefix(AccordRecord record)
    {
        if (!record.Id.StartsWith(record.Kind + "--", StringComparison.Ordinal) || record.Id.Length <= record.Kind.Length + 2)
        {
            throw new RecordRejectedException("$.id", $"a {record.Kind} record's id must look like {record.Kind}--<unique suffix>, not '{record.Id}'");
        }
    }

    private static void RequireSignature(AccordRecord record, IReadOnlyList<PartyKeyInfo> keys)
    {
        var key = keys.FirstOrDefault(k => k.KeyId == record.KeyId)
            ?? throw new RecordRejectedException("$.key", $"key '{record.KeyId}' is not a key of {record.Author}");
        if (key.Status != "active")
        {
            throw new RecordRejectedException("$.key", $"key '{record.KeyId}' of {record.Author} is {key.Status}");
        }

        if (!record.VerifySignature(key.PublicKey))
        {
            throw new RecordRejectedException("$.signature", $"the signature does not verify with {record.Author}'s key {record.KeyId}");
        }
    }

    private void RequireRecord(string path, string id, string kind)
    {
        var exists = kind switch
        {
            RecordKinds.Party => Parties.ContainsKey(id),
            RecordKinds.Incident => Incidents.ContainsKey(id),
            RecordKinds.Evidence => Evidence.ContainsKey(id),
            RecordKinds.Claim => Claims.ContainsKey(id),
            RecordKinds.Request => Requests.ContainsKey(id),
            _ => _records.ContainsKey(id),
        };
        if (!exists)
        {
            throw new RecordRejectedException(path, $"refers to {kind} '{id}', which does not exist");
        }
    }

    private void RequireParties(string path, IReadOnlyList<string> ids)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            RequireRecord($"{path}[{i}]", ids[i], RecordKinds.Party);
        }
    }

    private Action CheckParty(AccordRecord record, BodyReader body)
    {
        RequireIdPrefix(record);
        if (record.Author != record.Id)
        {
            throw new RecordRejectedException("$.author", $"a party record is authored by the party itself ('{record.Id}'), not '{record.Author}'");
        }

        var keys = body.Objects("keys", required: true).Select(k =>
        {
            byte[] publicKey;
            try
            {
                publicKey = Convert.FromBase64String(k.Required("public_key"));
            }
            catch (FormatException)
            {
                throw k.Error("public_key", "must be base64 of a DER SubjectPublicKeyInfo");
            }

            var keyId = PartyKey.IdOf(publicKey);
            var declared = k.Optional("key_id");
            if (declared is not null && declared != keyId)
            {
                throw k.Error("key_id", $"'{declared}' is not the id of this key ({keyId})");
            }

            return new PartyKeyInfo(keyId, publicKey, k.OneOf("status", ["active", "revoked"], "active"));
        }).ToList();

        // A new party signs its registration with a key it registers; a later version must be signed with a key active before it.
        var previous = Parties.GetValueOrDefault(record.Id);
        RequireSignature(record, previous?.Keys ?? keys);
        var contacts = body.Objects("contacts").Select(c => new Contact(c.OneOf("role", Vocabulary.ContactRoles), c.Required("name"), c.Optional("email"), c.Optional("phone"), c.Strings("languages"))).ToList();
        var party = new Party(record.Id, body.Required("code"), body.Required("name"), body.OneOf("kind", Vocabulary.PartyKinds), contacts, keys, (previous?.Version ?? 0) + 1);
        if (!keys.Any(k => k.Status == "active"))
        {
            throw body.Error("keys", "a party needs at least one active key");
        }

        return () => Parties[party.Id] = party;
    }

    private Action CheckAccord(AccordRecord record, BodyReader body)
    {
        if (Accords.TryGetValue(record.Id, out var existing) && existing.Author != record.Author)
        {
            throw new RecordRejectedException("$.author", $"only {existing.Author} can publish a new version of {record.Id}");
        }

        var parties = body.Strings("parties", required: true);
        RequireParties("$.body.parties", parties);
        if (!parties.Contains(record.Author))
        {
            throw body.Error("parties", $"the author {record.Author} must be a party to the accord");
        }

        var commitments = body.Strings("commitments", required: true);
        for (var i = 0; i < commitments.Count; i++)
        {
            if (!Catalogue.Commitments.ContainsKey(commitments[i]))
            {
                throw new RecordRejectedException($"$.body.commitments[{i}]", $"'{commitments[i]}' is not in the commitment catalogue");
            }
        }

        var accord = new AccordInfo(record.Id, record.Author, body.Required("title"), parties, commitments, body.OptionalTime("signed_on"));
        return () => Accords[accord.Id] = accord;
    }

    private Action CheckDesignation(AccordRecord record, BodyReader body)
    {
        var sectors = body.Objects("sectors", required: true)
            .Select(s => new CiSector(s.Required("id"), s.Required("name"), s.OneOf("category", Vocabulary.CiCategories), s.Optional("legal_basis")))
            .ToList();
        var sectorIds = sectors.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        var scopes = body.Objects("scopes").Select(s =>
        {
            var sector = s.Required("sector");
            if (!sectorIds.Contains(sector))
            {
                throw s.Error("sector", $"'{sector}' is not one of this designation's sectors");
            }

            var ipv4 = s.Strings("ipv4");
            foreach (var prefix in ipv4)
            {
                if (!IPNetwork.TryParse(prefix, out var network) || network.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
                {
                    throw s.Error("ipv4", $"'{prefix}' is not an IPv4 prefix such as 198.51.100.0/24");
                }
            }

            var ipv6 = s.Strings("ipv6");
            foreach (var prefix in ipv6)
            {
                if (!IPNetwork.TryParse(prefix, out var network) || network.BaseAddress.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
                {
                    throw s.Error("ipv6", $"'{prefix}' is not an IPv6 prefix such as 2001:db8::/32");
                }
            }

            return new CiScope(sector, ipv4, ipv6, s.Strings("asns"), s.Strings("domains"));
        }).ToList();
        var designation = new Designation(record.Id, record.Author, body.Required("framework"), body.Required("legal_basis"), body.RequiredTime("effective"), sectors, scopes, record.Created);
        if (Designations.Any(d => d.Id == record.Id && d.Party != record.Author))
        {
            throw new RecordRejectedException("$.author", $"only the designating party can publish a new version of {record.Id}");
        }

        return () => Designations.Add(designation);
    }

    private Action CheckIncident(AccordRecord record, BodyReader body)
    {
        var affected = body.Required("affected_party");
        RequireRecord("$.body.affected_party", affected, RecordKinds.Party);
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
        var assets = body.Objects("assets").Select(a => new Asset(a.OneOf("kind", ["ipv4", "ipv6", "asn", "domain", "system"]), a.Required("value"))).ToList();
        string? bundle = null;
        var objects = 0;
        if (body.Object("evidence_bundle") is { } evidence)
        {
            bundle = evidence.Required("sha256");
            objects = evidence.OptionalInt("objects", 0, int.MaxValue) ?? 0;
        }

        var incident = new Incident(
            record.Id, record.Author, affected, body.Required("title"), start, end, body.Strings("sectors", allowed: Vocabulary.CiCategories),
            body.Strings("effects", required: true, allowed: Vocabulary.Effects), body.OptionalInt("severity", 0, 5) ?? 0, tlp, recipients, assets,
            bundle, objects, body.OptionalOneOf("purpose", Vocabulary.Purposes), body.Boolean("peacetime", true), body.Optional("description"), record.Created);
        return () => Incidents[incident.Id] = incident;
    }

    private Action CheckEvidence(AccordRecord record, BodyReader body)
    {
        var incident = body.Optional("incident");
        if (incident is not null)
        {
            RequireRecord("$.body.incident", incident, RecordKinds.Incident);
        }

        var sha = body.Required("sha256");
        if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigitLower))
        {
            throw body.Error("sha256", "must be the 64 lowercase hex digits of the item's SHA-256");
        }

        var disclosed = body.Strings("disclosed_to");
        RequireParties("$.body.disclosed_to", disclosed);
        var item = new EvidenceItem(record.Id, record.Author, incident, sha, body.Required("media_type"), body.Required("description"),
            body.OneOf("source_reliability", Vocabulary.Reliability), body.OneOf("information_credibility", Vocabulary.Credibility), disclosed,
            body.OneOf("tlp", Vocabulary.Tlp, "amber"), record.Created);
        return () => Evidence[item.Id] = item;
    }

    private Action CheckClaim(AccordRecord record, BodyReader body)
    {
        var incident = body.Optional("incident");
        if (incident is not null)
        {
            RequireRecord("$.body.incident", incident, RecordKinds.Incident);
        }

        var target = body.Object("attributed_to") ?? throw body.Error("attributed_to", "'attributed_to' is required: {\"party\": …} and/or {\"actor\": …}");
        var party = target.Optional("party");
        var actor = target.Optional("actor");
        if (party is null && actor is null)
        {
            throw new RecordRejectedException("$.body.attributed_to", "name a party, an actor, or both");
        }

        if (party is not null)
        {
            RequireRecord("$.body.attributed_to.party", party, RecordKinds.Party);
        }

        var evidence = body.Strings("evidence");
        for (var i = 0; i < evidence.Count; i++)
        {
            RequireRecord($"$.body.evidence[{i}]", evidence[i], RecordKinds.Evidence);
        }

        var recipients = body.Strings("recipients");
        RequireParties("$.body.recipients", recipients);
        var unsupported = !evidence.Select(e => Evidence[e]).Any(e => e.IsShared);
        var claim = new Claim(record.Id, record.Author, incident, party, actor, body.OptionalOneOf("responsibility", Vocabulary.Responsibility),
            body.OneOf("likelihood", Vocabulary.Likelihood), body.OneOf("confidence", Vocabulary.Confidence), evidence, body.Boolean("public", false),
            body.Optional("text"), body.OneOf("tlp", Vocabulary.Tlp, "green"), recipients, record.Created) { Unsupported = unsupported };
        return () => Claims[claim.Id] = claim;
    }

    private Action CheckRequest(AccordRecord record, BodyReader body)
    {
        var to = body.Required("to");
        RequireRecord("$.body.to", to, RecordKinds.Party);
        if (to == record.Author)
        {
            throw body.Error("to", "a party cannot send a request to itself");
        }

        var incident = body.Optional("incident");
        if (incident is not null)
        {
            RequireRecord("$.body.incident", incident, RecordKinds.Incident);
        }

        var deadline = body.RequiredTime("deadline");
        if (deadline <= record.Created)
        {
            throw body.Error("deadline", $"the deadline {deadline:yyyy-MM-ddTHH:mm:ssZ} is not after the request's creation {record.Created:yyyy-MM-ddTHH:mm:ssZ}");
        }

        var request = new RequestCase(record.Id, record.Author, to, incident, body.OneOf("type", Vocabulary.RequestTypes), body.Required("asks"), deadline,
            body.OneOf("tlp", Vocabulary.Tlp, "amber"), record.Created, []);
        return () => Requests[request.Id] = request;
    }

    private Action CheckRequestUpdate(AccordRecord record, BodyReader body)
    {
        var requestId = body.Required("request");
        RequireRecord("$.body.request", requestId, RecordKinds.Request);
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
        return () => Requests[requestId] = request with { Updates = [.. request.Updates, update] };
    }

    private Action CheckStatement(AccordRecord record, BodyReader body)
    {
        var incidents = body.Strings("incidents");
        var claims = body.Strings("claims");
        var evidence = body.Strings("evidence");
        for (var i = 0; i < incidents.Count; i++)
        {
            RequireRecord($"$.body.incidents[{i}]", incidents[i], RecordKinds.Incident);
        }

        for (var i = 0; i < claims.Count; i++)
        {
            RequireRecord($"$.body.claims[{i}]", claims[i], RecordKinds.Claim);
        }

        for (var i = 0; i < evidence.Count; i++)
        {
            RequireRecord($"$.body.evidence[{i}]", evidence[i], RecordKinds.Evidence);
        }

        var statement = new Statement(record.Id, record.Author, body.Required("title"), body.Required("text"), body.OptionalTime("date") ?? record.Created, incidents, claims, evidence, body.Optional("source"), record.Created);
        return () => Statements[statement.Id] = statement;
    }

    private Action CheckStixObject(AccordRecord record, BodyReader body)
    {
        var collection = body.Required("collection");
        var dateAdded = body.RequiredTime("date_added");
        if (CollectionObjects.Count > 0 && dateAdded <= CollectionObjects[^1].DateAdded)
        {
            throw body.Error("date_added", "date_added must increase with every object added");
        }

        var deleted = body.Boolean("deleted", false);
        var json = body.Json["object"] as System.Text.Json.Nodes.JsonObject ?? throw body.Error("object", "'object' is required: the STIX object");
        using var document = System.Text.Json.JsonDocument.Parse(json.ToJsonString());
        if (!deleted && !record.StixValidated)
        {
            var errors = Stix.Validation.StixValidator.ValidateObject(document.RootElement).Where(i => i.Severity == Stix.Validation.Severity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new RecordRejectedException("$.body.object" + errors[0].Path[1..], $"not valid STIX 2.1: {string.Join("; ", errors.Take(3).Select(e => $"{e.Code} {e.Path}: {e.Message}"))}");
            }
        }

        var root = document.RootElement;
        string Member(string name, string fallback = "") => root.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString()! : fallback;
        var id = Member("id");
        var type = Member("type");
        var version = Member("modified", Member("created", "unversioned"));
        var item = new CollectionObject(record.Id, collection, id, type, version, Member("spec_version", "2.1"), dateAdded, record.Author,
            StixTlp(root), deleted, (System.Text.Json.Nodes.JsonObject)json.DeepClone());
        return () =>
        {
            CollectionObjects.Add(item);
            if (!Collections.TryGetValue(collection, out var index))
            {
                Collections[collection] = index = new CollectionIndex();
            }

            index.Add(item);
        };
    }

    /// <summary>The TLP 2.0 level of a STIX object from its object markings (TLP 1.0 read as its 2.0 equivalent); GREEN when unmarked.</summary>
    public static string StixTlp(System.Text.Json.JsonElement stixObject)
    {
        if (stixObject.TryGetProperty("object_marking_refs", out var refs) && refs.ValueKind == System.Text.Json.JsonValueKind.Array)
        {
            var levels = refs.EnumerateArray().Where(r => r.ValueKind == System.Text.Json.JsonValueKind.String).Select(r => r.GetString()!)
                .Select(r => Stix.Model.TlpMarkings.Tlp2Levels.TryGetValue(r, out var l2) ? l2 : Stix.Model.TlpMarkings.Tlp1Levels.TryGetValue(r, out var l1) ? (l1 == "white" ? "clear" : l1) : null)
                .Where(l => l is not null).ToList();
            if (levels.Count > 0)
            {
                // The most restrictive marking wins.
                return Vocabulary.Tlp.Last(levels.Contains!);
            }
        }

        return "green";
    }

    private Action CheckPosition(AccordRecord record, BodyReader body)
    {
        var subject = body.Required("subject");
        if (!Contains(subject))
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
            RequireRecord("$.body.under", under, RecordKinds.Party);
        }

        var view = stance == "purpose" ? body.OneOf("view", Vocabulary.Purposes) : body.OptionalOneOf("view", Vocabulary.Purposes);
        var position = new Position(record.Id, record.Author, subject, stance, commitment, under, view, body.Optional("note"), record.Created);
        return () => Positions[position.Id] = position;
    }
}
