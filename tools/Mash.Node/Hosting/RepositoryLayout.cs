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

    /// <summary>
    /// The node host: its ReadyToRun images when the launcher's build made them after the host's last build
    /// (tools/Mash.Node/Mash.Node.csproj), else the host as built.
    /// </summary>
    public static string NodeHostAssembly() => ReadyToRunIfCurrent(BuiltAssembly("tools/Mash.Node.Host", "Mash.Node.Host"));

    /// <summary>
    /// <c>bin/CONFIG/ready-to-run/NAME.dll</c> beside <paramref name="builtAssembly"/> (<c>bin/CONFIG/TFM/NAME.dll</c>)
    /// when it was made after every Mash assembly of that build, else the build's own: older images would run stale code.
    /// </summary>
    public static string ReadyToRunIfCurrent(string builtAssembly)
    {
        var builtDirectory = Path.GetDirectoryName(builtAssembly)!;
        var images = Path.Combine(Path.GetDirectoryName(builtDirectory)!, "ready-to-run", Path.GetFileName(builtAssembly));
        if (!File.Exists(images))
        {
            return builtAssembly;
        }

        var lastBuilt = Directory.EnumerateFiles(builtDirectory, "Mash.*.dll").Max(File.GetLastWriteTimeUtc);
        return File.GetLastWriteTimeUtc(images) >= lastBuilt ? images : builtAssembly;
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
