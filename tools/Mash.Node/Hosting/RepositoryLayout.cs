using System.Reflection;

namespace Mash.Node.Hosting;

/// <summary>Where the repository is and where its deployables were built (same configuration as this tool).</summary>
public static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    public static string BuiltAssembly(string projectFolder, string assemblyName)
    {
        var metadata = typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().ToDictionary(a => a.Key, a => a.Value);
        var path = Path.Combine(Root, projectFolder, "bin", metadata["BuildConfiguration"]!, metadata["TargetFramework"]!, assemblyName + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{assemblyName} is not built; run `dotnet build Mash.sln` first.", path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Mash.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Run Mash.Node from within the repository (Mash.sln not found above it).");
    }
}
