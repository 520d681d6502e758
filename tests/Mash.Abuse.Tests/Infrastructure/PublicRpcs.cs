using System.Reflection;
using Google.Protobuf.Reflection;

namespace Mash.Abuse.Tests.Infrastructure;

/// <summary>Every public RPC, read from the generated descriptors (so a new RPC shows up here by itself).</summary>
public static class PublicRpcs
{
    /// <summary>Each proto file compiled into the contracts assembly, through its generated *Reflection class.</summary>
    public static readonly IReadOnlyList<FileDescriptor> Files =
    [
        .. typeof(Mash.Contracts.Referral.V1.ReferralReflection).Assembly.GetTypes()
            .Where(t => t.Name.EndsWith("Reflection", StringComparison.Ordinal) && t.Namespace?.StartsWith("Mash.Contracts", StringComparison.Ordinal) == true)
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
            .OfType<FileDescriptor>(),
    ];

    public static readonly IReadOnlyList<MethodDescriptor> AllMethods =
        [.. Files.SelectMany(file => file.Services).SelectMany(service => service.Methods).OrderBy(PathOf, StringComparer.Ordinal)];

    public static string PathOf(MethodDescriptor method) => $"/{method.Service.FullName}/{method.Name}";

    public static MethodDescriptor Find(string path) => AllMethods.Single(m => PathOf(m) == path);
}
