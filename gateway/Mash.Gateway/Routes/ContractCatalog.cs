using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace Mash.Gateway.Routes;

/// <summary>The public gRPC services as the contracts describe them, with their google.api.http annotations.</summary>
internal static class ContractCatalog
{
    private static readonly Dictionary<string, ServiceDescriptor> Services = new[]
    {
        Contracts.Referral.V1.ReferralReflection.Descriptor,
        Contracts.Assessment.V1.AssessmentReflection.Descriptor,
        Contracts.Missing.V1.MissingReflection.Descriptor,
        Contracts.Strategy.V1.StrategyReflection.Descriptor,
        Contracts.Offender.V1.OffenderReflection.Descriptor,
        Contracts.Custody.V1.CustodyReflection.Descriptor,
        Contracts.Encompass.V1.EncompassReflection.Descriptor,
        Contracts.Investigation.V1.InvestigationReflection.Descriptor,
        Contracts.Events.V1.DeadLettersReflection.Descriptor,
        Contracts.Events.V1.DeliveriesReflection.Descriptor,
        Contracts.Governance.V1.GovernanceReflection.Descriptor,
        Contracts.Figures.V1.FiguresReflection.Descriptor,
    }.SelectMany(file => file.Services).ToDictionary(service => service.FullName, StringComparer.Ordinal);

    /// <summary>Every public service, for reflection.</summary>
    public static IEnumerable<ServiceDescriptor> AllServices => Services.Values;

    /// <summary>
    /// The methods a gRPC route path names: <c>/pkg.Service/Method</c> one, <c>/pkg.Service/{**method}</c>
    /// all of the service's; none for a path that is not a known service's.
    /// </summary>
    public static IReadOnlyList<MethodDescriptor> MethodsOf(string grpcPath)
    {
        var parts = grpcPath.Trim('/').Split('/');
        if (parts.Length != 2 || !Services.TryGetValue(parts[0], out var service))
        {
            return [];
        }

        if (parts[1].StartsWith("{**", StringComparison.Ordinal))
        {
            return [.. service.Methods];
        }

        return service.Methods.Where(m => m.Name == parts[1]).ToList();
    }
}
