namespace Mash.Cli.Tests.Support;

/// <summary>
/// The CLI run in-process as a user runs it, from the raw arguments to the exit code, with no
/// service behind it: a command that gets as far as its call is stopped there, and what it was
/// given is kept so a test can ask what it would have sent.
/// </summary>
internal static class CliInProcess
{
    /// <summary>An address where nothing listens: a command that gets as far as its call fails there, with exit code 1.</summary>
    public const string NowhereGateway = "http://127.0.0.1:9";

    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>(), args);

    /// <summary>
    /// The command run for real, with a token and a gateway where nothing listens: for what a
    /// command refuses itself before calling (its usage errors), with the CLI's own runner.
    /// </summary>
    public static async Task<CliRun> RunAgainstNothingAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await CliApp.RunAsync([.. args, "--token", "t", "--gateway", NowhereGateway], output, errors, _ => null, CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), errors.ToString(), null, null);
    }

    /// <param name="environment">The only environment variables the run sees.</param>
    public static async Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        // Left open: a test may build the command's request afterwards, and that can write (a new idempotency key).
        var output = new StringWriter();
        var errors = new StringWriter();
        ICliCommand? reached = null;
        CommandContext? context = null;
        var exitCode = await CliApp.RunAsync(
            args,
            output,
            errors,
            name => environment.GetValueOrDefault(name),
            (command, given) =>
            {
                reached = command;
                context = given;
                return Task.FromResult(CliApp.Ok);
            },
            CancellationToken.None);
        return new CliRun(exitCode, output.ToString(), errors.ToString(), reached, context);
    }
}

/// <param name="Command">The command the line chose, when it got as far as running it.</param>
/// <param name="Context">What that command was given: the parse result and the shared settings.</param>
internal sealed record CliRun(int ExitCode, string Output, string Errors, ICliCommand? Command, CommandContext? Context)
{
    /// <summary>The request <typeparamref name="TCommand"/> would send, failing the test if another command (or none) ran.</summary>
    public TRequest Sent<TCommand, TRequest>(Func<TCommand, CommandContext, TRequest> request)
        where TCommand : ICliCommand
    {
        Assert.True(ExitCode == CliApp.Ok, $"exit code {ExitCode}: {Errors}");
        return request(Assert.IsType<TCommand>(Command), Context!);
    }

    public CliSettings Settings
    {
        get
        {
            Assert.True(ExitCode == CliApp.Ok, $"exit code {ExitCode}: {Errors}");
            return Context!.Settings;
        }
    }

    /// <summary>The first line on standard error, without its "error: " prefix.</summary>
    public string Error
    {
        get
        {
            Assert.True(ExitCode == CliApp.UsageError, $"expected a usage error (2), got {ExitCode}; stderr: {Errors}");
            var first = Errors.Split('\n')[0].TrimEnd('\r');
            Assert.StartsWith("error: ", first, StringComparison.Ordinal);
            return first["error: ".Length..];
        }
    }
}
