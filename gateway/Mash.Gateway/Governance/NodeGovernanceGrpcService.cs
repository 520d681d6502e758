using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Governance.V1;
using Mash.Platform.Errors;
using Mash.Platform.Paging;
using Microsoft.AspNetCore.Authorization;

namespace Mash.Gateway.Governance;

/// <summary>
/// mash.governance.v1.GovernanceService: one answer for the whole node, from every service's
/// ServiceGovernance. A known caller reaches it; the services check the role (Governance.Read,
/// Audit.Verify) and audit each refusal against the child it asked about.
/// </summary>
[Authorize]
internal sealed class NodeGovernanceGrpcService(ServiceFanOut services, CaseExportDocument exports) : GovernanceService.GovernanceServiceBase
{
    public override async Task<ListChildAccessesResponse> ListChildAccesses(ListChildAccessesRequest request, ServerCallContext context)
    {
        var (size, positions) = CheckPage(request.Page, "The accesses cannot be listed.");
        var answers = await services.AskAsync(context, (service, client, options) =>
            client.ListChildAccessesAsync(new ListChildAccessesRequest { Child = request.Child, Page = PageAt(size, positions, service) }, options),
            positions.Keys);
        var pages = answers.Select(a => new ServicePage<ChildAccess>(a.Service, positions[a.Service], a.Answer.Accesses, a.Answer.NextPageToken.Length > 0)).ToList();
        var (page, next) = MergedPages.Merge(pages, size, a => a.OccurredAt.ToDateTime(), a => a.Sequence);
        var response = new ListChildAccessesResponse { NextPageToken = next };
        response.Accesses.AddRange(page);
        return response;
    }

    public override async Task<ListDisclosuresResponse> ListDisclosures(ListDisclosuresRequest request, ServerCallContext context)
    {
        var (size, positions) = CheckPage(request.Page, "The disclosures cannot be listed.");
        var answers = await services.AskAsync(context, (service, client, options) =>
        {
            var asked = request.Clone();
            asked.Page = PageAt(size, positions, service);
            return client.ListDisclosuresAsync(asked, options);
        }, positions.Keys);
        var pages = answers.Select(a => new ServicePage<Disclosure>(a.Service, positions[a.Service], a.Answer.Disclosures, a.Answer.NextPageToken.Length > 0)).ToList();
        var (page, next) = MergedPages.Merge(pages, size, d => d.DecidedAt.ToDateTime(), d => d.Sequence);
        var response = new ListDisclosuresResponse { NextPageToken = next };
        response.Disclosures.AddRange(page);
        return response;
    }

    public override async Task<ExportChildRecordsResponse> ExportChildRecords(ExportChildRecordsRequest request, ServerCallContext context)
    {
        var parts = await services.AskAsync(context, (_, client, options) => client.ExportChildRecordsAsync(request, options));
        return new ExportChildRecordsResponse { DocumentJson = exports.Compose(context, parts.Select(p => p.Answer)) };
    }

    public override async Task<ListAgreementsResponse> ListAgreements(ListAgreementsRequest request, ServerCallContext context)
    {
        var answers = await services.AskAsync(context, (_, client, options) => client.ListAgreementsAsync(request, options));
        // Every service pages the same registry the same way: the first next token stands for all.
        var response = new ListAgreementsResponse { NextPageToken = answers.Select(a => a.Answer.NextPageToken).FirstOrDefault(t => t.Length > 0) ?? "" };
        // One entry per agreement, naming every service whose configuration holds it: a service
        // missing from an agreement's list has a stale registry and shares differently.
        response.Agreements.AddRange(answers.SelectMany(a => a.Answer.Agreements)
            .GroupBy(a => a.Id, StringComparer.Ordinal)
            .Select(g =>
            {
                var agreement = g.First().Clone();
                agreement.HeldBy.Clear();
                agreement.HeldBy.AddRange(g.SelectMany(a => a.HeldBy).Distinct().Order(StringComparer.Ordinal));
                return agreement;
            })
            .OrderBy(a => a.PartnerNode, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal));
        return response;
    }

    public override async Task<VerifyAuditChainsResponse> VerifyAuditChains(VerifyAuditChainsRequest request, ServerCallContext context)
    {
        new FieldViolations()
            .Require(request.Service.Length == 0 || services.Knows(request.Service), "service",
                $"Not a service of this node: one of {string.Join(", ", services.Names)}, or empty for all.")
            .ThrowIfAny("The audit chains cannot be verified.");
        var answers = await services.AskAsync(context, (service, client, options) =>
            client.VerifyAuditChainAsync(new VerifyAuditChainsRequest { Service = service }, options),
            request.Service.Length > 0 ? [request.Service] : null);
        var response = new VerifyAuditChainsResponse();
        response.Services.AddRange(answers.Select(a => a.Answer).OrderBy(a => a.Service, StringComparer.Ordinal));
        response.AllIntact = response.Services.All(s => s.Intact);
        return response;
    }

    private (int Size, Dictionary<string, string> Positions) CheckPage(PageRequest? page, string message)
    {
        var positions = MergedPages.Positions(page?.PageToken ?? "", services.Names);
        new FieldViolations().CheckPageSize(page, out var size)
            .Require(positions is not null, "page.page_token", "Not a token this node issued; start again without one.")
            .ThrowIfAny(message);
        return (size, positions!);
    }

    private static PageRequest PageAt(int size, Dictionary<string, string> positions, string service) =>
        new() { PageSize = size, PageToken = positions[service] };
}
