using System.Security.Claims;
using CyberAccord.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CyberAccord.Server.Taxii;

public static partial class TaxiiApi
{
    /// <summary>
    /// A status names the objects a party posted, so only that party may read it; an expired one is gone like an unknown one.
    /// </summary>
    internal static Results<TaxiiOk<TaxiiStatus>, TaxiiError> GetStatus(string statusId, ClaimsPrincipal user, AccordServerContext context)
    {
        if (context.Statuses.TryGet(statusId, PartyClaims.Of(user), out var status))
        {
            // As stored: the media type without the charset parameter, as status reads have always answered.
            return new TaxiiOk<TaxiiStatus>(status, MediaType);
        }

        return TaxiiError.NotFound(
            $"no status resource '{statusId}' of yours (one is kept {context.Statuses.Limits.Lifetime.TotalHours:0} hours)");
    }
}
