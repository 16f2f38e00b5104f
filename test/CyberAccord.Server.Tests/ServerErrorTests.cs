using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using CyberAccord.Accord.Node;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Server.Auth;
using CyberAccord.Storage.Sqlite;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CyberAccord.Server.Tests;

/// <summary>Issue 11: failures were answered with empty 500s and logged nowhere (the server cleared its logging providers).</summary>
public sealed class ServerErrorTests : IDisposable
{
    private readonly TempDir _dir = new();

    [Theory]
    [InlineData("/api/fails/", "application/taxii+json")]
    [InlineData("/taxii2/fails/", "application/taxii+json")]
    [InlineData("/accord/fails", "application/problem+json")]
    [InlineData("/fails", "text/html")]
    public async Task A_failing_endpoint_answers_500_in_its_own_format_and_logs_the_cause(string path, string mediaType)
    {
        await LogDirectory.InitAsync(Path.Combine(_dir.Path, "log"), "errors.example/log", CancellationToken.None);
        var log = await LogDirectory.OpenAsync(Path.Combine(_dir.Path, "log"), TimeSpan.FromSeconds(5), CancellationToken.None);
        var store = await SqliteAccordStore.OpenAsync(Path.Combine(_dir.Path, "accord.db"), CancellationToken.None);
        await using var node = await AccordNode.OpenAsync(
            log, store, new BlobStore(Path.Combine(_dir.Path, "blobs")), null, CancellationToken.None);
        await using var app = AccordServer.Build(node, new CredentialStore([]), _ => null, new AccordServerOptions(["http://127.0.0.1:0"]));
        var logged = new CapturingLogger();
        app.Services.GetRequiredService<ILoggerFactory>().AddProvider(logged);
        app.MapGet(path, string () => throw new InvalidOperationException("the secret cause"));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret cause", body, StringComparison.Ordinal);
        if (mediaType == "application/taxii+json")
        {
            Assert.Equal("500", JsonNode.Parse(body)!["http_status"]!.GetValue<string>());
        }

        var entry = Assert.Single(logged.Entries, e => e.Id.Id == 5000);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Equal("the secret cause", entry.Exception?.Message);
        Assert.Contains(path, entry.Message, StringComparison.Ordinal);
        await app.StopAsync();
    }

    public void Dispose() => _dir.Dispose();

    private sealed record Entry(EventId Id, LogLevel Level, string Message, Exception? Exception);

    private sealed class CapturingLogger : ILoggerProvider, ILogger
    {
        public ConcurrentQueue<Entry> Entries { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Enqueue(new Entry(eventId, logLevel, formatter(state, exception), exception));

        public void Dispose()
        {
        }
    }
}
