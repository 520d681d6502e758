using System.Security.Cryptography;

namespace Mash.Node.Hosting;

/// <summary>
/// The child-key secret shared by the nodes started on this machine: generated once into the
/// data folder, never committed.
/// </summary>
public static class PartnershipSecretFile
{
    public static string ReadOrCreate(string dataDirectory)
    {
        var path = Path.Combine(dataDirectory, "partnership-child-key.secret");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dataDirectory);
            File.WriteAllText(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(path).Trim();
    }
}
