using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Mash.Platform.Hosting;

public static class MashHost
{
    /// <summary>The argument of a deployment's schema step: apply the migrations, then exit.</summary>
    public const string MigrateOnlyArgument = "--migrate-only";

    /// <summary>
    /// The argument (<c>--contentRoot=DIR</c>) a node's host gives each service it runs in its one process: the
    /// service's own build folder, where its appsettings.json are, instead of the host's.
    /// </summary>
    public const string ContentRootArgument = "--contentRoot=";

    /// <summary>The setting <see cref="MigrateOnlyArgument"/> becomes, read by the persistence layer.</summary>
    public const string MigrateOnlyKey = "Mash:Database:MigrateOnly";

    /// <summary>
    /// A builder whose content root is the app's own folder, so its appsettings.json are found
    /// whatever directory a launcher, a container or an operator starts it from.
    /// <c>--migrate-only</c> is taken out of the arguments (it has no value, so the command-line
    /// configuration would misread it) and becomes <c>Mash:Database:MigrateOnly=true</c>.
    /// A start refused for a setting is reported in one line, exit code 1 (<see cref="StartupRefusal"/>).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var migrateOnly = args.Contains(MigrateOnlyArgument, StringComparer.OrdinalIgnoreCase);
        var contentRoot = args.LastOrDefault(a => a.StartsWith(ContentRootArgument, StringComparison.OrdinalIgnoreCase))?[ContentRootArgument.Length..];
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = [.. args.Where(a => !string.Equals(a, MigrateOnlyArgument, StringComparison.OrdinalIgnoreCase)
                && !a.StartsWith(ContentRootArgument, StringComparison.OrdinalIgnoreCase))],
            ContentRootPath = contentRoot ?? AppContext.BaseDirectory,
        });
        StartupRefusal.ReportPlainly(builder.Environment.ApplicationName);
        if (migrateOnly)
        {
            builder.Configuration.AddInMemoryCollection([new(MigrateOnlyKey, "true")]);
        }

        return builder;
    }
}
