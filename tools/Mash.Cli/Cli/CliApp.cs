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

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors, Func<string, string?> environment, CancellationToken cancellation)
    {
        CliSettings? settings = null;
        try
        {
            var arguments = Arguments.Parse(args, CliSettings.Flags);
            if (arguments.Command is null || arguments.Command.Equals("help", StringComparison.OrdinalIgnoreCase) || arguments.Has("help"))
            {
                output.WriteLine(Usage.Text);
                return Ok;
            }

            var command = CommandSet.Find(arguments.Command);
            arguments.EnsureOnly(CliSettings.Names.Concat(command.Options), command.Name);
            settings = CliSettings.From(arguments, environment);
            using var context = new CommandContext(arguments, settings, output, errors, environment, cancellation);
            return await command.RunAsync(context);
        }
        catch (UsageException e)
        {
            errors.WriteLine($"error: {e.Message}");
            errors.WriteLine("Run 'help' for usage.");
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
