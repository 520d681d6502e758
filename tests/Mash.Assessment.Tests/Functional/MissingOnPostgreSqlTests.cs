using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Mash.Assessment.Tests.Support;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Missing.V1;
using Mash.Testing.Postgres;

namespace Mash.Assessment.Tests.Functional;

/// <summary>Missing episodes on PostgreSQL: the one-open-episode rule, the meeting's lists and their paging, the profile's release rule.</summary>
public sealed class MissingOnPostgreSqlTests
{
    private static Timestamp At(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));

    [SkippableFact]
    public async Task Episodes_are_reported_listed_and_returned_and_a_second_open_one_is_refused()
    {
        PostgresServer.Require();
        using var app = new AssessmentPostgreSqlApp();
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var children = new[] { Samples.Child(), Samples.Child(), Samples.Child() };
        var reported = new List<MissingEpisode>();
        for (var i = 0; i < children.Length; i++)
        {
            reported.Add(await app.Missing().ReportMissingAsync(new ReportMissingRequest
            {
                IdempotencyKey = "pg-" + i, Child = children[i], ReportedAt = At(now.AddHours(-3 + i)), ReportedBy = ReporterKind.Parent,
                Risk = MissingRisk.Medium, RiskRationale = "Not home",
            }, app.As()));
        }

        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () => app.Missing().ReportMissingAsync(new ReportMissingRequest
        {
            IdempotencyKey = "pg-again", Child = children[0], ReportedAt = At(now), ReportedBy = ReporterKind.Parent, Risk = MissingRisk.Low, RiskRationale = "Again",
        }, app.As()).ResponseAsync);
        var first = await app.Missing().ListMissingForMeetingAsync(new ListMissingForMeetingRequest { List = MeetingList.MissingNow, Page = new PageRequest { PageSize = 2 } }, app.As());
        var rest = await app.Missing().ListMissingForMeetingAsync(new ListMissingForMeetingRequest
        {
            List = MeetingList.MissingNow, Page = new PageRequest { PageSize = 2, PageToken = first.NextPageToken },
        }, app.As());
        Assert.Equal(reported.Select(e => e.EpisodeId), first.Episodes.Concat(rest.Episodes).Select(e => e.EpisodeId));

        var returned = await app.Missing().RecordReturnAsync(new RecordReturnRequest
        {
            EpisodeId = reported[0].EpisodeId, IdempotencyKey = "pg-ret", ReturnedAt = At(now.AddMinutes(-10)), FoundWhere = "Home",
        }, app.As());
        Assert.False(returned.MissingNow);
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () => app.Missing().GetPhilomenaProfileAsync(new GetPhilomenaProfileRequest { EpisodeId = reported[1].EpisodeId }, app.As()).ResponseAsync);
        var meeting = await app.Missing().ListMissingForMeetingAsync(new ListMissingForMeetingRequest { List = MeetingList.ReturnedWithoutInterview }, app.As());
        Assert.Equal(reported[0].EpisodeId, Assert.Single(meeting.Episodes).EpisodeId);
    }
}
