using System.Text.RegularExpressions;
using Npgsql;

namespace CyberAccord.Storage.Postgres;

/// <summary>
/// Where a node's PostgreSQL store lives: a libpq URL (<c>postgres://user:password@host:port/database?search_path=s</c>)
/// or an Npgsql keyword string (<c>Host=...;Port=...;Username=...;Database=...</c>). The first element of the search path
/// names the schema the node's tables live in (default <see cref="DefaultSchema"/>), so several nodes can share a database.
/// </summary>
public static partial class PostgresConnectionString
{
    public const string DefaultSchema = "cyberaccord";

    /// <summary>True when <paramref name="text"/> names a PostgreSQL store rather than a file.</summary>
    public static bool IsPostgres(string text) =>
        text is not null && (IsUrl(text) || text.Contains("Host=", StringComparison.OrdinalIgnoreCase));

    private static bool IsUrl(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses either form; throws <see cref="ArgumentException"/> naming what is wrong.</summary>
    public static NpgsqlConnectionStringBuilder Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        NpgsqlConnectionStringBuilder builder;
        if (IsUrl(text))
        {
            builder = FromUrl(text);
        }
        else
        {
            try
            {
                builder = new NpgsqlConnectionStringBuilder(text);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"'{Redact(text)}' is not a PostgreSQL connection string: {e.Message}", e);
            }
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new ArgumentException($"'{Redact(text)}' names no host: give Host=... or postgres://host/...");
        }

        var schema = Schema(builder);
        if (!SchemaName().IsMatch(schema))
        {
            throw new ArgumentException(
                $"schema '{schema}' (the first element of the search path) must be a lower-case SQL identifier: letters, digits and _");
        }

        builder.SearchPath = schema;
        builder.ApplicationName ??= "cyberaccord";
        return builder;
    }

    public static string Schema(NpgsqlConnectionStringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.SearchPath?.Split(',')[0].Trim() is { Length: > 0 } first ? first : DefaultSchema;
    }

    /// <summary>The connection string without its password, for messages and logs.</summary>
    public static string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return PasswordInUrl().Replace(PasswordKeyword().Replace(text, "$1=***"), "$1:***@");
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || string.IsNullOrEmpty(url.Host))
        {
            throw new ArgumentException($"'{Redact(text)}' is not a URL such as postgres://user@host:5432/database");
        }

        var builder = new NpgsqlConnectionStringBuilder { Host = url.Host, Port = url.IsDefaultPort || url.Port < 0 ? 5432 : url.Port };
        if (url.UserInfo.Length > 0)
        {
            var parts = url.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        var database = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = pair.Split('=', 2) is [var k, var v]
                ? (Uri.UnescapeDataString(k), Uri.UnescapeDataString(v))
                : (Uri.UnescapeDataString(pair), string.Empty);
            switch (key)
            {
                case "search_path" or "schema":
                    builder.SearchPath = value;
                    break;
                case "sslmode":
                    builder.SslMode = Enum.TryParse<SslMode>(value, ignoreCase: true, out var mode)
                        ? mode
                        : throw new ArgumentException($"sslmode '{value}' is not one of {string.Join(", ", Enum.GetNames<SslMode>())}");
                    break;
                default:
                    throw new ArgumentException(
                        $"'{key}' in '{Redact(text)}' is not a parameter this node understands (search_path, schema, sslmode)");
            }
        }

        return builder;
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex SchemaName();

    [GeneratedRegex("(?i)(password)=[^;]*")]
    private static partial Regex PasswordKeyword();

    [GeneratedRegex("(://[^:/@]+):[^@]*@")]
    private static partial Regex PasswordInUrl();
}
