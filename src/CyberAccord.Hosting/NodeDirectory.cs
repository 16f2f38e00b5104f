using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using CyberAccord.Accord.Node;
using CyberAccord.Accord.Records;
using CyberAccord.Log;
using CyberAccord.Log.Storage;
using CyberAccord.Log.Storage.Files;
using CyberAccord.Server.Auth;
using CyberAccord.Storage.Postgres;
using CyberAccord.Storage.Sqlite;

namespace CyberAccord.Hosting;

/// <summary>
/// The embedded node layout: <c>log/</c> (the transparency log), <c>accord.db</c> (SQLite projection),
/// <c>blobs/</c> (evidence), <c>keys/</c> (the signing keys of the parties this node acts for, 0600),
/// <c>node.json</c> (format, log origin, and the PostgreSQL store when the projection lives there instead of in
/// <c>accord.db</c>).
/// </summary>
public static class NodeDirectory
{
    public const string ConfigFile = "node.json";

    /// <summary>Written by <c>serve</c> while it runs (its process and URLs), so that other verbs can say where to reach it.</summary>
    public const string ServingFile = "serving.json";

    /// <summary>Opens a log's sequencing where the log says it lives (PostgreSQL for a node created with --store).</summary>
    public static ISequencerFactory Sequencers { get; } = new PostgresSequencerFactory();

    public static bool IsNode(string dir) => File.Exists(Path.Combine(dir, ConfigFile));

    /// <summary>Refuses a directory that holds no node, saying how to make one.</summary>
    public static void RequireNode(string dir)
    {
        if (!IsNode(dir))
        {
            throw new NodeDirectoryException(
                $"{Path.GetFullPath(dir)} is not a node directory; create one with 'accord init' or 'accord demo'");
        }
    }

    /// <param name="replacing">
    /// The log id of the node this one replaces (<c>demo --force</c>), whose PostgreSQL schema it may take over.
    /// </param>
    public static async Task CreateAsync(
        string dir, string origin, string? store, string? replacing, CancellationToken cancellationToken)
    {
        if (IsNode(dir))
        {
            throw new NodeDirectoryException($"{Path.GetFullPath(dir)} already holds a node; refusing to overwrite it");
        }

        if (store is not null)
        {
            await CheckStoreAsync(store, replacing, cancellationToken).ConfigureAwait(false);
        }

        Directory.CreateDirectory(dir);
        var keys = Path.Combine(dir, "keys");
        Directory.CreateDirectory(keys);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keys, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await LogDirectory.InitAsync(Path.Combine(dir, "log"), origin, cancellationToken).ConfigureAwait(false);
        if (store is not null)
        {
            // The log's sequencing moves into the store's schema with the projection; tiles and checkpoints stay in log/.
            var logId = Guid.NewGuid().ToString();
            await PostgresSequencer.ClaimAsync(store, logId, replacing, cancellationToken).ConfigureAwait(false);
            await LogDirectory.UseSequencerAsync(
                Path.Combine(dir, "log"), new SequencerSettings(PostgresSequencer.Kind, store, logId), cancellationToken)
                .ConfigureAwait(false);
        }

        var config = new Dictionary<string, string> { ["format"] = "1", ["origin"] = origin };
        if (store is not null)
        {
            config["store"] = store;
        }

        // A store string may carry a password: then the file is readable by its owner only.
        var text = JsonSerializer.Serialize(config) + "\n";
        if (store is not null && PostgresConnectionString.Parse(store).Password is not null)
        {
            await SecretFile.WriteAsync(Path.Combine(dir, ConfigFile), text, overwrite: false, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await File.WriteAllTextAsync(Path.Combine(dir, ConfigFile), text, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The PostgreSQL store named in node.json, or null for the embedded SQLite file.</summary>
    public static string? Store(string dir)
    {
        using var config = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, ConfigFile)));
        return config.RootElement.TryGetProperty("store", out var store) && store.ValueKind == JsonValueKind.String
            ? store.GetString()
            : null;
    }

    /// <summary>
    /// Refuses a malformed or unreachable store, or one whose log sequencing belongs to another node, before anything is
    /// written; opening it applies the migrations.
    /// </summary>
    public static async Task CheckStoreAsync(string store, string? replacing, CancellationToken cancellationToken)
    {
        await using (await OpenStoreAsync(store, cancellationToken).ConfigureAwait(false))
        {
        }

        await PostgresSequencer.CheckClaimableAsync(store, replacing, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The log id a node directory's log claimed its PostgreSQL sequencing with, if it has one.</summary>
    public static string? SequencingLogId(string dir) =>
        IsNode(dir) && FileLogStorage.ReadSequencerSettings(Path.Combine(dir, "log")) is { } settings ? settings.LogId : null;

    private static async Task<IAccordStore> OpenStoreAsync(string store, CancellationToken cancellationToken)
    {
        try
        {
            return await PostgresAccordStore.OpenAsync(store, cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw new NodeDirectoryException(e.Message);
        }
    }

    /// <param name="store">
    /// A PostgreSQL store to use instead of the one node.json names (the projection is rebuilt there from the log if it differs).
    /// </param>
    /// <param name="warn">Told what opening repaired on its own (a damaged projection moved aside and rebuilt).</param>
    public static async Task<AccordNode> OpenAsync(
        string dir, CancellationToken cancellationToken, string? store = null, Action<string>? warn = null)
    {
        RequireNode(dir);
        RefuseIfServed(dir);
        var log = await LogDirectory.OpenAsync(Path.Combine(dir, "log"), TimeSpan.FromSeconds(30), cancellationToken, Sequencers)
            .ConfigureAwait(false);
        try
        {
            // The log first: damage there stops the node before the projection is read, dropped or rebuilt.
            await log.RequireSoundFilesAsync(cancellationToken).ConfigureAwait(false);
            store ??= Store(dir);
            var blobs = new BlobStore(Path.Combine(dir, "blobs"));
            if (store is not null)
            {
                var postgres = await OpenStoreAsync(store, cancellationToken).ConfigureAwait(false);
                return await AccordNode.OpenAsync(log, postgres, blobs, null, cancellationToken).ConfigureAwait(false);
            }

            return await OpenSqliteAsync(Path.Combine(dir, ProjectionFile), log, blobs, warn, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await log.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The embedded projection's file in a node directory.</summary>
    public const string ProjectionFile = "accord.db";

    /// <summary>
    /// Opens the SQLite projection; one damaged at the SQLite level is moved aside (never deleted) and rebuilt from the log,
    /// which <see cref="OpenAsync"/> has proven sound: the projection is derived data, the log its source of truth.
    /// </summary>
    private static async Task<AccordNode> OpenSqliteAsync(
        string path, TransparencyLog log, BlobStore blobs, Action<string>? warn, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            SqliteAccordStore? projection = null;
            try
            {
                projection = await SqliteAccordStore.OpenAsync(path, cancellationToken).ConfigureAwait(false);
                return await AccordNode.OpenAsync(log, projection, blobs, null, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (attempt == 0 && (e is ProjectionDamagedException || SqliteAccordStore.IsDamage(e)))
            {
                if (projection is not null)
                {
                    await projection.DisposeAsync().ConfigureAwait(false);
                }

                var aside = SqliteAccordStore.MoveAside(path);
                warn?.Invoke($"{e.Message.ReplaceLineEndings(" ")}; moved it aside to {aside} "
                    + $"and rebuilding it from the log's {log.Checkpoint.Size} verified entries");
            }
            catch
            {
                if (projection is not null)
                {
                    await projection.DisposeAsync().ConfigureAwait(false);
                }

                throw;
            }
        }
    }

    public static string KeyPath(string dir, string party) => Path.Combine(dir, "keys", party + ".pem");

    public static Task SaveKeyAsync(string dir, string party, PartyKey key, CancellationToken cancellationToken) =>
        SecretFile.WriteAsync(KeyPath(dir, party), key.ToPem(), overwrite: false, cancellationToken);

    public static PartyKey LoadKey(string dir, string party)
    {
        var path = KeyPath(dir, party);
        if (!File.Exists(path))
        {
            throw new NodeDirectoryException($"this node holds no signing key for {party} (looked for keys/{party}.pem): "
                + "a node signs only for the parties it acts for");
        }

        return PartyKey.FromPem(File.ReadAllText(path));
    }

    /// <summary>
    /// Random credentials for a party, and the hashes the node keeps: PBKDF2 for the password (people may reuse it
    /// elsewhere), SHA-256 for the 192-bit random token (so a bearer check is one lookup, not a slow hash per party).
    /// </summary>
    public static (string Password, string Token, string PasswordHash, string TokenHash) NewCredentials()
    {
        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var token = "cat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        return (password, token, CredentialStore.Hash(password), CredentialStore.HashToken(token));
    }

    /// <summary>The node's hashed credential file, which <c>serve</c> follows and <c>accord credential</c> edits.</summary>
    public static string CredentialsPath(string dir) => Path.Combine(dir, "keys", "credentials.json");

    /// <summary>Records that this process serves the node at these URLs; <see cref="ServingEnded"/> removes it.</summary>
    public static async Task ServingStartedAsync(string dir, IEnumerable<string> urls, CancellationToken cancellationToken)
    {
        using var self = System.Diagnostics.Process.GetCurrentProcess();
        var serving = new System.Text.Json.Nodes.JsonObject
        {
            ["pid"] = Environment.ProcessId,
            ["process_started"] = self.StartTime.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["urls"] = new System.Text.Json.Nodes.JsonArray(urls.Select(u => (System.Text.Json.Nodes.JsonNode?)u).ToArray()),
        };
        var path = Path.Combine(dir, ServingFile);
        var temporary = path + "." + Environment.ProcessId + ".tmp";
        await File.WriteAllTextAsync(temporary, serving.ToJsonString() + "\n", cancellationToken).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Removes <see cref="ServingFile"/> if this process wrote it.</summary>
    public static void ServingEnded(string dir)
    {
        if (Serving(dir) is { Pid: var pid } && pid == Environment.ProcessId)
        {
            File.Delete(Path.Combine(dir, ServingFile));
        }
    }

    /// <summary>The live process serving this directory and its first URL, or null (none, or the file outlived its process).</summary>
    public static (int Pid, string Url)? Serving(string dir)
    {
        var path = Path.Combine(dir, ServingFile);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = document.RootElement;
            var pid = root.GetProperty("pid").GetInt32();
            var url = root.GetProperty("urls").EnumerateArray().Select(u => u.GetString()).FirstOrDefault() ?? "its URL";
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return null;
            }

            // A reused pid belongs to another process: the start time tells them apart.
            if (root.TryGetProperty("process_started", out var started)
                && DateTime.TryParse(started.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var startedAt)
                && Math.Abs((process.StartTime.ToUniversalTime() - startedAt.ToUniversalTime()).TotalSeconds) > 1)
            {
                return null;
            }

            return (pid, url);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or JsonException or KeyNotFoundException
            or IOException or System.ComponentModel.Win32Exception)
        {
            // No such process (ArgumentException), or an unreadable file: nothing serves the directory.
            return null;
        }
    }

    /// <summary>
    /// Refuses at once, saying where the node is served, instead of waiting for the log's lock that <c>serve</c> holds.
    /// </summary>
    public static void RefuseIfServed(string dir)
    {
        if (Serving(dir) is { } serving)
        {
            throw new NodeDirectoryException($"{Path.GetFullPath(dir)} is served by process {serving.Pid} at {serving.Url}; "
                + $"use: accord --node {serving.Url} --token T <verb> "
                + "(verbs that act only on a local directory need the server stopped first)");
        }
    }

    // What a node directory holds that accord made (the SQLite files with their journals; *.tmp from interrupted writes).
    private static readonly string[] s_nodeDirectories = ["log", "blobs", "keys"];
    private static readonly string[] s_nodeFiles =
        [ConfigFile, ServingFile, "accord.db", "accord.db-wal", "accord.db-shm", "accord.db-journal", "demo-credentials.json"];

    /// <summary>
    /// Deletes a node's own files and directories (for <c>demo --force</c>), and nothing else in <paramref name="dir"/>:
    /// returns the names of the entries it kept.
    /// </summary>
    public static IReadOnlyList<string> DeleteNode(string dir)
    {
        if (!IsNode(dir))
        {
            throw new NodeDirectoryException($"{Path.GetFullPath(dir)} holds no node; refusing to delete anything in it");
        }

        var kept = new List<string>();
        foreach (var entry in new DirectoryInfo(dir).EnumerateFileSystemInfos())
        {
            if (entry is DirectoryInfo sub && s_nodeDirectories.Contains(sub.Name, StringComparer.Ordinal))
            {
                sub.Delete(recursive: true);
            }
            else if (entry is FileInfo { Name: ConfigFile })
            {
                continue;
            }
            else if (entry is FileInfo file && (s_nodeFiles.Contains(file.Name, StringComparer.Ordinal)
                || (file.Name.StartsWith(ServingFile + ".", StringComparison.Ordinal)
                    && file.Name.EndsWith(".tmp", StringComparison.Ordinal))))
            {
                file.Delete();
            }
            else
            {
                kept.Add(entry.Name);
            }
        }

        // Last, so that an interrupted deletion leaves a directory still recognisable as a node, which --force may finish.
        File.Delete(Path.Combine(dir, ConfigFile));
        return kept;
    }
}
