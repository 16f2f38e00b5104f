using System.Text.Json;
using System.Text.Json.Serialization;
using CyberAccord.Log.Notes;

namespace CyberAccord.Log.Storage.Files;

/// <summary>
/// A log kept in one directory: its public description (<c>log.json</c>: origin and verifier keys),
/// its signing keys under <c>private/</c> (mode 0600, directory 0700), and the tile storage.
/// </summary>
public static class LogDirectory
{
    public const string ConfigFile = "log.json";
    private const string Ed25519KeyFile = "ed25519.skey";
    private const string EcdsaKeyFile = "ecdsa-p256.pem";

    /// <summary>Creates a new, empty log; refuses a directory that already holds one.</summary>
    public static async Task<LogConfig> InitAsync(string root, string origin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(origin);
        KeyNames.Require(origin);
        root = Path.GetFullPath(root);
        if (File.Exists(Path.Combine(root, ConfigFile)) || Directory.Exists(Path.Combine(root, FileLogStorage.PrivateDirectory)))
        {
            throw new LogStateException($"{root} already holds a log; refusing to overwrite it");
        }

        Directory.CreateDirectory(root);
        var privateDir = Path.Combine(root, FileLogStorage.PrivateDirectory);
        Directory.CreateDirectory(privateDir);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(privateDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        using var ed25519 = Ed25519NoteSigner.Generate(origin);
        using var ecdsa = EcdsaNoteSigner.Generate(origin);
        await SecretFile.WriteAsync(Path.Combine(privateDir, Ed25519KeyFile), ed25519.ToSignerKey() + "\n", overwrite: false,
            cancellationToken).ConfigureAwait(false);
        await SecretFile.WriteAsync(Path.Combine(privateDir, EcdsaKeyFile), ecdsa.ExportPkcs8Pem() + "\n", overwrite: false,
            cancellationToken).ConfigureAwait(false);

        var config = new LogConfig(origin, [ed25519.Verifier.VerifierKey, ecdsa.Verifier.VerifierKey]);
        var json = JsonSerializer.Serialize(config, LogConfigJson.Default.LogConfig) + "\n";
        await File.WriteAllTextAsync(Path.Combine(root, ConfigFile), json, cancellationToken).ConfigureAwait(false);

        await using var log = await OpenAsync(root, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
        return config;
    }

    public static LogConfig ReadConfig(string root)
    {
        var path = Path.Combine(root, ConfigFile);
        if (!File.Exists(path))
        {
            throw new LogStateException(
                $"{Path.GetFullPath(root)} is not a log directory (no {ConfigFile}); create one with 'accord log init'");
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), LogConfigJson.Default.LogConfig)
                ?? throw new LogFormatException($"{ConfigFile} is empty");
        }
        catch (JsonException e)
        {
            throw new LogFormatException($"{ConfigFile}: {e.Message}");
        }
    }

    /// <summary>
    /// Makes a new, empty log sequence its entries outside its files (tiles, bundles and checkpoints stay here). Refused
    /// once anything was sequenced: entries in the journal would be stranded.
    /// </summary>
    public static async Task UseSequencerAsync(string root, SequencerSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var journal = Path.Combine(root, FileLogStorage.PrivateDirectory, "sequence");
        var checkpointFile = Path.Combine(root, FileLogStorage.CheckpointFile);
        var integrated = File.Exists(checkpointFile)
            && Checkpoints.Checkpoint.Parse(Notes.SignedNote.Parse(
                await File.ReadAllBytesAsync(checkpointFile, cancellationToken).ConfigureAwait(false)).Text).Size > 0;
        if (integrated || (Directory.Exists(journal) && Directory.EnumerateFiles(journal, "*.seq").Any(f => new FileInfo(f).Length > 8)))
        {
            throw new LogStateException($"{root} already holds entries; only a new log can move its sequencing");
        }

        var sequencerFile = Path.Combine(root, FileLogStorage.PrivateDirectory, FileLogStorage.SequencerFile);
        var json = System.Text.Json.JsonSerializer.Serialize(settings) + "\n";
        await SecretFile.WriteAsync(sequencerFile, json, overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Opens the log for writing, with its signing keys.</summary>
    /// <param name="sequencers">Opens the outside sequencer the log names, if it names one (<see cref="UseSequencerAsync"/>).</param>
    public static async Task<TransparencyLog> OpenAsync(string root, TimeSpan lockTimeout, CancellationToken cancellationToken,
        ISequencerFactory? sequencers = null)
    {
        var config = ReadConfig(root);
        var privateDir = Path.Combine(root, FileLogStorage.PrivateDirectory);
        var ed25519 = Ed25519NoteSigner.ParseSignerKey(
            await File.ReadAllTextAsync(Path.Combine(privateDir, Ed25519KeyFile), cancellationToken).ConfigureAwait(false));
        var ecdsa = EcdsaNoteSigner.ImportPkcs8Pem(config.Origin,
            await File.ReadAllTextAsync(Path.Combine(privateDir, EcdsaKeyFile), cancellationToken).ConfigureAwait(false));
        var storage = await FileLogStorage.OpenAsync(root, lockTimeout, cancellationToken, sequencers).ConfigureAwait(false);
        try
        {
            return await TransparencyLog.OpenAsync(storage, config.Origin, [ed25519, ecdsa], cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await storage.DisposeAsync().ConfigureAwait(false);
            ed25519.Dispose();
            ecdsa.Dispose();
            throw;
        }
    }
}

/// <summary>The public description of a log: its origin and the keys its checkpoints are signed with.</summary>
public sealed record LogConfig(
    [property: JsonPropertyName("origin")] string Origin,
    [property: JsonPropertyName("verifierKeys")] IReadOnlyList<string> VerifierKeys);

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(LogConfig))]
internal sealed partial class LogConfigJson : JsonSerializerContext;
