using Mash.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Mash.Platform.Persistence;

/// <summary>EF Core's save errors (a failed or conflicting save) are storage failures: the caller retries later.</summary>
internal sealed class EfStorageFailures : IStorageFailures
{
    public bool IsStorageFailure(Exception exception) => exception is DbUpdateException;
}
