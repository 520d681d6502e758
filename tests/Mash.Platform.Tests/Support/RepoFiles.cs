namespace Mash.Platform.Tests.Support;

/// <summary>Files of the repository itself, found from the test output directory.</summary>
internal static class RepoFiles
{
    public static string Path(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Mash.sln")))
            {
                return System.IO.Path.Combine(dir.FullName, relative);
            }
        }

        throw new InvalidOperationException("Mash.sln not found above " + AppContext.BaseDirectory);
    }
}
