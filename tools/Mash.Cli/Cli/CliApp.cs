using System.CommandLine;
using Grpc.Core;

namespace Mash.Cli;

/// <summary>
/// Parses the command line, runs one command and turns every failure into a one-line message
/// and an exit code (0 ok, 1 refused or unreachable, 2 usage), never a stack trace.
/// </summary>
internal static class CliApp
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int UsageError = 2;

    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<string, string?> environment, CancellationToken cancellation) =>
        RunAsync(args, output, errors, environment, (command, context) => command.RunAsync(context), cancellation);

    /// <param name="run">What to do with the parsed command; tests pass one that calls no service.</param>
    public static async Task<int> RunAsync(
        string[] args, TextWriter output, TextWriter errors, Func<string, string?> environment, CommandRunner run, CancellationToken cancellation)
    {
        CliSettings? settings = null;
        string? commandName = null;
        try
        {
            var commandLine = new MashCommandLine(environment, (command, context) =>
            {
                settings = context.Settings;
                return run(command, context);
            });
            var parse = commandLine.Parse(args);
            commandName = commandLine.CommandFor(parse)?.Definition.Name;
            if (parse.Errors.Count > 0 && parse.Action?.ClearsParseErrors != true)
            {
                throw new UsageException(UsageErrors.Describe(parse));
            }

            var invocation = new InvocationConfiguration
            {
                Output = output,
                Error = errors,
                // Failures are reported below as one line each; Ctrl+C is Program's to handle.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(invocation, cancellation);
        }
        catch (UsageException e)
        {
            errors.WriteLine($"error: {e.Message}");
            errors.WriteLine(commandName is null ? "Run 'help' for usage." : $"Run 'help {commandName}' for usage.");
            return UsageError;
        }
        catch (RpcException e)
        {
            ErrorReporter.Report(errors, e, settings?.Gateway);
            return Failed;
        }
        catch (TokenRequestException e)
        {
            errors.WriteLine($"error: {e.Message}");
            if (e.Error is null && settings is not null && !TokenClient.UsesHttp2PriorKnowledge(settings.TokenUrl, settings.Gateway))
            {
                // Kestrel answers HTTP/1.1 on an HTTP/2-only cleartext port with a bare 400.
                errors.WriteLine("  If that address is an HTTP/2-only (gRPC) port, give it the same host and port as --gateway,");
                errors.WriteLine("  or use the gateway's HTTP/1.1 port, e.g. --token-url http://127.0.0.1:5101/connect/token.");
            }

            return Failed;
        }
        catch (HttpRequestException e)
        {
            // Reported like the gRPC equivalent, so scripts see one vocabulary for "not reachable".
            errors.WriteLine($"error: UNAVAILABLE: cannot reach the token endpoint: {e.Message}");
            return Failed;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            errors.WriteLine("error: CANCELLED");
            return Failed;
        }
        catch (TaskCanceledException)
        {
            // HttpClient reports its own timeout as a cancellation nobody asked for.
            errors.WriteLine($"error: DEADLINE_EXCEEDED: the token endpoint did not answer within {CommandContext.CallTimeout.TotalSeconds:0} s");
            return Failed;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug or an environment problem still gets one line; the type helps a bug report.
            errors.WriteLine($"error: {e.GetType().Name}: {e.Message}");
            return Failed;
        }
    }
}
