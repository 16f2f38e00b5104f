namespace CyberAccord.Hosting;

/// <summary>
/// A one-line progress display on standard error, only when it is a terminal: for the shells over a node (the CLI, the
/// benchmarks), so that long work shows how far it is.
/// </summary>
public sealed class TerminalProgress(string label, long total) : IProgress<long>
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
