using Mash.Assessment.Domain.Missing;
using Mash.Platform.Hosting;
using Microsoft.Extensions.Options;

namespace Mash.Assessment.Application.Missing;

/// <summary>This node's area and its missing-episode rules.</summary>
internal sealed class MissingSettings(IOptions<MissingOptions> options, IOptions<MashNodeOptions> node)
{
    public string Area => node.Value.Area;
    public string ThisNode => node.Value.Id;
    public AreaMissingRules For(string area) => options.Value.For(area);
}
