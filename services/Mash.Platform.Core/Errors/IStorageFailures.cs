namespace Mash.Platform.Errors;

/// <summary>
/// Tells a failure of the service's storage (answered UNAVAILABLE: retry later) from a fault of
/// the service itself (INTERNAL). Database errors (<see cref="System.Data.Common.DbException"/>)
/// and time-outs are known here; the persistence layer adds its own kinds (EF Core's save errors).
/// </summary>
public interface IStorageFailures
{
    bool IsStorageFailure(Exception exception);
}
