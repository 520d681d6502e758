using System.Globalization;
using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Governance.V1;
using Mash.Platform.Audit;
using Mash.Platform.Errors;
using Mash.Platform.Eventing.Agreements;
using Mash.Platform.Eventing.Inbox;
using Mash.Platform.Eventing.Outbox;
using Mash.Platform.Eventing.Receipts;
using Mash.Platform.Identity;
using Mash.Platform.Paging;
using Mash.Platform.Persistence;
using Mash.Platform.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mash.Platform.Eventing.Governance;

/// <summary>
/// One service's answers to the governance questions, from its own audit trail, disclosure log
/// and receipts. Each read about a child is itself audited (as the data protection officer's
/// access to that child's records).
/// </summary>
internal sealed class GovernanceQueries(
    MashDbContext db, CallAudit audit, ChildKeyHasher childKeys, ServiceClock clock, ConsumerIdentity service,
    AgreementRegistry agreements, IOptions<GovernanceOptions> options)
{
    public const string AccessesRecordId = "governance:accesses";
    public const string DisclosuresRecordId = "governance:disclosures";
    public const string ExportRecordId = "governance:export";

    /// <summary>Agreement pages: the position in the ordered registry.</summary>
    private static readonly PageTokenFormat<int> AgreementPages = PageTokenFormats.ByNumber("a1");

    public string Service => service.ServiceName;

    /// <summary>The child's key, once the identity is good enough to look them up; the lookup itself is audited.</summary>
    public string ChildKeyOf(ChildIdentity? child, string field, string recordId)
    {
        var v = new FieldViolations();
        ChildIdentityRules.Validate(v, field, child, clock.Today);
        v.ThrowIfAny("The child cannot be looked up.");
        var key = childKeys.KeyFor(child!);
        audit.Touch(key, recordId);
        return key;
    }

    /// <summary>
    /// PERMISSION_DENIED without the role, audited: against the child asked about when the request
    /// names one well enough to look up, else as a refused governance call.
    /// </summary>
    public void RequireRole(ServerCallContext context, string role, ChildIdentity? child, string recordId)
    {
        if (context.GetHttpContext().User.IsInRole(role))
        {
            return;
        }

        var v = new FieldViolations();
        ChildIdentityRules.Validate(v, "child", child, clock.Today);
        audit.Touch(ChildIdentityRules.IsGiven(child) && !v.HasViolations ? childKeys.KeyFor(child!) : "", recordId);
        throw new RpcException(new Status(StatusCode.PermissionDenied, $"The caller's token lacks the role this call requires ({role})."));
    }

    public async Task<ListChildAccessesResponse> AccessesAsync(ListChildAccessesRequest request, CancellationToken cancellationToken)
    {
        PageTokenFormats.Newest.CheckPage(new FieldViolations(), request.Page, out var size, out var after)
            .Require(after is null || IsNumber(after.Id), "page.page_token", "Not a token this service issued; start again without one.")
            .ThrowIfAny("The accesses cannot be listed.");
        var childKey = ChildKeyOf(request.Child, "child", AccessesRecordId);
        audit.RequireStatedPurpose("Data protection: who accessed the child's records");

        var entries = AccessesTo(childKey);
        if (after is not null)
        {
            var sequence = long.Parse(after.Id, CultureInfo.InvariantCulture);
            entries = entries.Where(e => e.OccurredAt < after.Key || (e.OccurredAt == after.Key && e.Sequence < sequence));
        }

        var page = await NewestFirst(entries).ReadPageAsync(size, cancellationToken);
        var response = new ListChildAccessesResponse
        {
            NextPageToken = PageTokenFormats.Newest.NextToken(page, last => (last.OccurredAt, last.Sequence.ToString(CultureInfo.InvariantCulture))),
        };
        response.Accesses.AddRange(page.Items.Select(e => e.ToContract(Service)));
        return response;
    }

    public async Task<ListDisclosuresResponse> DisclosuresAsync(ListDisclosuresRequest request, CancellationToken cancellationToken)
    {
        var v = PageTokenFormats.Newest.CheckPage(new FieldViolations(), request.Page, out var size, out var after)
            .Require(after is null || IsNumber(after.Id), "page.page_token", "Not a token this service issued; start again without one.");
        var from = request.From?.ToDateTime();
        var to = request.To?.ToDateTime();
        v.Require(from is null || to is null || from < to, "to", "The end of the period must be after its start.");
        v.ThrowIfAny("The disclosures cannot be listed.");
        audit.RequireStatedPurpose("Data protection: what was shared");

        var records = db.Set<DisclosureRecord>().AsNoTracking();
        if (ChildIdentityRules.IsGiven(request.Child))
        {
            var childKey = ChildKeyOf(request.Child, "child", DisclosuresRecordId);
            records = records.Where(d => d.ChildKey == childKey);
        }

        records = from is { } start ? records.Where(d => d.DecidedAt >= start) : records;
        records = to is { } end ? records.Where(d => d.DecidedAt < end) : records;
        if (after is not null)
        {
            var id = long.Parse(after.Id, CultureInfo.InvariantCulture);
            records = records.Where(d => d.DecidedAt < after.Key || (d.DecidedAt == after.Key && d.Id < id));
        }

        var page = await NewestFirst(records).ReadPageAsync(size, cancellationToken);
        foreach (var child in page.Items.Select(d => d.ChildKey).Distinct())
        {
            // A period's list reads what was shared about each child on the page: each is audited.
            audit.Touch(child, DisclosuresRecordId);
        }

        var receipts = await ReceiptsAsync([.. page.Items.Select(d => d.EventId).Where(id => id.Length > 0)], cancellationToken);
        var response = new ListDisclosuresResponse
        {
            NextPageToken = PageTokenFormats.Newest.NextToken(page, last => (last.DecidedAt, last.Id.ToString(CultureInfo.InvariantCulture))),
        };
        response.Disclosures.AddRange(page.Items.Select(d => d.ToContract(Service, receipts[d.EventId])));
        return response;
    }

    /// <summary>Agreements by partner node then id, paged by position: the registry is configuration, fixed while the service runs.</summary>
    public ListAgreementsResponse Agreements(ListAgreementsRequest request)
    {
        AgreementPages.CheckPage(new FieldViolations(), request.Page, out var size, out var after)
            .Require(after is null || after.Key >= 0, "page.page_token", "Not a token this service issued; start again without one.")
            .ThrowIfAny("The agreements cannot be listed.");
        var today = clock.Today;
        var listed = (request.EndingSoonOnly ? agreements.EndingSoon(today) : agreements.All)
            .OrderBy(a => a.PartnerNode, StringComparer.Ordinal).ThenBy(a => a.Id, StringComparer.Ordinal)
            .Skip(after?.Key ?? 0).Take(size + 1).ToList();
        var start = after?.Key ?? 0;
        var page = Page.Cut(listed, size);
        var response = new ListAgreementsResponse
        {
            NextPageToken = page.HasMore ? AgreementPages.Encode(start + size, "") : "",
        };
        response.Agreements.AddRange(page.Items.Select(a => a.ToContract(today, agreements.WarningDays, Service)));
        return response;
    }

    public async Task<AuditChainVerification> VerifyAsync(VerifyAuditChainsRequest request, CancellationToken cancellationToken)
    {
        new FieldViolations()
            .Require(request.Service.Length == 0 || request.Service == Service, "service", $"This is the {Service} service: leave it empty or name {Service}.")
            .ThrowIfAny("The audit chain cannot be verified.");
        var result = await AuditVerifier.VerifyAsync(db, cancellationToken);
        return new AuditChainVerification
        {
            Service = Service,
            Intact = result.Intact,
            EntriesChecked = result.EntriesChecked,
            FirstBrokenSequence = result.FirstBrokenSequence ?? 0,
            Problem = result.Reason,
            VerifiedAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(clock.UtcNow),
        };
    }

    /// <summary>The child's accesses for an export, newest first, up to the configured number.</summary>
    public async Task<(List<ChildAccess> Accesses, bool Truncated)> AllAccessesAsync(string childKey, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxExportedAccesses;
        var entries = await NewestFirst(AccessesTo(childKey)).Take(max + 1).ToListAsync(cancellationToken);
        return ([.. entries.Take(max).Select(e => e.ToContract(Service))], entries.Count > max);
    }

    public async Task<List<Contracts.Governance.V1.Disclosure>> AllDisclosuresAsync(string childKey, CancellationToken cancellationToken)
    {
        var records = await NewestFirst(db.Set<DisclosureRecord>().AsNoTracking().Where(d => d.ChildKey == childKey)).ToListAsync(cancellationToken);
        var receipts = await ReceiptsAsync([.. records.Select(d => d.EventId).Where(id => id.Length > 0)], cancellationToken);
        return [.. records.Select(d => d.ToContract(Service, receipts[d.EventId]))];
    }

    private async Task<ILookup<string, PartnerReceipt>> ReceiptsAsync(IReadOnlyCollection<string> eventIds, CancellationToken cancellationToken)
    {
        var rows = await db.Set<DeliveryReceiptRecord>().AsNoTracking().Where(r => eventIds.Contains(r.EventId)).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.StoredAt).ToLookup(r => r.EventId, r => new PartnerReceipt
        {
            Node = r.ReceivingNode,
            Agency = r.ReceivingAgency,
            StoredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(r.StoredAt),
        });
    }

    private IQueryable<AuditEntry> AccessesTo(string childKey) => db.AuditEntries.AsNoTracking().Where(e => e.ChildKey == childKey);

    /// <summary>The order of the pages (and of the page tokens' keys) and of an export: the same, so both read alike.</summary>
    private static IOrderedQueryable<AuditEntry> NewestFirst(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Sequence);

    private static IOrderedQueryable<DisclosureRecord> NewestFirst(IQueryable<DisclosureRecord> records) =>
        records.OrderByDescending(d => d.DecidedAt).ThenByDescending(d => d.Id);

    private static bool IsNumber(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _);
}
