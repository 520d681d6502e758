using Google.Api;
using Google.Protobuf;
using Grpc.Core;
using Mash.Contracts.Figures.V1;
using Mash.Platform.Figures;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Gateway.Governance;

/// <summary>
/// mash.figures.v1.FiguresService: the node's figures for a period and an area, each service's part (ServiceFigures)
/// put together. The services check the role (Figures.Read) and the period; a service that does not answer fails the
/// call naming it, so no figure is silently left out.
/// </summary>
[Authorize]
internal sealed class NodeFiguresGrpcService(ServiceFanOut services) : FiguresService.FiguresServiceBase
{
    public const string ReportContentType = "text/html; charset=utf-8";

    public override Task<PartnershipFigures> GetPartnershipFigures(GetPartnershipFiguresRequest request, ServerCallContext context) =>
        ComposeAsync(request, context);

    /// <summary>The same composition rendered as one page, so the page and GetPartnershipFigures can never disagree.</summary>
    public override async Task<HttpBody> GetPartnershipReport(GetPartnershipFiguresRequest request, ServerCallContext context)
    {
        var figures = await ComposeAsync(request, context);
        return new HttpBody { ContentType = ReportContentType, Data = ByteString.CopyFromUtf8(FiguresReport.Render(figures)) };
    }

    private async Task<PartnershipFigures> ComposeAsync(GetPartnershipFiguresRequest request, ServerCallContext context)
    {
        var answers = await services.AskEachAsync(context, (service, options) => services.Services.Figures(service).GetFiguresAsync(request, options));
        var figures = new PartnershipFigures();
        foreach (var (_, part) in answers.OrderBy(a => a.Service, StringComparer.Ordinal))
        {
            // Each service fills its own sections and names itself; the period, area and node are the same in every part.
            figures.MergeFrom(part);
        }

        return figures;
    }
}
