namespace Mash.Cli;

/// <summary>
/// The command line cannot be acted on (unknown option, missing or malformed value, unreadable
/// input file). The CLI prints the message with a pointer to <c>help</c> and exits with 2, so
/// scripts can tell a mistake in the call from a refusal by the server (exit code 1).
/// </summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
