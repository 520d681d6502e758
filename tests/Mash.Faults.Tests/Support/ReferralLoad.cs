using Mash.Contracts.Referral.V1;
using Mash.Testing.Nodes;

namespace Mash.Faults.Tests.Support;

/// <summary>Keyed referrals about a set of invented children.</summary>
public static class ReferralLoad
{
    public static string[] Children(int count) => [.. Enumerable.Range(0, count).Select(_ => TestChildren.New().NhsNumber)];

    public static SubmitReferralRequest About(string nhsNumber, string key)
    {
        var request = Referrals.Sample(key);
        request.Details.Child.NhsNumber = nhsNumber;
        return request;
    }
}
