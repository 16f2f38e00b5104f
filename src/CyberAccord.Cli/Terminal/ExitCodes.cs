using System.Text.Json;
using CyberAccord.Accord.Records;
using CyberAccord.Accord.State;
using CyberAccord.Cli.Remote;
using CyberAccord.Hosting;
using CyberAccord.Log;
using CyberAccord.Log.Notes;
using CyberAccord.Storage.Sqlite;

namespace CyberAccord.Cli.Terminal;

/// <summary>Exit codes shared by every verb, and the one table of what each error a verb throws exits with.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The thing checked is not sound (verification failed, invalid input content).</summary>
    public const int Failed = 1;

    /// <summary>The command could not run: bad arguments, missing files, a locked log.</summary>
    public const int Error = 2;

    /// <summary>
    /// The exit code and message for an exception a verb let out, or null for one no verb should meet (a bug, which
    /// then ends the program with its stack trace). The first matching line wins.
    /// </summary>
    public static VerbOutcome? For(Exception exception) => exception switch
    {
        OperationCanceledException => new(Error, "cancelled"),

        // The accord judged the input: nothing was written.
        RecordRejectedException e => new(Failed, $"record refused, nothing written: {e.Message}"),

        // A log entry this build's rules refuse: the node cannot open, but the log is unchanged and sound.
        ReplayRefusedException e => new(Error, e.Message),
        RemoteNodeException e => new(e.InputRefused ? Failed : Error, e.Message),
        LogCorruptException e => new(Failed, e.Message),
        _ when SqliteAccordStore.IsDamage(exception) => new(Failed,
            $"the projection database is damaged ({exception.Message}); "
            + "the next open of the node moves it aside and rebuilds it from the log"),
        NodeDirectoryException or LogFormatException or LogStateException or ArgumentException or IOException
            or UnauthorizedAccessException or NoteVerificationException or PlatformNotSupportedException or JsonException
            or HttpRequestException => new(Error, exception.Message),
        _ => null,
    };
}

/// <summary>How a verb ended: its exit code and what it says on standard error.</summary>
internal sealed record VerbOutcome(int ExitCode, string Message)
{
    public int Print() => ExitCode == ExitCodes.Failed ? CliOutput.Failure(Message) : CliOutput.Error(Message);
}
