namespace CyberAccord.Log.Storage.Files;

/// <summary>Writes files only their owner may read (0600 on Unix), with that mode from creation on, never briefly wider.</summary>
public static class SecretFile
{
    public static async Task WriteAsync(string path, string content, bool overwrite, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = overwrite ? FileMode.Create : FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(content.AsMemory(), cancellationToken).ConfigureAwait(false);
    }
}
