using Mash.Platform.Hosting;
using Mash.Platform.Persistence;
using Mash.Platform.Tests.Audit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Mash.Platform.Tests.Persistence;

/// <summary>
/// A call's context comes from a pool and is resolved under several names (the service's own
/// context, <see cref="AuditedDbContext"/>, the eventing layer's context). The call's end must
/// give it back once: a second give-back, after another call has taken it from the pool, would
/// end that other call's use of it in the middle ("Cannot access a disposed context instance"),
/// and the pool would then hand the same context, and its connection, to two calls at once.
/// </summary>
public sealed class ScopedContextTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "mash-scoped-context-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_context_resolved_by_all_its_names_is_given_back_once_and_never_ends_another_calls_use()
    {
        var builder = MashHost.CreateBuilder([$"--{MashDataDirectory.Key}={_directory}"]);
        builder.AddMashPersistence<AuditTestDb>("scoped");
        // Stands for a concurrent call that takes a context from the pool while this call's scope is ending.
        builder.Services.AddScoped<ConcurrentCall>();
        await using var app = builder.Build();

        ConcurrentCall other;
        AuditTestDb first;
        await using (var call = app.Services.CreateAsyncScope())
        {
            first = call.ServiceProvider.GetRequiredService<AuditTestDb>();
            other = call.ServiceProvider.GetRequiredService<ConcurrentCall>();
            Assert.Same(first, call.ServiceProvider.GetRequiredService<AuditedDbContext>());
        }

        // The other call's context is still its own to use, and no third call is handed it too.
        Assert.NotNull(other.Context);
        Assert.False(other.Context.ChangeTracker.HasChanges());
        await using (var third = app.Services.CreateAsyncScope())
        {
            Assert.NotSame(other.Context, third.ServiceProvider.GetRequiredService<AuditTestDb>());
        }

        other.End();
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    /// <summary>Begins another call, taking its context from the pool, while the scope it was made in is ending.</summary>
    private sealed class ConcurrentCall(IServiceScopeFactory scopes) : IDisposable
    {
        private IServiceScope? _call;

        public AuditTestDb? Context { get; private set; }

        public void Dispose()
        {
            _call = scopes.CreateScope();
            Context = _call.ServiceProvider.GetRequiredService<AuditTestDb>();
        }

        public void End() => _call?.Dispose();
    }
}
