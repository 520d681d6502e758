namespace Mash.Gateway.Tests.Infrastructure;

/// <summary>A data directory of its own for each gateway under test, removed afterwards.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Create();

    public static string Create() => Directory.CreateTempSubdirectory("mash-gateway-tests-").FullName;

    public static void Delete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves litter in the temp folder.
        }
    }

    public void Dispose() => Delete(Path);
}
