using Grpc.Core;
using Mash.Contracts.Figures.V1;
using Mash.Platform.Audit;
using Mash.Platform.Auth;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Hosting;
using Mash.Platform.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Eventing.Figures;

/// <summary>
/// mash.figures.v1.ServiceFigures: this service's part of the node's figures (role Figures.Read), counts only.
/// A service with nothing to count answers an empty part, so the gateway knows it was asked.
/// </summary>
[Authorize(Policy = MashRoles.FiguresRead)]
internal sealed class ServiceFiguresGrpcService(
    IEnumerable<IFiguresContributor> contributors, CallAudit audit, ServiceClock clock, WorkingCalendars calendars, ConsumerIdentity service,
    IOptions<MashNodeOptions> node, IOptions<FiguresOptions> options) : ServiceFigures.ServiceFiguresBase
{
    public override async Task<PartnershipFigures> GetFigures(GetPartnershipFiguresRequest request, ServerCallContext context)
    {
        var period = FiguresPeriod.Check(request, node.Value.Area, options.Value.MaxPeriodDays, calendars.Lists, area => calendars.ForArea(area).Zone, clock.UtcNow);
        audit.RequireStatedPurpose("Partnership figures");
        var figures = new PartnershipFigures
        {
            From = Timestamps.Of(period.FromUtc), To = Timestamps.Of(period.ToUtc), Area = period.Area, Node = node.Value.Id,
            ProducedAt = Timestamps.Of(period.NowUtc), Services = { service.ServiceName },
        };
        foreach (var contributor in contributors)
        {
            await contributor.ContributeAsync(period, figures, context.CancellationToken);
        }

        return figures;
    }
}
