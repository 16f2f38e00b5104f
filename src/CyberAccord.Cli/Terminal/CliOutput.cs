namespace CyberAccord.Cli.Terminal;

/// <summary>Exit codes and error printing shared by every verb.</summary>
internal static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The thing checked is not sound (verification failed, invalid input content).</summary>
    public const int Failed = 1;

    /// <summary>The command could not run: bad arguments, missing files, a locked log.</summary>
    public const int Error = 2;
}

internal static class CliOutput
{
    public static int Error(string message)
    {
        Console.Error.WriteLine($"accord: error: {message}");
        return ExitCodes.Error;
    }

    /// <summary>Something the command repaired or noticed on its own; it goes on.</summary>
    public static void Warning(string message) => Console.Error.WriteLine($"accord: warning: {message}");

    public static int Failure(string message)
    {
        Console.Error.WriteLine($"accord: FAILED: {message}");
        return ExitCodes.Failed;
    }
}

/// <summary>A one-line progress display on standard error, only when it is a terminal.</summary>
internal sealed class TerminalProgress(string label, long total) : IProgress<long>
{
    private readonly bool _enabled = !Console.IsErrorRedirected;
    private long _lastShown = -1;
    private DateTime _lastTime = DateTime.MinValue;

    public void Report(long value)
    {
        if (!_enabled)
        {
            return;
        }

        var now = DateTime.UtcNow;
        if (value != total && (now - _lastTime).TotalMilliseconds < 200)
        {
            return;
        }

        _lastTime = now;
        if (value == _lastShown)
        {
            return;
        }

        _lastShown = value;
        var percent = total == 0 ? 100 : value * 100 / total;
        Console.Error.Write($"\r{label}: {value:N0} / {total:N0} ({percent}%)   ");
        if (value == total)
        {
            Console.Error.WriteLine();
        }
    }
}
