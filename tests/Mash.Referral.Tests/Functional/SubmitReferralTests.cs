using Grpc.Core;
using Mash.Contracts.Common.V1;
using Mash.Contracts.Referral.V1;
using Mash.Platform.Auth;
using Mash.Referral.Tests.Support;

namespace Mash.Referral.Tests.Functional;

public sealed class SubmitReferralTests() : SubmitReferralScenarios(new ReferralApp());

/// <summary>The same scenarios with the service on PostgreSQL.</summary>
public sealed class SubmitReferralPostgreSqlTests() : SubmitReferralScenarios(ReferralApp.WithPostgreSql());

/// <summary>Run on each database provider.</summary>
public abstract class SubmitReferralScenarios : IDisposable
{
    private readonly ReferralApp _app;

    private protected SubmitReferralScenarios(ReferralApp app)
    {
        _app = app;
    }

    [SkippableFact]
    public async Task A_complete_referral_is_queued_with_its_score_and_a_decision_due_one_working_day_later()
    {
        var reply = await _app.Client().SubmitReferralAsync(Samples.Submit("k-1"), _app.As("police-mash"));

        var referral = reply.Referral;
        Assert.False(reply.Replayed);
        Assert.StartsWith("ref_", referral.ReferralId, StringComparison.Ordinal);
        Assert.Equal(ReferralStatus.AwaitingScreening, referral.Status);
        Assert.Equal(ChildMatchStatus.Confirmed, referral.ChildMatch);
        Assert.Equal(100, referral.Completeness.Score);
        Assert.Empty(referral.Completeness.Issues);
        Assert.Equal(Agency.Police, referral.SubmittedByAgency);
        // Monday 10:00 UTC (10:00 in London in November) + one 8-hour working day = Tuesday 10:00.
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc), referral.DecisionDueAt.ToDateTime());
        Assert.Equal(referral.DecisionDueAt, referral.DueAt);
    }

    [SkippableFact]
    public async Task A_thin_referral_is_accepted_but_its_gaps_are_named_and_without_an_nhs_number_the_match_is_unconfirmed()
    {
        var thin = new ReferralDetails
        {
            Child = new ChildIdentity { GivenName = "Sam" },
            Concern = new Concern { Description = "Concerns about neglect." },
            Referrer = new Referrer { Name = "PC Example", Agency = Agency.Police },
            LawfulBasis = LawfulBasis.LawEnforcement,
        };

        var referral = (await _app.Client().SubmitReferralAsync(Samples.Submit("thin", thin), _app.As("police-mash"))).Referral;

        Assert.Equal(ChildMatchStatus.Unconfirmed, referral.ChildMatch);
        Assert.InRange(referral.Completeness.Score, 0, 30);
        var fields = referral.Completeness.Issues.Select(i => i.Field).ToList();
        Assert.Contains("details.child.nhs_number", fields);
        Assert.Contains("details.household_members", fields);
        Assert.Contains("details.parental_knowledge.consent", fields);
        Assert.Equal(IssueSeverity.Weak, referral.Completeness.Issues.Single(i => i.Field == "details.concern.description").Severity);
    }

    [SkippableFact]
    public async Task A_retry_with_the_same_key_and_body_returns_the_same_referral_and_stores_one()
    {
        var client = _app.Client();
        var first = await client.SubmitReferralAsync(Samples.Submit("retry-me"), _app.As("police-mash"));
        var second = await client.SubmitReferralAsync(Samples.Submit("retry-me"), _app.As("police-mash"));

        Assert.True(second.Replayed);
        Assert.Equal(first.Referral.ReferralId, second.Referral.ReferralId);
        Assert.Equal(1, await _app.CountReferralsAsync());
    }

    [SkippableFact]
    public async Task A_submit_only_client_retrying_after_the_decision_sees_what_it_submitted_not_the_mashs_screening_or_decision()
    {
        var client = _app.Client();
        var education = _app.As("education-mash", "education", MashRoles.ReferralSubmit);
        var first = await client.SubmitReferralAsync(Samples.Submit("school-1"), education);
        var id = first.Referral.ReferralId;
        await client.RecordScreeningAsync(new RecordScreeningRequest { ReferralId = id, Rag = Rag.Red, Rationale = "Disclosure of assault at home" }, _app.As());
        await client.RecordDecisionAsync(new RecordDecisionRequest { ReferralId = id, Outcome = ReferralOutcome.StrategyDiscussion, Rationale = "s47 threshold met" }, _app.As());

        var replay = await client.SubmitReferralAsync(Samples.Submit("school-1"), education);

        Assert.True(replay.Replayed);
        Assert.Equal(first.Referral, replay.Referral);
        Assert.Null(replay.Referral.Screening);
        Assert.Null(replay.Referral.Decision);
        Assert.DoesNotContain("threshold", replay.ToString(), StringComparison.Ordinal);
        // A client that may read referrals sees where it stands.
        var readable = await client.SubmitReferralAsync(Samples.Submit("school-1"), _app.As("education-mash", "education", MashRoles.ReferralSubmit, MashRoles.ReferralRead));
        Assert.Equal((ReferralStatus.Decided, "s47 threshold met"), (readable.Referral.Status, readable.Referral.Decision.Rationale));
    }

    [SkippableFact]
    public async Task Concurrent_retries_with_one_key_store_one_referral()
    {
        var client = _app.Client();
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            client.SubmitReferralAsync(Samples.Submit("racing"), _app.As("police-mash")).ResponseAsync));

        Assert.Single(replies.Select(r => r.Referral.ReferralId).Distinct());
        Assert.Equal(1, await _app.CountReferralsAsync());
    }

    [SkippableFact]
    public async Task The_same_key_with_a_different_body_is_refused_and_nothing_new_is_stored()
    {
        var client = _app.Client();
        await client.SubmitReferralAsync(Samples.Submit("reused"), _app.As("police-mash"));

        await RpcAssert.FailsWith(StatusCode.AlreadyExists, () =>
            client.SubmitReferralAsync(Samples.Submit("reused", Samples.FullReferral(givenName: "Zoe")), _app.As("police-mash")).ResponseAsync);
        Assert.Equal(1, await _app.CountReferralsAsync());
    }

    [SkippableFact]
    public async Task Keys_belong_to_the_client_that_sent_them()
    {
        var client = _app.Client();
        var police = await client.SubmitReferralAsync(Samples.Submit("shared-key"), _app.As("police-mash"));
        var health = await client.SubmitReferralAsync(Samples.Submit("shared-key"), _app.As("health-mash", "health"));

        Assert.NotEqual(police.Referral.ReferralId, health.Referral.ReferralId);
    }

    [SkippableFact]
    public async Task Bad_input_names_every_bad_field_and_stores_nothing()
    {
        var details = Samples.FullReferral(nhsNumber: "9434765918");
        details.LawfulBasis = LawfulBasis.Unspecified;
        details.Concern.Description = "";
        details.Child.DateOfBirth = new Date { Year = 2015, Month = 2, Day = 30 };
        details.Referrer.Agency = (Agency)99;

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _app.Client().SubmitReferralAsync(Samples.Submit("", details), _app.As("police-mash")).ResponseAsync);

        Assert.Equal(
            ["details.child.date_of_birth", "details.child.nhs_number", "details.concern.description", "details.lawful_basis", "details.referrer.agency", "idempotency_key"],
            RpcAssert.ViolatedFields(error).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(0, await _app.CountReferralsAsync());
    }

    [SkippableFact]
    public async Task A_token_without_the_submit_role_is_refused_by_the_service_itself()
    {
        await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            _app.Client().SubmitReferralAsync(Samples.Submit("k"), _app.As("reader", "police", "Referral.Read")).ResponseAsync);
        await RpcAssert.FailsWith(StatusCode.Unauthenticated, () =>
            _app.Client().SubmitReferralAsync(Samples.Submit("k")).ResponseAsync);
        Assert.Equal(0, await _app.CountReferralsAsync());
    }

    public void Dispose()
    {
        _app.Dispose();
        GC.SuppressFinalize(this);
    }
}
