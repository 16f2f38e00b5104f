using System.Security.Claims;
using CyberAccord.Accord.State;
using CyberAccord.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberAccord.Server.Taxii;

public static partial class TaxiiApi
{
    internal static async Task<TaxiiOk<TaxiiCollections>> GetCollections(
        ClaimsPrincipal user, AccordServerContext context, CancellationToken ct)
    {
        var party = PartyClaims.Of(user);
        var collections = await context.Node.ReadAsync(
            state => state.CollectionList.Where(c => c.CanRead(party))
                .Select(c => Describe(context, state, c, party)).ToList(),
            ct).ConfigureAwait(false);
        return Ok(new TaxiiCollections(collections.Count > 0 ? collections : null));
    }

    internal static async Task<Results<TaxiiOk<TaxiiCollectionResource>, TaxiiError>> GetCollection(
        string id, ClaimsPrincipal user, AccordServerContext context, CancellationToken ct)
    {
        var party = PartyClaims.Of(user);
        var described = await context.Node.ReadAsync(state =>
            state.FindCollection(id) is { } collection && collection.CanRead(party)
                ? Describe(context, state, collection, party)
                : null, ct).ConfigureAwait(false);
        return described is null ? TaxiiError.NoCollection(id) : Ok(described);
    }

    private static async Task<CollectionDescriptor?> FindAsync(
        AccordServerContext context, string id, string party, CancellationToken ct) =>
        await context.Node.ReadAsync(state => state.FindCollection(id) is { } c && c.CanRead(party) ? c : null, ct).ConfigureAwait(false);

    /// <summary>
    /// Whether a POST by <paramref name="party"/> to <paramref name="collection"/> would be accepted: it must be a member (any
    /// party of the accord for the public collection, the group's or the pair's members for theirs) and this node must hold
    /// its key. Describe and POST both ask this, so can_write never promises what POST refuses.
    /// </summary>
    internal static bool CanWrite(AccordServerContext context, AccordState state, CollectionDescriptor collection, string party) =>
        collection.CanWrite(party) && state.Parties.ContainsKey(party) && context.CanSignFor(party);

    private static TaxiiCollectionResource Describe(
        AccordServerContext context, AccordState state, CollectionDescriptor collection, string party) =>
        new(
            collection.Id,
            collection.Title,
            collection.Description,
            collection.Alias,
            collection.CanRead(party),
            CanWrite(context, state, collection, party),
            [StixMediaType]);
}
