namespace Mash.Platform.Eventing.Local;

/// <summary>
/// A settlement came too late: the message's lock expired and it was delivered again (or the
/// processor stopped and released it). Nothing was changed; the other delivery owns it now.
/// </summary>
public sealed class MessageLockLostException : InvalidOperationException
{
    public MessageLockLostException()
        : base("The message's lock was lost: it was redelivered or released, so this settlement was ignored.")
    {
    }

    public MessageLockLostException(string message)
        : base(message)
    {
    }

    public MessageLockLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
