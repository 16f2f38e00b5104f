using System.Net;
using CyberAccord.Accord.Catalogue;
using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.State;

/// <summary>
/// The current state of an accord: a projection of its records, applied in log order. <see cref="Apply"/>
/// checks a record completely (signature, author, references, fields) before changing anything, so a refused
/// record leaves the state as it was. Applying the same records always gives the same state.
/// </summary>
public sealed partial class AccordState
{
    private readonly Dictionary<string, StoredRecord> _records = new(StringComparer.Ordinal);

    private readonly Dictionary<string, Party> _parties = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Party> Parties => _parties;

    private readonly Dictionary<string, AccordInfo> _accords = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, AccordInfo> Accords => _accords;

    /// <summary>Every version of every designation, oldest first.</summary>
    private readonly List<Designation> _designations = [];

    public IReadOnlyList<Designation> Designations => _designations;

    private readonly Dictionary<string, Incident> _incidents = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Incident> Incidents => _incidents;

    private readonly Dictionary<string, EvidenceItem> _evidence = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, EvidenceItem> Evidence => _evidence;

    private readonly Dictionary<string, Claim> _claims = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Claim> Claims => _claims;

    private readonly Dictionary<string, RequestCase> _requests = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, RequestCase> Requests => _requests;

    private readonly Dictionary<string, Statement> _statements = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Statement> Statements => _statements;

    private readonly Dictionary<string, Position> _positions = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, Position> Positions => _positions;

    /// <summary>STIX objects posted to TAXII collections, in the order they were added (date_added ascending).</summary>
    private readonly List<CollectionObject> _collectionObjects = [];

    public IReadOnlyList<CollectionObject> CollectionObjects => _collectionObjects;

    /// <summary>Per collection: its objects in date_added order, each object's versions, and the versions deleted.</summary>
    private readonly Dictionary<string, CollectionIndex> _collections = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, CollectionIndex> Collections => _collections;

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

    /// <summary>
    /// The designation of <paramref name="party"/> in force at <paramref name="time"/>: the latest effective at or before it,
    /// or null.
    /// </summary>
    public Designation? DesignationOf(string party, DateTime time) =>
        Designations.Where(d => d.Party == party && d.Effective <= time).MaxBy(d => (d.Effective, d.Created));

    /// <summary>The designation in force, or else the party's earliest on record (for events before any list was published).</summary>
    public Designation? DesignationOrEarliest(string party, DateTime time) =>
        DesignationOf(party, time) ?? Designations.Where(d => d.Party == party).MinBy(d => d.Effective);

    /// <summary>
    /// Checks a record against the state and applies it; throws <see cref="RecordRejectedException"/> and changes nothing
    /// when it is refused.
    /// </summary>
    internal StoredRecord Apply(AccordRecord record, long sequence)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Commit(record, sequence, Check(record));
    }

    /// <summary>Replays log entries; parsing runs in parallel. See <see cref="Replay(IReadOnlyList{AccordRecord}, long, bool)"/>.</summary>
    internal List<AccordRecord> Replay(IReadOnlyList<ReadOnlyMemory<byte>> entries, long firstSequence, bool signaturesVouchedFor = false)
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
    internal List<AccordRecord> Replay(IReadOnlyList<AccordRecord> records, long firstSequence, bool signaturesVouchedFor)
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
            try
            {
                Apply(records[i], firstSequence + i);
            }
            catch (RecordRejectedException e)
            {
                throw new ReplayRefusedException(firstSequence + i, records[i].Id, e);
            }
        }

        return [.. records];
    }

    /// <summary>Applies a record that <see cref="Check"/> accepted, with the change it returned.</summary>
    internal StoredRecord Commit(AccordRecord record, long sequence, Action change)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(change);
        RequireWritable();
        var stored = new StoredRecord(sequence, record) { Label = RecordLabels.Compute(this, record) };
        _committing = stored;
        try
        {
            change();
        }
        finally
        {
            _committing = null;
        }

        _records[record.Id] = stored;
        _entries.Add(stored);
        if (record.Kind != RecordKinds.StixObject)
        {
            _accordEntries.Add(stored);
        }

        if (record.Kind is RecordKinds.Party or RecordKinds.Accord)
        {
            SetCollections(CollectionDescriptor.For(Parties.Values, Accords.Values));
        }

        Count++;
        return stored;
    }

    /// <summary>The record being committed, for changes that keep its place in the log (designation versions).</summary>
    private StoredRecord? _committing;

    /// <summary>Every applied record but shared STIX objects, in log order: what a reader's view is made of.</summary>
    private readonly List<StoredRecord> _accordEntries = [];

    /// <summary>Validates without applying; returns the change to make.</summary>
    internal Action Check(AccordRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        RequireWritable();
        RecordSchemas.RequireKnownMembers(record.Kind, record.Body);
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
        RequireLabel(body, record.Kind);
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

    /// <summary>Every kind that may carry a label checks it and the parties it names the same way.</summary>
    private void RequireLabel(BodyReader body, string kind)
    {
        var fields = RecordSchemas.ByKind[kind].Fields;
        if (fields.Any(f => f.Name == "tlp"))
        {
            body.OptionalOneOf("tlp", Vocabulary.Tlp);
        }

        if (fields.Any(f => f.Name == "recipients"))
        {
            RequireParties("$.body.recipients", body.Strings("recipients"));
        }
    }

    private static void RequireIdPrefix(AccordRecord record)
    {
        if (!record.Id.StartsWith(record.Kind + "--", StringComparison.Ordinal) || record.Id.Length <= record.Kind.Length + 2)
        {
            throw new RecordRejectedException(
                "$.id",
                $"a {record.Kind} record's id must look like {record.Kind}--<unique suffix>, not '{record.Id}'");
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

    /// <summary>
    /// A reference to another record must name one that exists and that the referring record's author may see: a record
    /// hidden from the author is answered exactly as one that does not exist, so a refusal reveals nothing.
    /// </summary>
    private void RequireRecord(AccordRecord by, string path, string id, string kind)
    {
        RequireRecord(path, id, kind);
        if (kind != RecordKinds.Party && _records.TryGetValue(id, out var referenced) && !Visibility.CanSee(this, referenced, by.Author))
        {
            throw new RecordRejectedException(path, $"refers to {kind} '{id}', which does not exist");
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
}

/// <summary>
/// A log entry that this build's rules refuse: the log was written under rules since tightened (or by another
/// implementation). Nothing was changed; the node does not open on a state it cannot reproduce.
/// </summary>
public sealed class ReplayRefusedException(long sequence, string recordId, RecordRejectedException refusal)
    : Exception(
        $"log entry {sequence} ({recordId}) is refused by this build's rules: {refusal.Message}. "
            + "The log is unchanged; a log written before these rules cannot be opened "
            + "(a demo node is recreated with 'accord demo --force')",
        refusal)
{
    public long Sequence { get; } = sequence;

    public string RecordId { get; } = recordId;
}
