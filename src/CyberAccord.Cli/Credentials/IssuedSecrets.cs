using System.Text.Json.Nodes;
using CyberAccord.Cli.Terminal;

namespace CyberAccord.Cli.Credentials;

/// <summary>Secrets just issued, printed once: as JSON or as lines for a person.</summary>
internal static class IssuedSecrets
{
    public static int Print(string verb, CredentialFile.Issued issued, bool json)
    {
        if (json)
        {
            var secrets = new JsonObject
            {
                ["party"] = issued.Stored.Party,
                ["taxii_user"] = issued.Stored.TaxiiUser,
                ["taxii_password"] = issued.Password,
                ["api_token"] = issued.Token,
            };
            Console.Out.WriteLine(secrets.ToJsonString());
        }
        else
        {
            Console.Out.WriteLine($"{verb} credentials for {issued.Stored.Party} (shown only now; the node keeps their hashes):");
            Console.Out.WriteLine($"  TAXII user:     {issued.Stored.TaxiiUser}");
            Console.Out.WriteLine($"  TAXII password: {issued.Password}");
            Console.Out.WriteLine($"  API token:      {issued.Token}");
        }

        return ExitCodes.Ok;
    }
}
