using System.Collections.Concurrent;

namespace Mash.Testing;

/// <summary>
/// Temporary data directories of in-memory services, removed when the test process exits. Not when their app is
/// disposed: restart tests start a second app on the first one's directory (each holds a database and the node's
/// partnership secret, and a test run makes a few hundred).
/// </summary>
public static class TempDataDirectories
{
    private static readonly ConcurrentBag<string> Made = [];

    static TempDataDirectories() => AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveAll();

    public static string Create(string prefix)
    {
        var path = Directory.CreateTempSubdirectory(prefix).FullName;
        Made.Add(path);
        return path;
    }

    private static void RemoveAll()
    {
        foreach (var path in Made)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Still held open: left for the system's temp cleaning.
            }
        }
    }
}
