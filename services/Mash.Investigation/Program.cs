using Mash.Investigation;
using Mash.Platform.Hosting;

if (await HealthProbe.RunIfAskedAsync(args) is { } health)
{
    return health; // --check-health: the image's HEALTHCHECK asks the running service, then exits
}

return await InvestigationHost.RunAsync(args);

/// <summary>Entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
