using CyberAccord.Accord.Records;

namespace CyberAccord.Accord.State;

/// <summary>
/// Who may see a record, from its TLP 2.0 label: CLEAR anyone; GREEN every registered party; AMBER,
/// AMBER+STRICT and RED only the author and the parties it names as recipients (or, for a request, its
/// addressee; for evidence, those it is disclosed to). Records without a label (parties, accords,
/// designations, statements) are community records, as GREEN.
/// </summary>
public static class Visibility
{
    public static string LabelOf(AccordRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.Body["tlp"]?.GetValue<string>() ?? (record.Kind == RecordKinds.Statement ? "clear" : "green");
    }

    public static bool CanSee(AccordState state, AccordRecord record, string? party)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(record);
        var label = LabelOf(record);
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
}
