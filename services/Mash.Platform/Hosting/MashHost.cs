using Microsoft.AspNetCore.Builder;

namespace Mash.Platform.Hosting;

public static class MashHost
{
    /// <summary>
    /// A builder whose content root is the app's own folder, so its appsettings.json are found
    /// whatever directory a launcher, a container or an operator starts it from.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args) =>
        WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
}
