namespace Mash.Platform.Hosting;

/// <summary>
/// A secret generated on first run for the embedded default and kept in the data directory,
/// so nothing secret is ever committed. Production must configure its secrets instead.
/// </summary>
public static class LocalSecretFile
{
    public static string ReadOrCreate(string path, Func<string> generate)
    {
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var value = generate();
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, value);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            // Two processes starting together must agree on one secret: the first move wins.
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
        }

        return File.ReadAllText(path).Trim();
    }
}
