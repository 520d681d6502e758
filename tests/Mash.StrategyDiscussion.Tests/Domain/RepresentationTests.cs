using Mash.Contracts.Common.V1;
using Mash.Contracts.Strategy.V1;
using Mash.StrategyDiscussion.Domain;
using Mash.StrategyDiscussion.Tests.Support;

namespace Mash.StrategyDiscussion.Tests.Domain;

public sealed class RepresentationTests
{
    [Fact]
    public void Social_care_health_and_police_who_attended_represent_their_agencies() =>
        Assert.Empty(Representation.Missing([Samples.Attended(Agency.Police), Samples.Attended(Agency.Health), Samples.Attended(Agency.ChildrenSocialCare)]));

    [Fact]
    public void An_agency_whose_participant_could_not_attend_but_said_why_is_excused() =>
        Assert.Empty(Representation.Missing([Samples.Attended(Agency.Police), Samples.Excused(Agency.Health), Samples.Attended(Agency.ChildrenSocialCare)]));

    [Fact]
    public void An_invitee_who_did_not_attend_and_gave_no_reason_does_not_count()
    {
        var silent = new Participant { Agency = Agency.Health, Name = "C. Nurse", Role = "School nurse" };
        var missing = Representation.Missing([Samples.Attended(Agency.Police), silent, Samples.Attended(Agency.ChildrenSocialCare), Samples.Attended(Agency.Education)]);

        Assert.Equal([Agency.Health], missing);
        Assert.Contains("Not represented: health.", Representation.NotRepresentedMessage(missing), StringComparison.Ordinal);
    }

    [Fact]
    public void With_nobody_recorded_every_required_agency_is_missing() =>
        Assert.Equal([Agency.ChildrenSocialCare, Agency.Health, Agency.Police], Representation.Missing([]));

    [Fact]
    public void The_participating_agencies_are_those_that_attended_or_were_excused_once_each()
    {
        var silent = new Participant { Agency = Agency.Probation, Name = "D. Officer", Role = "Probation officer" };
        Assert.Equal([Agency.Police, Agency.ChildrenSocialCare, Agency.Health],
            Representation.Participating([Samples.Attended(Agency.Health), Samples.Excused(Agency.ChildrenSocialCare), Samples.Attended(Agency.Police), Samples.Attended(Agency.Health), silent]));
    }
}
