using System.Text.Json;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Records;
using CyberAccord.Stix.Model;

namespace CyberAccord.Accord.State;

/// <summary>
/// Who may read a record: its TLP 2.0 label and the parties it names (its audience), computed once when the state applies
/// it. An unknown marking makes a STIX object <see cref="UnknownMarkings"/> non-empty and its label RED (fail closed).
/// </summary>
public sealed record RecordLabel(string Tlp, IReadOnlySet<string> Audience)
{
    public IReadOnlyList<string> UnknownMarkings { get; init; } = [];
}

/// <summary>The one table of default labels per kind, and how a record's label and audience follow from its body.</summary>
public static class RecordLabels
{
    /// <summary>
    /// The label of an unlabelled record, by kind: statements are public words (CLEAR); evidence and requests are between
    /// parties (AMBER); a request's update follows its request (see <see cref="Compute"/>); the registry and reports GREEN.
    /// </summary>
    public static string DefaultFor(string kind) => kind switch
    {
        RecordKinds.Statement => "clear",
        RecordKinds.Evidence or RecordKinds.Request or RecordKinds.RequestUpdate => "amber",
        _ => "green",
    };

    /// <summary>How restrictive a TLP label is: CLEAR 0 … RED 4 (an unknown label counts as RED).</summary>
    public static int Rank(string tlp)
    {
        var rank = Array.IndexOf(Vocabulary.Tlp, tlp);
        return rank < 0 ? Vocabulary.Tlp.Length - 1 : rank;
    }

    public static string MoreRestrictive(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    private static readonly IReadOnlySet<string> s_nobody = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The label of every unmarked STIX object (most of a bulk feed): one instance, not one per record.</summary>
    private static readonly RecordLabel s_unmarked = new("green", s_nobody);

    /// <summary>The label and audience of a record about to be applied to (or already in) <paramref name="state"/>.</summary>
    public static RecordLabel Compute(AccordState state, AccordRecord record)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Kind == RecordKinds.StixObject)
        {
            // Serializing a node that was never walked writes its document as it is, and leaves the node compact.
            return record.Label
                ?? (record.Body["object"] is JsonObject stix
                    ? StixLabel(JsonSerializer.SerializeToElement(stix))
                    : new RecordLabel("red", s_nobody));
        }

        var own = record.Body["tlp"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var named = new HashSet<string>(StringComparer.Ordinal);
        AddAll(named, record.Body["recipients"]);
        AddAll(named, record.Body["disclosed_to"]);
        if (record.Kind == RecordKinds.Request && record.Body["to"] is JsonValue to && to.TryGetValue<string>(out var addressee))
        {
            named.Add(addressee);
        }

        if (record.Kind == RecordKinds.RequestUpdate
            && record.Body["request"] is JsonValue requestValue
            && requestValue.TryGetValue<string>(out var requestId)
            && state.Requests.TryGetValue(requestId, out var request)
            && state.Records.TryGetValue(requestId, out var parent))
        {
            // An update is about its request: it is never more widely readable than the request, and always readable by
            // the request's two sides.
            var parentLabel = parent.Label ?? Compute(state, parent.Record);
            var tlp = own is null ? parentLabel.Tlp : MoreRestrictive(own, parentLabel.Tlp);
            if (parentLabel.Tlp is not ("clear" or "green"))
            {
                named.IntersectWith([.. parentLabel.Audience, parent.Record.Author]);
            }

            named.Add(request.From);
            named.Add(request.To);
            return new RecordLabel(tlp, named);
        }

        return new RecordLabel(own ?? DefaultFor(record.Kind), named);
    }

    private static void AddAll(HashSet<string> into, JsonNode? list)
    {
        if (list is JsonArray array)
        {
            foreach (var item in array)
            {
                if (item is JsonValue value && value.TryGetValue<string>(out var text))
                {
                    into.Add(text);
                }
            }
        }
    }

    /// <summary>
    /// A STIX object's label: the most restrictive TLP among its object markings and its granular markings (TLP 1.0 read as
    /// its 2.0 equivalent); GREEN when unmarked. A marking this node cannot interpret (anything but TLP) makes the object
    /// RED: an unknown restriction is enforced as the strictest one. The label depends on the object alone, so a record
    /// gets the same label whenever and in whatever batch it is applied.
    /// </summary>
    public static RecordLabel StixLabel(JsonElement stix)
    {
        if (stix.ValueKind != JsonValueKind.Object
            || (!stix.TryGetProperty("object_marking_refs", out var objectRefs)
                & !stix.TryGetProperty("granular_markings", out var granular)))
        {
            return s_unmarked;
        }

        var refs = new List<string>();
        if (objectRefs.ValueKind == JsonValueKind.Array)
        {
            refs.AddRange(objectRefs.EnumerateArray().Select(r => r.ValueKind == JsonValueKind.String ? r.GetString()! : string.Empty));
        }

        if (granular.ValueKind == JsonValueKind.Array)
        {
            foreach (var marking in granular.EnumerateArray())
            {
                if (marking.ValueKind == JsonValueKind.Object && marking.TryGetProperty("marking_ref", out var reference))
                {
                    refs.Add(reference.ValueKind == JsonValueKind.String ? reference.GetString()! : string.Empty);
                }
            }
        }

        var self = stix.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.String
            ? idElement.GetString()
            : null;
        string? tlp = null;
        var unknown = new List<string>();
        foreach (var reference in refs)
        {
            var level = TlpMarkings.Tlp2Levels.TryGetValue(reference, out var l2) ? l2
                : TlpMarkings.Tlp1Levels.TryGetValue(reference, out var l1) ? (l1 == "white" ? "clear" : l1)
                : null;
            if (level is null)
            {
                // A marking definition does not restrict itself.
                if (reference != self)
                {
                    unknown.Add(reference);
                }

                continue;
            }

            tlp = tlp is null ? level : MoreRestrictive(tlp, level);
        }

        if (unknown.Count > 0)
        {
            tlp = "red";
        }

        return new RecordLabel(tlp ?? "green", s_nobody) { UnknownMarkings = unknown };
    }

}
