namespace Mash.Platform.Eventing.Inbox;

/// <summary>
/// The event a consumer is applying in this scope. A handler that finds it concerns another service of
/// the node (a receipt or an access notice for a record another service shared: every sharing service
/// receives every one addressed to the node) says so, and the consumer settles it without an inbox entry
/// or a transaction. Applying it again would find the same, so there is nothing to deduplicate.
/// </summary>
public sealed class ConsumedEvent
{
    public bool IsForAnotherService { get; private set; }

    /// <summary>Nothing here to apply, now or on a redelivery: staged changes, if any, are still saved.</summary>
    public void NotForThisService() => IsForAnotherService = true;
}
