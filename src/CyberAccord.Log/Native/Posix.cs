using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CyberAccord.Log.Native;

/// <summary>The durability calls .NET does not expose: fsync of a file handle or directory, and syncfs.</summary>
internal static partial class Posix
{
    private const int ReadOnly = 0;
    private const int Directory = 0x10000; // O_DIRECTORY on Linux

    /// <summary>Flushes a file's data and metadata to stable storage.</summary>
    public static void Fsync(SafeFileHandle handle)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        var added = false;
        handle.DangerousAddRef(ref added);
        try
        {
            if (fsync((int)handle.DangerousGetHandle()) != 0)
            {
                throw new IOException($"fsync failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            if (added)
            {
                handle.DangerousRelease();
            }
        }
    }

    /// <summary>Makes a directory's entries (creations, renames) durable.</summary>
    public static void FsyncDirectory(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS() && !OperatingSystem.IsFreeBSD())
        {
            return;
        }

        var fd = open(path, OperatingSystem.IsLinux() ? ReadOnly | Directory : ReadOnly);
        if (fd < 0)
        {
            throw new IOException($"cannot open directory {path} to sync it: errno {Marshal.GetLastPInvokeError()}");
        }

        try
        {
            if (fsync(fd) != 0)
            {
                throw new IOException($"fsync of directory {path} failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    /// <summary>
    /// Flushes every dirty page of the file system holding <paramref name="path"/>: one call instead of
    /// hundreds of fsyncs after an integration writes many tiles. Falls back to <paramref name="fallback"/>.
    /// </summary>
    public static void SyncFileSystem(string path, Action fallback)
    {
        if (!OperatingSystem.IsLinux())
        {
            fallback();
            return;
        }

        var fd = open(path, ReadOnly | Directory);
        if (fd < 0)
        {
            fallback();
            return;
        }

        try
        {
            if (syncfs(fd) != 0)
            {
                throw new IOException($"syncfs failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }
        finally
        {
            _ = close(fd);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int syncfs(int fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
