namespace Mash.Offender.Tests.Support;

/// <summary>Waits for what a background worker (the outbox relay) does after a call returns.</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, int timeoutMs = 5_000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not become true in time.");
            await Task.Delay(20);
        }
    }
}
