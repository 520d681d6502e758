using System.Collections.Concurrent;
using Grpc.Core;
using Mash.Abuse.Tests.Access;
using Mash.Abuse.Tests.Infrastructure;

namespace Mash.Abuse.Tests.BadInput;

/// <summary>
/// Every string and repeated field of every public RPC, past its documented maximum or holding a
/// control character, is refused with INVALID_ARGUMENT naming that field, through the gateway
/// and at each service directly.
/// </summary>
[Collection(AbuseCollection.Name)]
public sealed class OverLimitTests(AbuseNode node)
{
    [Fact]
    public async Task Each_field_past_its_limit_is_refused_by_name_through_the_gateway()
    {
        var cases = OverLimitCases.Generate();

        var wrong = await RunAsync(cases, _ => node.GatewayAddress);

        Assert.True(cases.Count > 300, $"only {cases.Count} cases");
        Assert.True(wrong.IsEmpty, $"{cases.Count} cases, {wrong.Count} answered wrongly:\n{string.Join('\n', wrong.Order(StringComparer.Ordinal).Take(40))}");
    }

    [Fact]
    public async Task Each_field_past_its_limit_is_refused_by_name_at_the_service_itself()
    {
        var cases = OverLimitCases.Generate();

        var wrong = await RunAsync(cases, c => node.DirectAddressOf(c.Method.Service.FullName));

        Assert.True(wrong.IsEmpty, $"{cases.Count} cases, {wrong.Count} answered wrongly:\n{string.Join('\n', wrong.Order(StringComparer.Ordinal).Take(40))}");
    }

    private async Task<ConcurrentBag<string>> RunAsync(IReadOnlyList<OverLimitCases.OverLimitCase> cases, Func<OverLimitCases.OverLimitCase, string> addressOf)
    {
        var token = node.Tokens.WithRoles(RoleTable.Roles);
        var wrong = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (@case, _) =>
        {
            var bad = @case.ToBadInput();
            var answer = await node.Raw.CallAsync(addressOf(@case), bad.Method, bad.Body, token, headers: bad.Headers);
            if (Answers.Problem(answer, StatusCode.InvalidArgument) is { } problem)
            {
                wrong.Add($"{@case.Kind} {bad.Method} {@case.Field}: {problem}");
            }
            else if (!answer.Message.Contains(@case.Field + ": ", StringComparison.Ordinal) || !answer.Message.Contains("request-limits", StringComparison.Ordinal))
            {
                wrong.Add($"{@case.Kind} {bad.Method} {@case.Field}: refused, but not by the request limits naming the field: '{answer.Message[..Math.Min(200, answer.Message.Length)]}'");
            }
        });
        return wrong;
    }
}
