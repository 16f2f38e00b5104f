using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.State;

/// <summary>
/// Who may see a record, from the label and audience the state computed when it applied it (<see cref="RecordLabels"/>):
/// CLEAR anyone; GREEN every registered party; AMBER, AMBER+STRICT and RED only the author and the parties it names (a
/// request's addressee, those evidence is disclosed to, a request update's two sides, never more widely than its request).
/// A shared STIX object is seen as its collection allows: its readers for CLEAR and GREEN, else its poster and, in a pair
/// collection, the other member. Every read path asks this one rule; figures and findings are computed from
/// <see cref="AccordState.SeenBy"/>, which applies it to every record first.
/// </summary>
public static class Visibility
{
    /// <summary>The effective label of a record as the state applied it (for a request update, at least its request's).</summary>
    public static string LabelOf(AccordState state, StoredRecord stored)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(stored);
        return (stored.Label ?? RecordLabels.Compute(state, stored.Record)).Tlp;
    }

    /// <summary>As <see cref="LabelOf(AccordState, StoredRecord)"/> for a record of <paramref name="state"/>.</summary>
    public static string LabelOf(AccordState state, AccordRecord record) => LabelOf(state, StoredOf(state, record));

    public static bool CanSee(AccordState state, StoredRecord stored, string? party)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(stored);
        var label = stored.Label ?? RecordLabels.Compute(state, stored.Record);
        var record = stored.Record;
        if (record.Kind == RecordKinds.StixObject)
        {
            return party is not null
                && state.Parties.ContainsKey(party)
                && record.Body["collection"]?.GetValue<string>() is { } collectionId
                && state.CollectionById(collectionId) is { } collection
                && collection.CanSee(party, record.Author, label.Tlp);
        }

        if (label.Tlp == "clear")
        {
            return true;
        }

        if (party is null || !state.Parties.ContainsKey(party))
        {
            return false;
        }

        return label.Tlp == "green" || record.Author == party || label.Audience.Contains(party);
    }

    /// <summary>
    /// As <see cref="CanSee(AccordState, StoredRecord, string?)"/> for a record of <paramref name="state"/> (any version).
    /// </summary>
    public static bool CanSee(AccordState state, AccordRecord record, string? party) => CanSee(state, StoredOf(state, record), party);

    private static StoredRecord StoredOf(AccordState state, AccordRecord record)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(record);
        return state.Records.TryGetValue(record.Id, out var stored) && ReferenceEquals(stored.Record, record)
            ? stored
            : state.Entries.FirstOrDefault(e => ReferenceEquals(e.Record, record)) ?? new StoredRecord(-1, record);
    }
}
