namespace CyberAccord.Storage.Postgres.Tests;

/// <summary>
/// The real PostgreSQL server the tests use: $ACCORD_TEST_POSTGRES, which ./eng/test.sh sets after starting a private
/// server. Each fixture works in a schema of its own, so test classes run in parallel without seeing each other.
/// </summary>
internal static class TestDatabase
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("ACCORD_TEST_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "ACCORD_TEST_POSTGRES is not set: run the tests with ./eng/test.sh, which starts a private PostgreSQL server, "
                + "or point it at one (Host=...;Port=...;Username=...;Database=...)");

    /// <summary>A connection string for a schema no other fixture uses.</summary>
    public static string NewSchema(string prefix) => $"{ConnectionString};Search Path={prefix}_{Guid.NewGuid():N}";
}
