using System.Text.Json.Nodes;

namespace CyberAccord.Accord.State;

public sealed record PartyKeyInfo(string KeyId, byte[] PublicKey, string Status);

public sealed record Contact(string Role, string Name, string? Email, string? Phone, IReadOnlyList<string> Languages);

public sealed record Party(
    string Id,
    string Code,
    string Name,
    string Kind,
    IReadOnlyList<Contact> Contacts,
    IReadOnlyList<PartyKeyInfo> Keys,
    long Version);

public sealed record AccordInfo(
    string Id,
    string Author,
    string Title,
    IReadOnlyList<string> Parties,
    IReadOnlyList<string> Commitments,
    DateTime? SignedOn)
{
    /// <summary>Which version of the accord this is (1 for the first); a new version must state the next number.</summary>
    public long Version { get; init; } = 1;
}

public sealed record CiSector(string Id, string Name, string Category, string? LegalBasis);

public sealed record CiScope(
    string Sector,
    IReadOnlyList<string> Ipv4,
    IReadOnlyList<string> Ipv6,
    IReadOnlyList<string> Asns,
    IReadOnlyList<string> Domains);

public sealed record Designation(
    string Id,
    string Party,
    string Framework,
    string LegalBasis,
    DateTime Effective,
    IReadOnlyList<CiSector> Sectors,
    IReadOnlyList<CiScope> Scopes,
    DateTime Created)
{
    public IReadOnlySet<string> Categories { get; } = Sectors.Select(s => s.Category).ToHashSet(StringComparer.Ordinal);

    /// <summary>Where this version sits in the log: each version of a list carries its own label.</summary>
    public long Sequence { get; init; } = -1;
}

public sealed record Asset(string Kind, string Value);

public sealed record Incident(
    string Id, string Reporter, string AffectedParty, string Title, DateTime Start, DateTime? End, IReadOnlyList<string> Sectors,
    IReadOnlyList<string> Effects, int Severity, string Tlp, IReadOnlyList<string> Recipients, IReadOnlyList<Asset> Assets,
    string? EvidenceBundle, int EvidenceObjects, string? Purpose, bool Peacetime, string? Description, DateTime Created);

public sealed record EvidenceItem(
    string Id, string Author, string? Incident, string Sha256, string MediaType, string Description, string Reliability,
    string Credibility, IReadOnlyList<string> DisclosedTo, string Tlp, DateTime Created)
{
    /// <summary>Shared means someone besides its author may see it.</summary>
    public bool IsShared => Tlp is "clear" or "green" || DisclosedTo.Any(p => p != Author);
}

public sealed record Claim(
    string Id, string Claimant, string? Incident, string? AttributedToParty, string? AttributedToActor, string? Responsibility,
    string Likelihood, string Confidence, IReadOnlyList<string> Evidence, bool Public, string? Text, string Tlp,
    IReadOnlyList<string> Recipients, DateTime Created)
{
    /// <summary>Set by the state: true when none of the evidence it rests on is shared with anyone but the claimant.</summary>
    public bool Unsupported { get; init; }
}

public sealed record RequestUpdate(string Id, string Author, string Status, string? Note, DateTime Created);

public sealed record RequestCase(
    string Id, string From, string To, string? Incident, string Type, string Asks, DateTime Deadline, string Tlp, DateTime Created,
    IReadOnlyList<RequestUpdate> Updates)
{
    public RequestUpdate? FirstResponse => Updates.FirstOrDefault(u => u.Status is "responded" or "declined" && u.Author == To);

    public string Status => Updates.Count == 0 ? "open" : Updates[^1].Status;

    public bool IsClosed => Status is "closed" or "responded" or "declined";

    public bool IsOverdue(DateTime now) => FirstResponse is null ? now > Deadline : FirstResponse.Created > Deadline;
}

public sealed record Statement(
    string Id,
    string Author,
    string Title,
    string Text,
    DateTime Date,
    IReadOnlyList<string> Incidents,
    IReadOnlyList<string> Claims,
    IReadOnlyList<string> Evidence,
    string? Source,
    DateTime Created);

public sealed record Position(
    string Id,
    string Author,
    string Subject,
    string Stance,
    string? Commitment,
    string? Under,
    string? View,
    string? Note,
    DateTime Created);

/// <summary>A version of a STIX object in a TAXII collection: who posted it, when the collection received it, its TLP.</summary>
public sealed record CollectionObject(
    string RecordId, string Collection, string ObjectId, string Type, string Version, string SpecVersion, DateTime DateAdded,
    string Poster, string Tlp, bool Deleted, System.Text.Json.Nodes.JsonObject Json);

/// <summary>
/// One collection's objects in date_added order, with each object's live (not deleted) versions and its owner (the party
/// that first posted the id here), so that a TAXII page is a binary search and a walk rather than a scan of the collection.
/// </summary>
public sealed class CollectionIndex
{
    // A sorted list per object (an object has few versions): first and last are an index away, with no enumerator to allocate
    // on the read path, where every item of a page asks which of its versions is the latest a reader may see.
    private readonly Dictionary<string, SortedList<string, CollectionObject>> _versions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _owners = new(StringComparer.Ordinal);
    private readonly HashSet<(string, string)> _deleted = [];

    private readonly List<CollectionObject> _items = [];

    /// <summary>The versions added here (deletions are not items), in date_added order.</summary>
    public IReadOnlyList<CollectionObject> Items => _items;

    internal void Add(CollectionObject item)
    {
        ArgumentNullException.ThrowIfNull(item);
        _owners.TryAdd(item.ObjectId, item.Poster);
        if (item.Deleted)
        {
            _deleted.Add((item.ObjectId, item.Version));
            if (_versions.TryGetValue(item.ObjectId, out var remaining))
            {
                remaining.Remove(item.Version);
            }

            return;
        }

        _items.Add(item);
        if (!_versions.TryGetValue(item.ObjectId, out var versions))
        {
            _versions[item.ObjectId] = versions = new SortedList<string, CollectionObject>(1, StringComparer.Ordinal);
        }

        versions[item.Version] = item;
    }

    public bool IsLive(CollectionObject item) => !_deleted.Contains((item.ObjectId, item.Version));

    /// <summary>Whether this version of the object was deleted from the collection (a deleted version cannot come back).</summary>
    public bool WasDeleted(string objectId, string version) => _deleted.Contains((objectId, version));

    /// <summary>The party that first posted this id here: a STIX id names one producer's object.</summary>
    public string? OwnerOf(string objectId) => _owners.GetValueOrDefault(objectId);

    /// <summary>Live versions of an object with their items, oldest first.</summary>
    public IReadOnlyDictionary<string, CollectionObject> LiveVersions(string objectId) =>
        _versions.TryGetValue(objectId, out var versions) ? versions : s_none;

    /// <summary>The newest (or oldest) live version of an object that <paramref name="reader"/> may see here, or null.</summary>
    public CollectionObject? LiveVersion(string objectId, bool newest, CollectionDescriptor collection, string reader)
    {
        ArgumentNullException.ThrowIfNull(collection);
        if (!_versions.TryGetValue(objectId, out var versions))
        {
            return null;
        }

        var items = versions.Values;
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[newest ? items.Count - 1 - n : n];
            if (collection.CanSee(reader, item))
            {
                return item;
            }
        }

        return null;
    }

    private static readonly SortedList<string, CollectionObject> s_none = new(StringComparer.Ordinal);

    /// <summary>The position of the first item added after <paramref name="time"/>.</summary>
    public int FirstAfter(DateTime? time)
    {
        if (time is null)
        {
            return 0;
        }

        int lo = 0, hi = _items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_items[mid].DateAdded <= time)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}

/// <summary>A record as applied, with its place in the log.</summary>
public sealed record StoredRecord(long Sequence, Records.AccordRecord Record)
{
    public JsonObject Body => Record.Body;

    /// <summary>Who may read it, computed once when the state applied it (null on a record the state has not applied).</summary>
    public RecordLabel? Label { get; init; }
}
