namespace CyberAccord.Cli.Tests;

/// <summary>A directory holding a file the user made, for tests that no command deletes what it did not create.</summary>
internal static class UsersFiles
{
    public const string Name = "thesis.txt";

    public const string Content = "years of work";

    public static string DirWithUsersFile(this TempDir dir, string name)
    {
        var path = dir.Sub(name);
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, Name), Content);
        return path;
    }
}
