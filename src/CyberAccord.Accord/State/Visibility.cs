using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.State;

/// <summary>
/// Who may see a record, from its TLP 2.0 label: CLEAR anyone; GREEN every registered party; AMBER,
/// AMBER+STRICT and RED only the author and the parties it names as recipients (or, for a request, its
/// addressee; for evidence, those it is disclosed to). Unlabelled records take the label the state gives
/// their kind: statements CLEAR, evidence and requests AMBER, a request's update its request's label, and
/// parties, accords, designations, incidents and claims GREEN. A shared STIX object is seen as its collection
/// allows: its readers for CLEAR and GREEN, else its poster and, in a pair collection, the other member.
/// </summary>
public static class Visibility
{
    /// <summary>The label a record carries, or the one its kind defaults to (the same defaults the state applies).</summary>
    public static string LabelOf(AccordRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Body["tlp"]?.GetValue<string>() is { } label)
        {
            return label;
        }

        return record.Kind switch
        {
            RecordKinds.Statement => "clear",
            RecordKinds.Evidence or RecordKinds.Request or RecordKinds.RequestUpdate => "amber",
            RecordKinds.StixObject when record.Body["object"] is System.Text.Json.Nodes.JsonObject stix => StixLabel(stix),
            _ => "green",
        };
    }

    /// <summary>As <see cref="LabelOf(AccordRecord)"/>, with an unlabelled request update taking its request's label.</summary>
    public static string LabelOf(AccordState state, AccordRecord record)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(record);
        return record.Kind == RecordKinds.RequestUpdate && record.Body["tlp"] is null
            && record.Body["request"]?.GetValue<string>() is { } request && state.Records.TryGetValue(request, out var parent)
            ? LabelOf(parent.Record)
            : LabelOf(record);
    }

    private static string StixLabel(System.Text.Json.Nodes.JsonObject stix)
    {
        using var document = System.Text.Json.JsonDocument.Parse(stix.ToJsonString());
        return AccordState.StixTlp(document.RootElement);
    }

    public static bool CanSee(AccordState state, AccordRecord record, string? party)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Kind == RecordKinds.StixObject)
        {
            return CanSeeStix(state, record, party);
        }

        var label = LabelOf(state, record);
        if (label == "clear")
        {
            return true;
        }

        if (party is null || !state.Parties.ContainsKey(party))
        {
            return false;
        }

        if (label == "green" || record.Author == party)
        {
            return true;
        }

        var named = new List<string>();
        if (record.Body["recipients"] is System.Text.Json.Nodes.JsonArray recipients)
        {
            named.AddRange(recipients.Select(r => r!.GetValue<string>()));
        }

        if (record.Body["disclosed_to"] is System.Text.Json.Nodes.JsonArray disclosed)
        {
            named.AddRange(disclosed.Select(r => r!.GetValue<string>()));
        }

        if (record.Kind == RecordKinds.Request && record.Body["to"]?.GetValue<string>() is { } to)
        {
            named.Add(to);
        }

        if (record.Kind == RecordKinds.RequestUpdate && record.Body["request"]?.GetValue<string>() is { } requestId && state.Requests.TryGetValue(requestId, out var request))
        {
            named.Add(request.From);
            named.Add(request.To);
        }

        return named.Contains(party);
    }

    /// <summary>A shared STIX object: as its collection allows (readers, then TLP), for registered parties only.</summary>
    private static bool CanSeeStix(AccordState state, AccordRecord record, string? party)
    {
        if (party is null || !state.Parties.ContainsKey(party) || record.Body["collection"]?.GetValue<string>() is not { } collectionId)
        {
            return false;
        }

        var collection = Collections(state).GetValueOrDefault(collectionId);
        return collection is not null && collection.CanSee(party, record.Author, LabelOf(record));
    }

    // The collections follow from the parties and accords, which change rarely: they are worked out once per change of
    // those, not once per record (a log page or an entry bundle asks about hundreds of records).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<AccordState, Tuple<long, Dictionary<string, CollectionDescriptor>>> s_collections = [];

    private static Dictionary<string, CollectionDescriptor> Collections(AccordState state)
    {
        var stamp = state.Parties.Values.Sum(p => p.Version + 1) * 1_000_003L + state.Accords.Count;
        if (s_collections.TryGetValue(state, out var cached) && cached.Item1 == stamp)
        {
            return cached.Item2;
        }

        var collections = CollectionDescriptor.For(state).ToDictionary(c => c.Id, StringComparer.Ordinal);
        s_collections.AddOrUpdate(state, Tuple.Create(stamp, collections));
        return collections;
    }
}
