using Microsoft.AspNetCore.Http;

namespace CyberAccord.Server.Taxii;

public static partial class TaxiiApi
{
    internal static TaxiiOk<TaxiiDiscovery> GetDiscovery(AccordServerContext context) =>
        Ok(new TaxiiDiscovery(
            "CyberAccord node",
            "TAXII 2.1 face of a CyberAccord node: accord records as STIX, every object signed into a verifiable log.",
            context.Contact,
            ApiRoot,
            [ApiRoot]));

    internal static TaxiiOk<TaxiiApiRoot> GetApiRoot(AccordServerContext context) =>
        Ok(new TaxiiApiRoot(
            "Accord",
            "Collections of the accord: public, one per accord, one per pair of states.",
            [MediaType],
            context.MaxContentLength));

    private static TaxiiOk<T> Ok<T>(T resource) => new(TaxiiJson.SerializeToUtf8Bytes(resource), TaxiiResults.BodyContentType);
}
