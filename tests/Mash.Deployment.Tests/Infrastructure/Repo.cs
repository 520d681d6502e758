namespace Mash.Deployment.Tests.Infrastructure;

/// <summary>Files of the repository under test, found from the test binaries upwards.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every C# source file under a folder, without build output.</summary>
    public static IEnumerable<string> Sources(string relativeFolder) =>
        Directory.EnumerateFiles(PathOf(relativeFolder), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Mash.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Mash.sln not found above " + AppContext.BaseDirectory);
    }
}
