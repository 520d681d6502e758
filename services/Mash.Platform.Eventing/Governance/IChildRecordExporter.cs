using System.Security.Claims;
using Google.Protobuf;

namespace Mash.Platform.Eventing.Governance;

/// <summary>
/// A service's records about one child for a case export, as its own API shows them to the
/// caller: a record the caller's roles may not see in full is shaped as the API shapes it, and
/// what is left out is named in <see cref="ChildRecordsPart.Withheld"/>.
/// </summary>
public interface IChildRecordExporter
{
    Task<ChildRecordsPart> ExportAsync(string childKey, ClaimsPrincipal caller, CancellationToken cancellationToken);
}

public sealed record ChildRecordsPart(IReadOnlyList<IMessage> Records, IReadOnlyList<string> Withheld)
{
    public static readonly ChildRecordsPart None = new([], []);
}
