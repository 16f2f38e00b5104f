using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Stix.Validation;

namespace CyberAccord.Accord.State;

/// <summary>What the collection rules say of a STIX object offered to a collection.</summary>
public enum StixVerdictKind
{
    /// <summary>It may be added.</summary>
    Add,

    /// <summary>The poster already added this very object (same id, version and content): nothing to do.</summary>
    AlreadyThere,

    /// <summary>It may not be added (or deleted); the message says why.</summary>
    Refused,
}

/// <summary>The verdict, the JSON path it concerns, and the label the object would carry.</summary>
public sealed record StixVerdict(StixVerdictKind Kind, string Path, string Message, RecordLabel Label);

/// <summary>
/// Shared STIX objects and their collections. Every way an object enters or leaves a collection (TAXII POST and DELETE, a
/// client-signed record, a replay) passes <see cref="JudgeAdd"/> or <see cref="JudgeDelete"/>: membership, the labels a
/// collection can hold, the object's owner, versions that were deleted or already hold other content.
/// </summary>
public sealed partial class AccordState
{
    /// <summary>The collections before any party or accord: the public one alone.</summary>
    private static readonly List<CollectionDescriptor> s_initialCollections = CollectionDescriptor.For([], []);

    private IReadOnlyList<CollectionDescriptor> _collectionList = s_initialCollections;
    private Dictionary<string, CollectionDescriptor> _collectionsById = Index(s_initialCollections, c => c.Id);
    private Dictionary<string, CollectionDescriptor> _collectionsByAlias = Index(s_initialCollections, c => c.Alias);

    /// <summary>The collections, kept with the state and rebuilt when a party or an accord record applies.</summary>
    public IReadOnlyList<CollectionDescriptor> CollectionList => _collectionList;

    public CollectionDescriptor? CollectionById(string id) => _collectionsById.GetValueOrDefault(id);

    /// <summary>A collection by its id or its alias.</summary>
    public CollectionDescriptor? FindCollection(string idOrAlias) =>
        _collectionsById.GetValueOrDefault(idOrAlias) ?? _collectionsByAlias.GetValueOrDefault(idOrAlias);

    private void SetCollections(List<CollectionDescriptor> collections)
    {
        // Check refused any record that would repeat an id or alias, so these never throw.
        _collectionsById = Index(collections, c => c.Id);
        _collectionsByAlias = Index(collections, c => c.Alias);
        _collectionList = collections;
    }

    private static Dictionary<string, CollectionDescriptor> Index(
        List<CollectionDescriptor> collections,
        Func<CollectionDescriptor, string> key) =>
        collections.ToDictionary(key, StringComparer.Ordinal);

    /// <summary>Whether <paramref name="poster"/> may add this object to <paramref name="collection"/>, and with which label.</summary>
    /// <remarks>
    /// It reads the object as a parsed document and never as a tree of nodes: a node tree, once walked, stays expanded in
    /// memory, and the state keeps every object.
    /// </remarks>
    public StixVerdict JudgeAdd(CollectionDescriptor collection, string poster, JsonElement stix)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var index = Collections.GetValueOrDefault(collection.Id);
        var label = RecordLabels.StixLabel(stix);
        if (!collection.CanWrite(poster))
        {
            return new(StixVerdictKind.Refused, "$.body.collection", $"no collection '{collection.Alias}' that you may write", label);
        }

        if (!collection.HoldsRestricted && label.Tlp is not ("clear" or "green"))
        {
            var why = label.UnknownMarkings.Count > 0
                ? $"it names markings this node cannot interpret ({string.Join(", ", label.UnknownMarkings)}), so it counts as TLP:RED"
                : $"it is TLP:{label.Tlp.ToUpperInvariant()} by its object or granular markings";
            return new(
                StixVerdictKind.Refused,
                "$.body.object",
                $"{why}; collection '{collection.Alias}' holds TLP:CLEAR and TLP:GREEN only: post it to a pair collection",
                label);
        }

        var (id, version) = IdAndVersion(stix);
        if (index?.OwnerOf(id) is { } owner && owner != poster)
        {
            // Answered alike whether or not the poster may see the owner's object: the id is a random UUID it already held.
            return new(
                StixVerdictKind.Refused,
                "$.body.object.id",
                $"'{id}' names another poster's object in this collection; "
                    + "a STIX id names one producer's object: use an id of your own",
                label);
        }

        if (index is not null && index.WasDeleted(id, version))
        {
            return new(
                StixVerdictKind.Refused,
                "$.body.object.modified",
                $"version {version} of '{id}' was deleted from this collection and cannot come back; "
                    + "post a new version (a later 'modified')",
                label);
        }

        if (index is not null && index.LiveVersions(id).TryGetValue(version, out var existing))
        {
            return SameContent(existing.Json, stix)
                ? new(StixVerdictKind.AlreadyThere, "$.body.object", "already in the collection", label)
                : new(
                    StixVerdictKind.Refused,
                    "$.body.object.modified",
                    $"version {version} of '{id}' is already in the collection with other content; "
                        + "a new version needs a later 'modified'",
                    label);
        }

        return new(
            StixVerdictKind.Add,
            "$.body.object",
            label.UnknownMarkings.Count > 0
                ? $"added to collection {collection.Alias}; "
                    + $"markings unknown to this node ({string.Join(", ", label.UnknownMarkings)}) make it TLP:RED"
                : collection.AddedMessage,
            label);
    }

    /// <summary>Whether <paramref name="poster"/> may delete this version: only its owner, only a live version, only as stored.</summary>
    public StixVerdict JudgeDelete(CollectionDescriptor collection, string poster, JsonElement stix)
    {
        ArgumentNullException.ThrowIfNull(collection);
        var index = Collections.GetValueOrDefault(collection.Id);
        var (id, version) = IdAndVersion(stix);
        if (!collection.CanWrite(poster))
        {
            return new(
                StixVerdictKind.Refused,
                "$.body.collection",
                $"no collection '{collection.Alias}' that you may write",
                new RecordLabel("red", new HashSet<string>()));
        }

        if (index is null || index.OwnerOf(id) != poster
            || !index.LiveVersions(id).TryGetValue(version, out var existing) || !SameContent(existing.Json, stix))
        {
            // One answer for absent, hidden and another's: a refusal reveals nothing the poster did not post.
            return new(
                StixVerdictKind.Refused,
                "$.body.object",
                $"no live version {version} of '{id}' of yours in collection '{collection.Alias}'",
                new RecordLabel("red", new HashSet<string>()));
        }

        return new(StixVerdictKind.Add, "$.body.object", "deleted", new RecordLabel(existing.Tlp, new HashSet<string>()));
    }

    /// <summary>A STIX object's id and version (its modified time, else its created time, else "unversioned").</summary>
    public static (string Id, string Version) IdAndVersion(JsonElement stix) =>
        (Text(stix, "id") ?? string.Empty, Text(stix, "modified") ?? Text(stix, "created") ?? "unversioned");

    private static string? Text(JsonElement stix, string name) =>
        stix.ValueKind == JsonValueKind.Object && stix.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static bool SameContent(JsonObject stored, JsonElement offered) =>
        JsonElement.DeepEquals(JsonSerializer.SerializeToElement(stored), offered);

    private Action CheckStixObject(AccordRecord record, BodyReader body)
    {
        var collectionId = body.Required("collection");
        var collection = CollectionById(collectionId)
            ?? throw body.Error("collection", $"no collection '{collectionId}' that you may write");
        var dateAdded = body.RequiredTime("date_added");
        if (CollectionObjects.Count > 0 && dateAdded <= CollectionObjects[^1].DateAdded)
        {
            throw body.Error("date_added", "date_added must increase with every object added");
        }

        var deleted = body.Boolean("deleted", false);
        var json = body.Json["object"] as JsonObject ?? throw body.Error("object", "'object' is required: the STIX object");

        // The stored copy is cloned before anything reads the node, so it stays a compact parsed document (see JudgeAdd).
        var stored = (JsonObject)json.DeepClone();
        using var document = JsonDocument.Parse(json.ToJsonString());
        var stix = document.RootElement;
        if (!deleted && !record.StixValidated)
        {
            var errors = StixValidator.ValidateObject(stix).Where(i => i.Severity == Severity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new RecordRejectedException(
                    "$.body.object" + errors[0].Path[1..],
                    $"not valid STIX 2.1: {string.Join("; ", errors.Take(3).Select(e => $"{e.Code} {e.Path}: {e.Message}"))}");
            }
        }

        var verdict = deleted ? JudgeDelete(collection, record.Author, stix) : JudgeAdd(collection, record.Author, stix);
        if (verdict.Kind != StixVerdictKind.Add)
        {
            throw new RecordRejectedException(verdict.Path, verdict.Message);
        }

        record.Label = verdict.Label;
        var (id, version) = IdAndVersion(stix);
        var item = new CollectionObject(
            record.Id,
            collection.Id,
            id,
            Text(stix, "type") ?? string.Empty,
            version,
            Text(stix, "spec_version") ?? "2.1",
            dateAdded,
            record.Author,
            verdict.Label.Tlp,
            deleted,
            stored);
        return () =>
        {
            _collectionObjects.Add(item);
            if (!Collections.TryGetValue(collection.Id, out var index))
            {
                _collections[collection.Id] = index = new CollectionIndex();
            }

            index.Add(item);
        };
    }
}
