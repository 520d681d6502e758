using System.Security.Cryptography;
using System.Text;
using Mash.Platform.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Mash.Platform.Identity;

/// <summary>
/// The secret every node of a partnership shares to compute child keys
/// (<c>Mash:Partnership:ChildKeySecret</c>). Outside Production one is generated into the data
/// directory on first run; Production must be given one.
/// </summary>
public static class PartnershipSecret
{
    public const string Key = "Mash:Partnership:ChildKeySecret";
    public const string FileName = "partnership-child-key.secret";

    public static byte[] Load(IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[Key];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Encoding.UTF8.GetBytes(configured);
        }

        if (environment.IsProduction())
        {
            throw new InvalidOperationException($"{Key} must be configured in Production (the partnership's shared child-key secret).");
        }

        var path = Path.Combine(MashDataDirectory.Resolve(configuration), FileName);
        return Encoding.UTF8.GetBytes(LocalSecretFile.ReadOrCreate(path, Generate));
    }

    /// <summary>A new random secret, for a partnership's first set-up or a local machine.</summary>
    public static string Generate() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
