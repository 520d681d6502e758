using Mash.Platform.Eventing;
using Microsoft.AspNetCore.Builder;

namespace Mash.Platform.Tests.Eventing.Wiring;

public sealed class EventingOptionsTests
{
    private static WebApplicationBuilder With(string eventsPerBatchMessage)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration["Mash:Eventing:EventsPerBatchMessage"] = eventsPerBatchMessage;
        return builder;
    }

    [Theory]
    [InlineData("0")]
    [InlineData("257")]
    public void Events_per_batch_message_outside_1_to_256_is_refused_at_start_naming_the_setting(string value)
    {
        var refused = Assert.Throws<InvalidOperationException>(() => With(value).AddMashEventing("assessment"));
        Assert.Contains("Mash:Eventing:EventsPerBatchMessage must be from 1 to 256", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("256")]
    public void Events_per_batch_message_from_1_to_256_is_accepted(string value) => With(value).AddMashEventing("assessment");
}
