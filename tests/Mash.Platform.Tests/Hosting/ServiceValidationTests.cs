using Mash.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Tests.Hosting;

/// <summary>
/// The service container's checks at start: on in Development, as ASP.NET Core has them, so a registration that
/// cannot work fails the start (and the tests); off where the launcher asks, for a node's quicker start.
/// </summary>
public sealed class ServiceValidationTests
{
    [Fact]
    public void In_development_a_singleton_that_needs_a_scoped_service_fails_the_start()
    {
        var builder = BuilderWithBrokenRegistration("--environment=Development");
        var refused = Assert.Throws<AggregateException>(() => builder.Build());
        Assert.Contains(nameof(ScopedThing), refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_validation_turned_off_the_same_registrations_build()
    {
        var builder = BuilderWithBrokenRegistration("--environment=Development", $"--{MashHost.ValidateServicesKey}=false");
        await using var app = builder.Build();
        Assert.NotNull(app.Services);
    }

    private static Microsoft.AspNetCore.Builder.WebApplicationBuilder BuilderWithBrokenRegistration(params string[] args)
    {
        var builder = MashHost.CreateBuilder(args);
        builder.Services.AddScoped<ScopedThing>();
        builder.Services.AddSingleton<SingletonNeedingScoped>();
        return builder;
    }

    private sealed class ScopedThing;

    private sealed class SingletonNeedingScoped(ScopedThing thing)
    {
        public ScopedThing Thing { get; } = thing;
    }
}
