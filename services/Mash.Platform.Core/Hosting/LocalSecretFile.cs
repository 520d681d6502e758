namespace Mash.Platform.Hosting;

/// <summary>
/// A secret generated on first run for the embedded default and kept in the data directory,
/// so nothing secret is ever committed. Production must configure its secrets instead.
/// </summary>
public static class LocalSecretFile
{
    public static string ReadOrCreate(string path, Func<string> generate)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        string? generated = null;
        while (true)
        {
            if (TryRead(path) is { } existing)
            {
                return existing;
            }

            // Processes starting together on a fresh folder must agree on one secret: the file
            // is created exclusively (O_EXCL), so exactly one of them writes it and the others
            // read what it wrote. (A rename is no guard: on Unix it replaces a file made in between.)
            generated ??= generate();
            if (TryCreate(path, generated))
            {
                return generated.Trim();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new IOException($"The secret file '{Path.GetFileName(path)}' exists but stays empty or locked.");
            }

            Thread.Sleep(10);
        }
    }

    /// <summary>The file's value; null if it does not exist yet or is still being written.</summary>
    private static string? TryRead(string path)
    {
        try
        {
            var value = File.ReadAllText(path).Trim();
            return value.Length > 0 ? value : null;
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (IOException)
        {
            return null; // Locked by the process writing it.
        }
    }

    private static bool TryCreate(string path, string value)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            // Unreadable to others from the first byte, not chmod-ed afterwards.
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var stream = new FileStream(path, options);
            using var writer = new StreamWriter(stream);
            writer.Write(value);
            writer.Flush();
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }
}
