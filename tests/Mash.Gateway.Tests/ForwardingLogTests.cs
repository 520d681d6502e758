using System.Collections.Concurrent;
using Mash.Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mash.Gateway.Tests;

/// <summary>
/// Calls forwarded as they should be leave the log quiet. YARP once warned on every gRPC call that it could
/// not lift the body size limit of a body the gateway had already read: a line per call, burying the
/// warnings an operator needs to see.
/// </summary>
public sealed class ForwardingLogTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    [Fact]
    public async Task Forwarded_grpc_calls_log_no_warnings()
    {
        var logged = new CapturedWarnings();
        fixture.Gateway.Services.GetRequiredService<ILoggerFactory>().AddProvider(logged);
        var headers = Requests.Bearer(await fixture.Gateway.TokenAsync("police-mash"));

        for (var call = 0; call < 5; call++)
        {
            await fixture.Gateway.Referrals.SubmitReferralAsync(Requests.Referral($"quiet-{call}"), headers);
        }

        Assert.Empty(logged.Lines);
    }

    private sealed class CapturedWarnings : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capture(categoryName, Lines);

        public void Dispose()
        {
        }

        private sealed class Capture(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel))
                {
                    lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}");
                }
            }
        }
    }
}
