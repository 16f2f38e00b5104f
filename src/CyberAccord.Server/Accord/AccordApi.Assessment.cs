using System.Text.Json.Nodes;
using CyberAccord.Accord.Assessment;
using CyberAccord.Server.Auth;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberAccord.Server.Accord;

// Both judge deadlines as of ?at= (RFC 3339 UTC), or now.
// Counted from the records the reader may see: a figure must not reveal a restricted record between two others.
public static partial class AccordApi
{
    internal static async Task<Results<Ok<JsonArray>, ProblemHttpResult>> GetScorecards(
        string? at, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        if (!TryTime(at, out var now))
        {
            return BadTime(at);
        }

        var party = PartyClaims.Of(http.User);
        return TypedResults.Ok(await context.Node.ReadAsync(
            state => new JsonArray([.. Scorecards.SeenBy(state, party, now).Select(c => (JsonNode?)c.ToJson())]),
            ct).ConfigureAwait(false));
    }

    internal static async Task<Results<Ok<JsonArray>, ProblemHttpResult>> GetAssessment(
        string? at, HttpContext http, AccordServerContext context, CancellationToken ct)
    {
        if (!TryTime(at, out var now))
        {
            return BadTime(at);
        }

        var party = PartyClaims.Of(http.User);
        return TypedResults.Ok(await context.Node.ReadAsync(
            state => new JsonArray([.. AssessmentEngine.Assess(state.SeenBy(party), now).Select(f => (JsonNode?)f.ToJson())]),
            ct).ConfigureAwait(false));
    }
}
