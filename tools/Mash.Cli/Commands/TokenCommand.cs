using System.CommandLine;
using System.Text.Json;

namespace Mash.Cli;

/// <summary><c>token</c>: prints only the access token, so <c>TOKEN=$(mash token --client ...)</c> works.</summary>
internal sealed class TokenCommand : ICliCommand
{
    public Command Definition { get; } = new("token", "Print an access token for --client (only the token, for TOKEN=$(...)).");

    public async Task<int> RunAsync(CommandContext context)
    {
        if (context.Settings.Token is not null)
        {
            throw new UsageException("'token' fetches a new token; it does not take --token");
        }

        var token = await context.FetchTokenAsync();
        context.Out.WriteLine(context.Settings.Json
            ? JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["access_token"] = token.AccessToken,
                ["token_type"] = token.TokenType,
                ["expires_in"] = token.ExpiresInSeconds,
            })
            : token.AccessToken);
        return 0;
    }
}
