using Mash.Contracts.Referral.V1;
using Mash.Platform.Eventing.Inbox;
using Mash.Referral.Domain;

namespace Mash.Referral.IntegrationEvents;

/// <summary>What a referral arriving as an event must have, as a submission must: else it is dead-lettered naming the fields.</summary>
internal static class ReferralEventChecks
{
    public static void RequireValid(string referralId, ReferralDetails details, DateOnly today, Func<string, bool> areaKnown)
    {
        var problems = ReferralValidator.Validate(new SubmitReferralRequest { IdempotencyKey = referralId, Details = details }, today, areaKnown);
        if (problems.HasViolations)
        {
            throw new UnprocessableEventException("InvalidReferral",
                "The referral lacks what every referral must have: " + string.Join(", ", problems.Items.Select(v => v.Field).Distinct()) + ".");
        }
    }
}
