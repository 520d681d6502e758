using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Eventing.Agreements;

internal static class AgreementsSetup
{
    /// <summary>The registry from <c>Mash:Agreements</c>; a malformed one stops the service at start, naming each problem.</summary>
    public static IServiceCollection AddAgreements(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<AgreementOptions>().Bind(configuration.GetSection(AgreementOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AgreementOptions>, Validation>();
        services.AddSingleton(sp => AgreementRegistry.From(sp.GetRequiredService<IOptions<AgreementOptions>>().Value));
        return services;
    }

    private sealed class Validation : IValidateOptions<AgreementOptions>
    {
        public ValidateOptionsResult Validate(string? name, AgreementOptions options) =>
            AgreementRegistry.Problems(options) is { Count: > 0 } problems
                ? ValidateOptionsResult.Fail(problems.Select(p => $"{AgreementOptions.Section}:{p}"))
                : ValidateOptionsResult.Success;
    }
}
